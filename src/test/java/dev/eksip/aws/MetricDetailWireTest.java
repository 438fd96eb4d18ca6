package dev.eksip.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eksip.testing.aws.CloudWatchWireRecorder;
import dev.eksip.testing.forecast.Forecasts;
import dev.eksip.app.MetricMapping;
import dev.eksip.app.RunwayMetrics;
import dev.eksip.app.runway.HistorySource;
import dev.eksip.app.runway.Runway;
import dev.eksip.app.runway.SubnetRunway;
import dev.eksip.app.MetricMapping.Detail;
import dev.eksip.app.MetricMapping.Kind;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.SubnetForecast;
import dev.eksip.domain.ZoneForecast;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code METRIC_DETAIL} at the wire: what {@code lean} and {@code full} put into {@code PutMetricData}, decoded from
 * the CBOR the SDK sends. The counts measured here for an account of 100 subnets are the inputs of the cost
 * section of docs/operations.md, which must contain the tables {@link CostTable} derives from them (and they are
 * written to {@code target/metric-counts.md}).
 */
class MetricDetailWireTest {
    /** What one audit put on the wire. */
    record Wire(List<JsonNode> datums, int calls) {
        /** Distinct series (name + dimension values) per kind of scope. */
        Map<Scope, Integer> series() {
            Map<Scope, Set<String>> byScope = new LinkedHashMap<>();
            for (JsonNode d : datums) {
                List<String> names = new ArrayList<>();
                StringBuilder key = new StringBuilder(d.path("MetricName").asText());
                d.path("Dimensions").forEach(x -> {
                    names.add(x.path("Name").asText());
                    key.append(' ').append(x.path("Name").asText()).append('=').append(x.path("Value").asText());
                });
                byScope.computeIfAbsent(Scope.of(names), s -> new HashSet<>()).add(key.toString());
            }
            Map<Scope, Integer> out = new LinkedHashMap<>();
            for (Scope s : Scope.values()) out.put(s, byScope.getOrDefault(s, Set.of()).size());
            return out;
        }

        Set<Kind> kinds() {
            return datums.stream().map(d -> {
                List<String> names = new ArrayList<>();
                d.path("Dimensions").forEach(x -> names.add(x.path("Name").asText()));
                return new Kind(d.path("MetricName").asText(), names);
            }).collect(Collectors.toSet());
        }

        Set<String> datumKeys() {
            return datums.stream().map(JsonNode::toString).collect(Collectors.toSet());
        }
    }

    /** The scope a metric is published for, by its dimension names. */
    enum Scope {
        SUBNET, ZONE, CLUSTER, ACCOUNT;

        static Scope of(List<String> dimensionNames) {
            return switch (String.join(",", dimensionNames.stream().sorted().toList())) {
                case "SubnetId,VpcId" -> SUBNET;
                case "AvailabilityZone,VpcId" -> ZONE;
                case "ClusterName" -> CLUSTER;
                case "" -> ACCOUNT;
                default -> throw new AssertionError("unexpected dimensions " + dimensionNames);
            };
        }
    }

    /** Every subnet declining (20 days of runway): each runway datum is published. */
    static Map<String, SubnetRunway> runways(Forecast forecast) {
        Map<String, SubnetRunway> out = new LinkedHashMap<>();
        for (SubnetForecast s : forecast.subnets())
            out.put(s.subnetId(), new SubnetRunway(s.subnetId(), HistorySource.METRICS, 14, SubnetRunway.ADDRESSES,
                    new Runway.Declining(-5, -6, -4, 20, 16.7, 25)));
        return out;
    }

    /** What one audit's runway asked {@code GetMetricData} for: its calls and the metrics requested. */
    record Reads(int calls, int metricsRequested) {
    }

    static Reads readHistory(Forecast forecast) {
        try (CloudWatchWireRecorder recorder = new CloudWatchWireRecorder();
             CloudWatchClient client = client(recorder)) {
            new CloudWatchMetricHistory(client, "EksIpForecast").read(
                    forecast.subnets().stream().map(dev.eksip.app.ReadRunway::key).toList(),
                    forecast.asOf().minus(java.time.Duration.ofDays(14)), forecast.asOf());
            assertThat(recorder.unexpected()).isEmpty();
            int requested = recorder.getMetricDataCalls().stream().mapToInt(c -> c.path("MetricDataQueries").size()).sum();
            return new Reads(recorder.getMetricDataCalls().size(), requested);
        }
    }

