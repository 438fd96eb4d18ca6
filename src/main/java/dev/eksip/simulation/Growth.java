package dev.eksip.simulation;

import dev.eksip.domain.GrowthForecast;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * The growth phase (vpc-cni-model.md §9): every node group grows to its desired and to its max size, and to its
 * desired size plus its update surge ({@link UpdateSurge}), node by node, under each {@link CostAssumption}
 * ({@link ScaleOut}), and under "full" the existing nodes first grow to max pods ({@link ExistingNodesGrowth}); new
 * nodes are spread over the group's subnets by the {@link ZoneBalancer} and
 * their ENIs placed by {@link Destinations}. Owns the simulated subnet spaces; exposes per subnet what is left.
 */
final class Growth {
    private final Map<String, GrowthForecast> atDesired;
    private final Map<String, GrowthForecast> atMax;
    private final Map<String, SubnetTakes> takenAtDesired = new HashMap<>();
    private final Map<String, SubnetTakes> takenAtMax = new HashMap<>();

    /** What the growth took from one subnet under the headline (median) assumption: /32s and /28 prefixes. */
    record SubnetTakes(long ips, long prefixes) {
        static final SubnetTakes NONE = new SubnetTakes(0, 0);
    }
    private final Map<String, GrowthForecast> atUpdate;

    private Growth(Map<String, GrowthForecast> atDesired, Map<String, GrowthForecast> atMax,
                   Map<String, GrowthForecast> atUpdate) {
        this.atDesired = atDesired;
        this.atMax = atMax;
        this.atUpdate = atUpdate;
    }

    static Growth run(List<GroupGrowth> groups, Map<String, SubnetSpace> now, Destinations destinations) {
        return run(groups, now, destinations, ScaleOut.ONE_BY_ONE);
    }

    /** {@code oneByOne}: up to how many new nodes a group grows without looking for cycles ({@link ScaleOut}). */
    static Growth run(List<GroupGrowth> groups, Map<String, SubnetSpace> now, Destinations destinations,
                      int oneByOne) {
        Map<String, SubnetTakes> desiredTakes = new HashMap<>();
        Map<String, SubnetTakes> maxTakes = new HashMap<>();
        // Under "full" the existing nodes grow first; that does not depend on how many nodes are added, so it is
        // simulated once and each target starts from a copy of it.
        Map<String, SubnetSpace> existingFull = copy(now);
        for (GroupGrowth g : groups) ExistingNodesGrowth.grow(g, g.existing(), existingFull, destinations);
        Growth g = new Growth(
                grow(groups, now, existingFull, destinations, x -> x.newNodes(false), desiredTakes, oneByOne),
                grow(groups, now, existingFull, destinations, x -> x.newNodes(true), maxTakes, oneByOne),
                grow(groups, now, existingFull, destinations, GroupGrowth::newNodesAtUpdate, new HashMap<>(),
                        oneByOne));
        g.takenAtDesired.putAll(desiredTakes);
        g.takenAtMax.putAll(maxTakes);
        return g;
    }

    /** What growing to desired (or, {@code atMax}, to max) size takes from the subnet, median assumption. */
    SubnetTakes taken(String subnetId, boolean atMax) {
        return (atMax ? takenAtMax : takenAtDesired).getOrDefault(subnetId, SubnetTakes.NONE);
    }

    /**
     * What the subnet has left while every managed node group is updated at its desired size (its
     * {@link UpdateSurge} launched before old nodes drain; self-managed groups at desired size).
     */
    GrowthForecast atUpdate(String subnetId) {
        return atUpdate.get(subnetId);
    }

    /** What the subnet has left once every node group reaches its desired size. */
    GrowthForecast atDesired(String subnetId) {
        return atDesired.get(subnetId);
    }

    /** What the subnet has left once every node group reaches its max size. */
    GrowthForecast atMax(String subnetId) {
        return atMax.get(subnetId);
    }

    private static Map<String, SubnetSpace> copy(Map<String, SubnetSpace> spaces) {
        Map<String, SubnetSpace> out = new HashMap<>();
        spaces.forEach((id, space) -> out.put(id, space.copy()));
        return out;
    }

    /** {@code existingFull}: {@code now} after the existing nodes grew to max pods, where "full" starts. */
    private static Map<String, GrowthForecast> grow(List<GroupGrowth> groups, Map<String, SubnetSpace> now,
                                                    Map<String, SubnetSpace> existingFull,
                                                    Destinations destinations, ToIntFunction<GroupGrowth> newNodes,
                                                    Map<String, SubnetTakes> taken, int oneByOne) {
        CostAssumption[] assumptions = CostAssumption.values();
        Map<String, int[]> left = new HashMap<>();
        for (CostAssumption assumption : assumptions) {
            Map<String, SubnetSpace> state = copy(assumption == CostAssumption.FULL ? existingFull : now);
            for (GroupGrowth g : groups) ScaleOut.grow(g, assumption, state, destinations, newNodes.applyAsInt(g),
                        oneByOne);
            // Short by more than an int holds (2^31 nodes): the lowest figure, never a wrapped-around one.
            state.forEach((id, space) -> left.computeIfAbsent(id, k -> new int[assumptions.length])
                    [assumption.ordinal()] = Math.clamp(space.value(), Integer.MIN_VALUE, Integer.MAX_VALUE));
            if (assumption == CostAssumption.MEDIAN)
                state.forEach((id, space) -> taken.put(id, new SubnetTakes(space.ipsTaken(), space.prefixesTaken())));
        }
        Map<String, GrowthForecast> out = new HashMap<>();
        left.forEach((id, v) -> out.put(id, new GrowthForecast(v[CostAssumption.BASELINE.ordinal()],
                v[CostAssumption.MEDIAN.ordinal()], v[CostAssumption.FULL.ordinal()])));
        return out;
    }
}
