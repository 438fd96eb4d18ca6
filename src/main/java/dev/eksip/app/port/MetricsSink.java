package dev.eksip.app.port;

import java.util.List;

/** Port: where the forecast's metrics go (CloudWatch {@code PutMetricData} in production). */
public interface MetricsSink {
    /** Publishes every point; the adapter splits into calls of at most 1000 datums. */
    void publish(List<MetricPoint> points);
}
