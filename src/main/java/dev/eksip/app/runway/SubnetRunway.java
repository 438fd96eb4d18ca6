package dev.eksip.app.runway;

import static java.util.Objects.requireNonNull;

/**
 * One subnet's runway and where it came from.
 *
 * @param unit        {@code addresses}, or {@code prefix-blocks} for prefix-delegation subnets (free /28 blocks)
 * @param historyDays distinct days of history the estimate used (the source's window for scaling activities)
 */
public record SubnetRunway(String subnetId, HistorySource source, int historyDays, String unit, Runway runway) {
    public static final String ADDRESSES = "addresses";
    public static final String PREFIX_BLOCKS = "prefix-blocks";

    public SubnetRunway {
        requireNonNull(subnetId, "subnetId");
        requireNonNull(source, "source");
        requireNonNull(unit, "unit");
        requireNonNull(runway, "runway");
        if (historyDays < 0) throw new IllegalArgumentException("historyDays must be >= 0, got " + historyDays);
    }
}
