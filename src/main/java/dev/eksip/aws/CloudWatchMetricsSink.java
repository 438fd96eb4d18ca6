package dev.eksip.aws;

import static java.util.Objects.requireNonNull;

import dev.eksip.app.AwsCallException;
import dev.eksip.app.port.MetricPoint;
import dev.eksip.app.port.MetricsSink;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;

import java.util.List;

/**
 * Publishes metric points with {@code PutMetricData}, at most {@value #MAX_DATUMS_PER_CALL} datums per call
 * (the API's limit), into one namespace. Non-finite values never reach here ({@link MetricPoint} rejects them).
 */
final class CloudWatchMetricsSink implements MetricsSink {
    public static final int MAX_DATUMS_PER_CALL = 1000;
    private final CloudWatchClient cloudWatch;
    private final String namespace;

    public CloudWatchMetricsSink(CloudWatchClient cloudWatch, String namespace) {
        this.cloudWatch = requireNonNull(cloudWatch, "cloudWatch");
        this.namespace = requireNonNull(namespace, "namespace");
    }

    @Override
    public void publish(List<MetricPoint> points) {
        for (int from = 0; from < points.size(); from += MAX_DATUMS_PER_CALL) {
            List<MetricDatum> batch = points.subList(from, Math.min(points.size(), from + MAX_DATUMS_PER_CALL))
                    .stream().map(CloudWatchMetricsSink::datum).toList();
            try {
                cloudWatch.putMetricData(r -> r.namespace(namespace).metricData(batch));
            } catch (AwsServiceException e) {
                throw new AwsCallException("cloudwatch:PutMetricData", e.awsErrorDetails() == null
                        || e.awsErrorDetails().errorCode() == null ? "HTTP " + e.statusCode()
                        : e.awsErrorDetails().errorCode(), e.getMessage(), e);
            } catch (SdkClientException e) {
                throw new AwsCallException("cloudwatch:PutMetricData", "SdkClientException", e.getMessage(), e);
            }
        }
    }

    static MetricDatum datum(MetricPoint p) {
        return MetricDatum.builder()
                .metricName(p.name())
                .unit(StandardUnit.fromValue(p.unit()))
                .value(p.value())
                .timestamp(p.timestamp())
                .dimensions(p.dimensions().stream()
                        .map(d -> Dimension.builder().name(d.name()).value(d.value()).build()).toList())
                .build();
    }
}
