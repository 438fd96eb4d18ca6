package dev.eksip.domain;

import static java.util.Objects.requireNonNull;

/**
 * A prefix-delegation subnet's /28 figures as bands over /32 placement ({@link PlacementBand}): new nodes (median
 * holding) that still fit, and free aligned /28 blocks left once every node group reaches its desired and its max
 * size (median-holding assumption, the headline of {@link GrowthForecast}).
 */
public record PrefixPlacement(PlacementBand nodesFit, PlacementBand freeBlocksAtDesired,
                              PlacementBand freeBlocksAtMax) {
    public PrefixPlacement {
        requireNonNull(nodesFit, "nodesFit");
        requireNonNull(freeBlocksAtDesired, "freeBlocksAtDesired");
        requireNonNull(freeBlocksAtMax, "freeBlocksAtMax");
    }
}
