package dev.eksip.domain;

/**
 * What one ENI takes from its subnet (vpc-cni-model.md §6(i)): /32 addresses (its primary IP and every secondary
 * IP) and /28 prefixes of {@link EniHolding#PREFIX_SIZE} addresses each. The one measure of an ENI's footprint,
 * for an observed {@link Eni} and a modelled {@link EniHolding} alike.
 *
 * @param ips      /32 addresses: the primary IP plus the secondary IPs
 * @param prefixes /28 prefixes
 */
public record SubnetTake(int ips, int prefixes) {
    public SubnetTake {
        if (ips < 0 || prefixes < 0) throw new IllegalArgumentException("negative take");
    }

    /** Addresses the subnet loses: every /32 plus 16 per prefix. */
    public int addresses() {
        return ips + EniHolding.PREFIX_SIZE * prefixes;
    }
}
