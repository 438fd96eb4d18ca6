package dev.eksip.domain;

/**
 * One prefix-delegation figure as a band over where EC2 puts single /32 addresses (vpc-cni-model.md, "Beyond the
 * original: random /32 placement and the /28 band"): {@code packed}, the best case in which /32s fill loose
 * addresses before breaking a free /28; {@code expected}, the mean under random placement (the headline); and
 * {@code pessimistic}, its 10th percentile. Larger is better for every figure carried (nodes that fit, free blocks
 * left); negative free blocks = short by that many prefixes.
 */
public record PlacementBand(int packed, int expected, int pessimistic) {
    public PlacementBand {
        if (pessimistic > expected || expected > packed)
            throw new IllegalArgumentException("expected pessimistic <= expected <= packed, got %d/%d/%d"
                    .formatted(pessimistic, expected, packed));
    }

    /** The headline figure: the expected value under random placement. */
    public int headline() {
        return expected;
    }
}
