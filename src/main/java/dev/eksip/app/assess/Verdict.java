package dev.eksip.app.assess;

import static java.util.Objects.requireNonNull;

import dev.eksip.domain.Severity;
import dev.eksip.simulation.AddressSpace;
import dev.eksip.simulation.SubnetFigures;

/**
 * How bad one subnet's figures are, and the one sentence that says why. The policy: critical when the subnet runs
 * short at desired size or cannot take one more node; warning when it runs short at max size or keeps less than
 * {@link #WARNING_HEADROOM} of its usable addresses there; else OK.
 */
record Verdict(Severity severity, String reason) {
    /** A subnet is at warning when less than this share of its usable addresses remains at max size. */
    static final double WARNING_HEADROOM = 0.10;

    Verdict {
        requireNonNull(severity, "severity");
        requireNonNull(reason, "reason");
    }

    /** The note of a subnet without an IPv4 CIDR: not forecast, since it has no IPv4 address to run out of. */
    static final String IPV6_ONLY = "IPv6-only subnet: no IPv4 addresses to run out of; not forecast.";

    static Verdict of(SubnetFigures f) {
        if (AddressSpace.ipv6Only(f.subnet())) return new Verdict(Severity.OK, IPV6_ONLY);
        int desired = f.atDesired().headline();
        int max = f.atMax().headline();
        int fit = f.nodesThatFit();
        int usable = f.usableIps();
        String unit = f.prefixMode() ? "addresses in free /28 blocks" : "addresses";
        if (desired < 0)
            return new Verdict(Severity.CRITICAL,
                    "At desired size the subnet is short by %d %s.".formatted(-desired, unit));
        if (fit == 0)
            return new Verdict(Severity.CRITICAL, "Only %d %s left: not enough for one more node (needs %d)."
                    .formatted(f.freeNow(), unit, f.nodeCost()));
        if (max < 0)
            return new Verdict(Severity.WARNING,
                    "At max size the subnet is short by %d %s; %d more nodes fit.".formatted(-max, unit, fit));
        if (max < WARNING_HEADROOM * usable)
            return new Verdict(Severity.WARNING, "At max size only %d %s (%d%% of %d usable) remain."
                    .formatted(max, unit, Math.round(100.0 * max / usable), usable));
        return new Verdict(Severity.OK, "%d %s remain at max size%s.".formatted(max, unit,
                fit < 0 ? "" : "; %d more nodes fit".formatted(fit)));
    }
}
