package dev.eksip.app.port;

import static java.util.Objects.requireNonNull;

import dev.eksip.app.runway.Sample;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Port: the function's own published series read back (CloudWatch {@code GetMetricData} in production), the first
 * source of a subnet's runway history. Failures surface as {@code AwsCallException}; a subnet with no data is
 * simply absent from the answer (first deployment, or a series the detail level does not publish).
 */
public interface MetricHistory {
    /** One series to read: a per-subnet metric ({@code AvailableIps}, or {@code FreePrefixBlocks} for PD). */
    record Key(String subnetId, String vpcId, String metric) {
        public Key {
            requireNonNull(subnetId, "subnetId");
            requireNonNull(vpcId, "vpcId");
            requireNonNull(metric, "metric");
        }
    }

    /** Each key's samples in {@code [from, to)}, hourly minima, oldest first; keys without data absent. */
    Map<Key, List<Sample>> read(List<Key> keys, Instant from, Instant to);
}
