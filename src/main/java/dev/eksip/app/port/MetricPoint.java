package dev.eksip.app.port;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * One CloudWatch datum, independent of the SDK.
 *
 * @param name       metric name, e.g. {@code ForecastAvailableIpsAtMax}
 * @param unit       {@code Count} or {@code Percent}
 * @param value      always finite
 * @param dimensions in publishing order (at most 30)
 * @param timestamp  the audit time
 */
public record MetricPoint(String name, String unit, double value, List<Dimension> dimensions, Instant timestamp) {
    public MetricPoint {
        requireNonNull(name, "name");
        requireNonNull(unit, "unit");
        requireNonNull(timestamp, "timestamp");
        dimensions = List.copyOf(dimensions);
        if (!Double.isFinite(value))
            throw new IllegalArgumentException("metric %s %s: value must be finite, got %s".formatted(name, dimensions, value));
        if (dimensions.size() > 30)
            throw new IllegalArgumentException("metric %s: at most 30 dimensions".formatted(name));
    }

    /** A CloudWatch dimension. */
    public record Dimension(String name, String value) {
        public Dimension {
            requireNonNull(name, "name");
            requireNonNull(value, "value");
        }
    }
}
