package dev.eksip.cli;

import dev.eksip.app.AwsCallException;
import dev.eksip.app.MetricMapping;
import dev.eksip.app.RunwayMetrics;
import dev.eksip.app.port.MetricPoint;
import dev.eksip.app.runway.SubnetRunway;
import dev.eksip.aws.AwsClients;
import dev.eksip.aws.AwsRunway;
import dev.eksip.aws.AwsInventorySource;
import dev.eksip.aws.ClusterNames;
import dev.eksip.aws.LambdaAdapters;
import dev.eksip.config.AppConfig;
import dev.eksip.config.KubernetesRead;
import dev.eksip.kube.KubeInventorySource;
import dev.eksip.domain.CniSettings;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.Inventory;
import dev.eksip.domain.Scope;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The CLI's access to a live account ({@code audit --live}, {@code inventory export}): credentials and region
 * from {@code --profile}/{@code --region} over {@link CliEnvironment#aws()} (else the SDK's default chains),
 * endpoint overrides from the same variables. A credentials failure is one line saying what to do
 * ({@link AwsOptions#explain}).
 */
final class LiveAccount {
    private LiveAccount() {
    }

    /**
     * The live inventory of {@code clusters} (empty: every cluster), with {@code CNI_SETTINGS} for clusters whose
     * settings cannot be read.
     *
     * @throws IllegalArgumentException a requested cluster does not exist in the region (naming the ones that do),
     *                                  as {@code --cluster} with a snapshot
     */
    static Inventory inventory(List<String> clusters, CliEnvironment env, AwsOptions options, ReadOptions reads,
                               Consumer<String> progress) {
        return inventory(clusters, env, options, reads, KubernetesRead.NONE, progress);
    }

    /** As above; {@code kube}: exact mode ({@code --kube}) for the clusters it selects. */
    static Inventory inventory(List<String> clusters, CliEnvironment env, AwsOptions options, ReadOptions reads,
                               KubernetesRead kube, Consumer<String> progress) {
        Map<String, CniSettings> configured = env.configuredCni();   // a bad CNI_SETTINGS fails before any call
        Map<String, String> aws = reads.applyTo(options.applyTo(env.aws()), env.function());
        try (AwsClients clients = AwsClients.fromEnvironment(aws)) {
            Inventory inventory = KubeInventorySource.over(AwsInventorySource.using(clients, configured, progress),
                    kube, clients.eks(), clients.credentials(), clients.region().id(), progress).load(clusters);
            unknownClusters(inventory, clusters, clients);
            return inventory;
        } catch (RuntimeException e) {
            throw AwsOptions.explain(e, aws);
        }
    }

    /**
     * {@code audit --publish}: the forecast's metrics to CloudWatch ({@code METRIC_NAMESPACE}, default
     * {@value AppConfig#DEFAULT_NAMESPACE}; {@code METRIC_DETAIL}, default lean), exactly as the Lambda publishes them. Alerts stay the Lambda's job
     * (they need its de-duplication state).
     */
    static int publish(Forecast forecast, boolean accountWide, CliEnvironment env, AwsOptions options,
                       Consumer<String> progress) {
        return publish(forecast, accountWide, Map.of(), env, options, progress);
    }

    /** As {@link #publish(Forecast, boolean, CliEnvironment, AwsOptions, Consumer)}, plus the runway's datums. */
    static int publish(Forecast forecast, boolean accountWide, Map<String, SubnetRunway> runway, CliEnvironment env,
                       AwsOptions options, Consumer<String> progress) {
        String namespace = env.metricNamespace();
        List<MetricPoint> points = new java.util.ArrayList<>(
                MetricMapping.points(forecast, accountWide, 0, env.metricDetail()));
        points.addAll(env.metricDetail().select(RunwayMetrics.points(forecast, runway, accountWide)));
        Map<String, String> aws = options.applyTo(env.aws());
        try {
            new LambdaAdapters(aws).metricsSink(namespace).publish(points);
        } catch (RuntimeException e) {
            throw AwsOptions.explain(e, aws);
        }
        progress.accept("published %d metric datums to namespace %s".formatted(points.size(), namespace));
        return points.size();
    }

    /** {@code inventory export --history}: the function's series of every forecast subnet over {@code days}. */
    static java.util.List<dev.eksip.app.snapshot.SubnetSeries> series(Forecast forecast, int days, CliEnvironment env,
                                                                     AwsOptions options, Consumer<String> progress) {
        Map<String, String> aws = options.applyTo(env.aws());
        try (AwsClients clients = AwsClients.fromEnvironment(aws)) {
            var series = SnapshotRunway.toSeries(AwsRunway.series(clients, env.metricNamespace(), forecast, days));
            progress.accept("read %d days of history: %d series".formatted(days, series.size()));
            return series;
        } catch (RuntimeException e) {
            throw AwsOptions.explain(e, aws);
        }
    }

    /** {@code audit --live --history}: each subnet's runway from the function's metrics, else scaling activities. */
    static Map<String, SubnetRunway> runway(Inventory inventory, Forecast forecast, int days, CliEnvironment env,
                                            AwsOptions options, Consumer<String> progress) {
        Map<String, String> aws = options.applyTo(env.aws());
        try (AwsClients clients = AwsClients.fromEnvironment(aws)) {
            Map<String, SubnetRunway> runway = AwsRunway.read(clients, env.metricNamespace(), inventory, forecast, days);
            progress.accept("read %d days of history for %d subnets".formatted(days, runway.size()));
            return runway;
        } catch (RuntimeException e) {
            throw AwsOptions.explain(e, aws);
        }
    }

    /**
     * A requested cluster the region does not have ({@code eks:DescribeCluster} answered
     * {@code ResourceNotFoundException}) is bad input, as for a snapshot ({@code InventoryFilter}), and the message
     * lists the clusters that exist; a cluster that exists but cannot be read (access denied) stays an inventory
     * gap in the report.
     */
    private static void unknownClusters(Inventory inventory, List<String> requested, AwsClients clients) {
        List<String> missing = inventory.gaps().stream()
                .filter(g -> g.errorCode().equals("ResourceNotFoundException") && g.scope() instanceof Scope.OfCluster)
                .map(g -> ((Scope.OfCluster) g.scope()).name())
                .filter(requested::contains).distinct().toList();
        if (missing.isEmpty()) return;
        String existing;
        try {
            List<String> names = ClusterNames.list(clients);
            existing = names.isEmpty() ? "the region has no clusters" : "the region has " + String.join(", ", names);
        } catch (AwsCallException e) {
            existing = "the clusters cannot be listed: " + e.getMessage();
        }
        throw new IllegalArgumentException("--cluster: unknown cluster %s in %s; %s".formatted(
                String.join(", ", missing.stream().map(n -> "'" + n + "'").toList()), inventory.region(), existing));
    }
}
