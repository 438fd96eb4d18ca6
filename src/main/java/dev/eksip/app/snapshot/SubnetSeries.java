package dev.eksip.app.snapshot;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * One subnet's recorded free capacity in a snapshot's optional {@code history} (docs/inventory-format.md): the
 * function's per-subnet series as {@code GetMetricData} returns it ({@code AvailableIps} in addresses, or
 * {@code FreePrefixBlocks} in free /28 blocks for prefix-delegation subnets), oldest first, so that
 * {@code audit --inventory FILE} reproduces the runway offline.
 */
public record SubnetSeries(String subnetId, String metric, List<Point> points) {
    public static final String AVAILABLE_IPS = "AvailableIps";
    public static final String FREE_PREFIX_BLOCKS = "FreePrefixBlocks";

    public SubnetSeries {
        requireNonNull(subnetId, "subnetId");
        requireNonNull(metric, "metric");
        points = List.copyOf(points);
    }

    /** One observation: free addresses (or /28 blocks) at {@code at}. */
    public record Point(Instant at, double free) {
        public Point {
            requireNonNull(at, "at");
        }
    }
}
