package dev.eksip.app.runway;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * One node joining ({@code delta > 0}) or leaving a node group, as a scaling activity reports it.
 *
 * @param subnets          the subnet the instance was placed in (one, from the activity's details), or the
 *                         group's subnets when the activity does not say (the change is then spread evenly)
 * @param addressesPerNode what one node of that group costs in the subnet's unit (addresses, or /28 blocks for
 *                         prefix delegation): the forecast's per-node cost
 */
public record NodeChange(Instant at, int delta, double addressesPerNode, List<String> subnets) {
    public NodeChange {
        requireNonNull(at, "at");
        subnets = List.copyOf(subnets);
        if (subnets.isEmpty()) throw new IllegalArgumentException("a node change needs at least one subnet");
        if (!(addressesPerNode >= 0))
            throw new IllegalArgumentException("addressesPerNode must be >= 0, got " + addressesPerNode);
    }

    /** This change's effect on {@code subnet}'s demand (0 when it is not one of its subnets). */
    double demandIn(String subnet) {
        return subnets.contains(subnet) ? delta * addressesPerNode / subnets.size() : 0;
    }
}
