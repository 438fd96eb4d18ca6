package dev.eksip.app.assess;

import static java.util.Objects.requireNonNull;

import dev.eksip.domain.EniHolding;
import dev.eksip.domain.PrefixPlacement;
import dev.eksip.domain.Severity;
import dev.eksip.simulation.AddressSpace;
import dev.eksip.simulation.SubnetFigures;

import java.util.Optional;

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
        Verdict v = judged(f);
        if (f.overflowTo().isEmpty()) return v;
        // PrimaryPrefixes: ipamd's tryAssignPrefixes skips this subnet on InsufficientCidrBlocks under subnet
        // discovery and createENI puts a new ENI in a candidate (amazon-vpc-cni-k8s v1.23.1).
        return new Verdict(v.severity(), v.reason() + (" Counted in addresses: with subnet discovery, new nodes' "
                + "/28 prefixes go to a new ENI in %s when this subnet has no free /28.")
                .formatted(String.join(", ", f.overflowTo())));
    }

    private static Verdict judged(SubnetFigures f) {
        if (AddressSpace.ipv6Only(f.subnet())) return new Verdict(Severity.OK, IPV6_ONLY);
        Optional<PrefixPlacement> band = f.placement();
        // Prefix mode: the headline is random /32 placement's expected value, never above the packed figure.
        int desired = band.map(b -> Math.min(f.atDesired().headline(),
                EniHolding.PREFIX_SIZE * b.freeBlocksAtDesired().headline())).orElse(f.atDesired().headline());
        int max = band.map(b -> Math.min(f.atMax().headline(),
                EniHolding.PREFIX_SIZE * b.freeBlocksAtMax().headline())).orElse(f.atMax().headline());
        int fit = nodesFit(f);
        int usable = f.usableIps();
        String unit = f.prefixMode() ? "addresses in free /28 blocks" : "addresses";
        if (band.isPresent() && f.nodesThatFit() != 0) unit += " (expected under random /32 placement)";
        if (desired < 0)
            return new Verdict(Severity.CRITICAL,
                    "At desired size the subnet is short by %d %s.".formatted(-desired, unit));
        if (fit == 0 && f.nodesThatFit() > 0)
            return new Verdict(Severity.CRITICAL, ("%d free /28 blocks, but with EC2 placing /32 addresses at "
                    + "random the next node is not expected to get its prefixes (packed, %d nodes would fit).")
                    .formatted(f.freePrefixBlocks(), f.nodesThatFit()));
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

    /** New nodes that still fit: in prefix mode the expected value under random /32 placement (the headline). */
    static int nodesFit(SubnetFigures f) {
        return f.placement().map(b -> b.nodesFit().headline()).orElse(f.nodesThatFit());
    }
}
