package dev.eksip.aws;

import dev.eksip.app.ReadRunway;
import dev.eksip.app.port.MetricHistory;
import dev.eksip.app.runway.Sample;
import dev.eksip.app.runway.SubnetRunway;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.Inventory;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The runway's history read from AWS ({@code audit --live --history}): the function's own series through
 * {@link CloudWatchMetricHistory}, else scaling activities through {@link AutoScalingScalingHistory}, combined by
 * {@link ReadRunway}. {@link #IAM_ACTIONS} are exactly the calls those two make (docs/cli.md's policy).
 */
public final class AwsRunway {
    public static final List<String> IAM_ACTIONS = List.of(
            AutoScalingScalingHistory.ACTION,
            CloudWatchMetricHistory.ACTION);

    private AwsRunway() {
    }

    /**
     * The function's own series of every forecast subnet over {@code days} ({@code inventory export --history}):
     * what {@link CloudWatchMetricHistory} answers, keyed as {@link ReadRunway} asks for it.
     */
    public static Map<MetricHistory.Key, List<Sample>> series(AwsClients clients, String namespace, Forecast forecast,
                                                              int days) {
        List<MetricHistory.Key> keys = forecast.subnets().stream().map(ReadRunway::key).toList();
        if (keys.isEmpty()) return Map.of();
        try (CloudWatchClient cloudWatch = clients.client(CloudWatchClient.builder(), "CLOUDWATCH")) {
            return new CloudWatchMetricHistory(cloudWatch, namespace).read(keys,
                    forecast.asOf().minus(Duration.ofDays(days)), forecast.asOf().plusSeconds(1));
        }
    }

    /** Each forecast subnet's runway over {@code days} of history, metrics in {@code namespace}. */
    public static Map<String, SubnetRunway> read(AwsClients clients, String namespace, Inventory inventory,
                                                 Forecast forecast, int days) {
        try (CloudWatchClient cloudWatch = clients.client(CloudWatchClient.builder(), "CLOUDWATCH")) {
            return new ReadRunway(new CloudWatchMetricHistory(cloudWatch, namespace),
                    new AutoScalingScalingHistory(clients.autoScaling())).read(inventory, forecast, days);
        }
    }
}