    private static CloudWatchClient client(CloudWatchWireRecorder recorder) {
        return CloudWatchClient.builder()
                .endpointOverride(recorder.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** The function's datums: the forecast's and the runway's ({@code RunwayAddOn}), at {@code detail}. */
    static Wire publish(Forecast forecast, boolean accountWide, Detail detail) {
        try (CloudWatchWireRecorder recorder = new CloudWatchWireRecorder();
             CloudWatchClient client = CloudWatchClient.builder()
                     .endpointOverride(recorder.endpoint())
                     .region(Region.US_EAST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                     .httpClient(UrlConnectionHttpClient.create())
                     .build()) {
            List<dev.eksip.app.port.MetricPoint> points = new ArrayList<>(
                    MetricMapping.points(forecast, accountWide, 0, detail));
            points.addAll(detail.select(RunwayMetrics.points(forecast, runways(forecast), accountWide)));
            new CloudWatchMetricsSink(client, "EksIpForecast").publish(points);
            assertThat(recorder.unexpected()).isEmpty();
            return new Wire(recorder.datums(), recorder.calls().size());
        }
    }

    @Test
    void fullSendsEveryMetricAndLeanOnlyWhatTheAlarmsAndTheDashboardRead() {
        Forecast forecast = Forecasts.forecast(
                Forecasts.subnet("subnet-0a1b2c3d4e5f60001").critical().build(),
                Forecasts.subnet("subnet-0a1b2c3d4e5f60002").az("us-east-1b").prefixBlocks(3).build(),
                Forecasts.subnet("subnet-0a1b2c3d4e5f60003").az("us-east-1c").nodesUntilExhaustion(-1).build());

        Wire full = publish(forecast, true, Detail.FULL);
        Wire lean = publish(forecast, true, Detail.LEAN);

        Set<Kind> everything = new HashSet<>();
        MetricMapping.SUBNET_METRICS.forEach(n -> everything.add(new Kind(n, List.of("SubnetId", "VpcId"))));
        MetricMapping.ZONE_METRICS.forEach(n -> everything.add(new Kind(n, List.of("VpcId", "AvailabilityZone"))));
        MetricMapping.CLUSTER_METRICS.forEach(n -> everything.add(new Kind(n, List.of("ClusterName"))));
        MetricMapping.ACCOUNT_METRICS.forEach(n -> everything.add(new Kind(n, List.of())));
        everything.add(new Kind("RunwayDays", List.of("SubnetId", "VpcId")));
        everything.add(new Kind("MinRunwayDays", List.of("ClusterName")));
        everything.add(new Kind("MinRunwayDays", List.of()));
        assertThat(full.kinds()).containsExactlyInAnyOrderElementsOf(everything);
        assertThat(full.datums()).hasSize(MetricMapping.points(forecast, true, 0).size()
                + RunwayMetrics.points(forecast, runways(forecast), true).size());
        assertThat(lean.kinds()).containsExactlyInAnyOrderElementsOf(MetricMapping.LEAN);
        // lean is a subset of full, datum for datum (same values, dimensions and timestamps)
        assertThat(full.datumKeys()).containsAll(lean.datumKeys());
        assertThat(lean.datums()).extracting(d -> d.path("MetricName").asText())
                .doesNotContain("UsableIps", "UtilizationPercent", "WarmIps", "FreePrefixBlocks",
                        "MinForecastAvailableIpsAtDesired");
        assertThat(lean.series().get(Scope.ZONE)).isZero();
        // the idle subnet has no NodesUntilExhaustion in either
        assertThat(lean.datums()).noneSatisfy(d -> assertThat(d.path("MetricName").asText()
                + d.path("Dimensions").path(0).path("Value").asText())
                .isEqualTo("NodesUntilExhaustionsubnet-0a1b2c3d4e5f60003"));
    }

    @Test
    void theCostSectionIsDerivedFromTheCountsMeasuredAtTheWireForOneHundredSubnets() throws IOException {
        Forecast account = CostTable.account();
        Forecast oneCluster = CostTable.clusterScoped(account, "cluster-01");
        Map<Detail, CostTable.Measured> measured = new LinkedHashMap<>();
        for (Detail d : Detail.values()) {
            Wire wide = publish(account, true, d);
            Wire scoped = publish(oneCluster, false, d);
            // one prefix-delegation subnet: what FreePrefixBlocks adds
            Wire pd = publish(Forecasts.forecast(Forecasts.subnet("subnet-pd").prefixBlocks(4).build()), false, d);
            Wire plain = publish(Forecasts.forecast(Forecasts.subnet("subnet-pd").build()), false, d);
            Map<Scope, Integer> series = wide.series();
            measured.put(d, new CostTable.Measured(series.get(Scope.SUBNET), series.get(Scope.ZONE),
                    series.get(Scope.CLUSTER), series.get(Scope.ACCOUNT),
                    pd.series().get(Scope.SUBNET) - plain.series().get(Scope.SUBNET),
                    wide.datums().size(), wide.calls(), scoped.calls()));
        }
        Reads wideReads = readHistory(account);
        Reads scopedReads = readHistory(oneCluster);

        CostTable table = new CostTable(measured.get(Detail.LEAN), measured.get(Detail.FULL),
                new CostTable.HistoryReads(wideReads.calls(), wideReads.metricsRequested(),
                        scopedReads.metricsRequested()));
        String counts = table.countsTable();
        String costs = table.costTable();
        Path out = Path.of("target", "metric-counts.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, "measured: " + measured + "\n\n" + counts + "\n" + costs);
        System.out.println("metric counts and costs (written to " + out + "):\n" + counts + "\n" + costs);

        // what the issue named: ~8 per subnet, 5 per zone, 6 per cluster today (full); lean needs no zone metrics
        assertThat(measured.get(Detail.FULL).subnetSeries()).isEqualTo(8 * CostTable.SUBNETS);   // with RunwayDays
        // the runway's history: one GetMetricData call (at most 500 metrics each) asks for one metric per subnet
        assertThat(wideReads).isEqualTo(new Reads(1, CostTable.SUBNETS));
        assertThat(scopedReads).isEqualTo(new Reads(1, CostTable.SUBNETS_PER_CLUSTER));
        assertThat(measured.get(Detail.FULL).zoneSeries()).isEqualTo(5 * CostTable.ZONES);
        assertThat(measured.get(Detail.LEAN).zoneSeries()).isZero();
        // full: 1,026 datums, two PutMetricData calls of at most 1,000
        assertThat(measured.get(Detail.FULL).callsPerAccountAudit()).isEqualTo(2);

        String doc = Files.readString(Path.of("docs", "operations.md"));
        assertThat(doc).as("docs/operations.md has the counts table of " + out).contains(counts);
        assertThat(doc).as("docs/operations.md has the cost table of " + out).contains(costs);
    }
}
