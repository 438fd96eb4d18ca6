package dev.eksip.domain;

import static java.util.Objects.requireNonNull;

/**
 * The addresses one ENI holds: its primary IP, secondary IPs and /28 prefixes (vpc-cni-model.md §6(i)).
 */
public record EniHolding(EniRole role, int secondaryIps, int prefixes) {
    public static final int PREFIX_SIZE = 16;

    public EniHolding {
        requireNonNull(role, "role");
        if (secondaryIps < 0 || prefixes < 0) throw new IllegalArgumentException("negative holding");
    }

    /** Addresses that pods can be given from this ENI: secondary IPs plus 16 per prefix (§3 TotalIPs). */
    public int podAddresses() {
        return secondaryIps + PREFIX_SIZE * prefixes;
    }

    /** §6(i): what the subnet loses for this ENI: its primary IP + every secondary IP, and its prefixes. */
    public SubnetTake take() {
        return new SubnetTake(1 + secondaryIps, prefixes);
    }
}
