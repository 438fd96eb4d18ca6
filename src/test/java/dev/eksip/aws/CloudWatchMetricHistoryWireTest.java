package dev.eksip.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.eksip.app.AwsCallException;
import dev.eksip.app.port.MetricHistory.Key;
import dev.eksip.app.port.MetricPoint;
import dev.eksip.app.runway.Runway;
import dev.eksip.app.runway.RunwayEstimator;
import dev.eksip.app.runway.Sample;
import dev.eksip.testing.aws.CloudWatchWireRecorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code GetMetricData} at the wire (Smithy RPC v2 CBOR) against the shared CloudWatch stand-in. */
class CloudWatchMetricHistoryWireTest {
    private static final String NS = "EksIpForecast";
    private static final Instant AS_OF = Instant.parse("2026-12-01T12:00:00Z");
    private static final Instant FROM = AS_OF.minus(Duration.ofDays(14));
    private final CloudWatchWireRecorder cloudWatch = new CloudWatchWireRecorder();
    private final CloudWatchClient client = CloudWatchClient.builder()
            .endpointOverride(cloudWatch.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
            .httpClient(UrlConnectionHttpClient.create())
            .build();

    @AfterEach
    void stop() {
        client.close();
        cloudWatch.close();
    }

    private static String subnet(int i) {
        return "subnet-%017d".formatted(i);
    }

    /** Every 15 minutes for 14 days: 100 free now, 10 more for every day back, minus a 20-address lunch peak. */
    private void seedDecline(String subnet) {
        for (Instant t = FROM; !t.isAfter(AS_OF); t = t.plus(Duration.ofMinutes(15))) {
            double daysBack = Duration.between(t, AS_OF).toSeconds() / 86_400.0;
            int hour = t.atZone(java.time.ZoneOffset.UTC).getHour();
            double peak = hour == 12 ? 0 : 20;   // the audit hour (12:00) is the daily peak
            cloudWatch.seed(NS, "AvailableIps", Map.of("SubnetId", subnet, "VpcId", "vpc-0abc"), t,
                    Math.round(100 + 10 * daysBack + peak));
        }
    }

    @Test
    void aSubnetLosingTenAddressesADayWithAHundredLeftHasTenDaysOfRunway() {
        seedDecline(subnet(1));
        Key key = new Key(subnet(1), "vpc-0abc", "AvailableIps");

        Map<Key, List<Sample>> history = new CloudWatchMetricHistory(client, NS).read(List.of(key), FROM, AS_OF);

        assertThat(cloudWatch.unexpected()).isEmpty();
        assertThat(history.get(key)).hasSize(14 * 24);
        assertThat(history.get(key).getFirst().at()).isEqualTo(FROM);
        Runway r = RunwayEstimator.estimate(history.get(key), AS_OF, 100);
        assertThat(r).isInstanceOf(Runway.Declining.class);
        Runway.Declining d = (Runway.Declining) r;
        assertThat(d.days()).isCloseTo(10, within(0.05));
        assertThat(d.daysLow()).isLessThanOrEqualTo(10);
        assertThat(d.daysHigh()).isGreaterThanOrEqualTo(10);
        System.out.printf(Locale.ROOT, "GetMetricData source: 100 free, -10/day → runway %s%n", r.describe());
        JsonAssert.request(cloudWatch.getMetricDataCalls().getFirst());
    }

    @Test
    void pagesOfMaxDatapointsAreFollowedThroughNextTokenAndMerged() {
        seedDecline(subnet(1));
        seedDecline(subnet(2));
        List<Key> keys = List.of(new Key(subnet(1), "vpc-0abc", "AvailableIps"),
                new Key(subnet(2), "vpc-0abc", "AvailableIps"));
        Map<Key, List<Sample>> whole = new CloudWatchMetricHistory(client, NS).read(keys, FROM, AS_OF);
        int before = cloudWatch.getMetricDataCalls().size();

        Map<Key, List<Sample>> paged = new CloudWatchMetricHistory(client, NS, 100).read(keys, FROM, AS_OF);

        assertThat(before).isEqualTo(1);
        // 2 × 336 hourly points, 100 a page → 7 pages; a query's points straddle pages and are merged
        assertThat(cloudWatch.getMetricDataCalls()).hasSize(1 + 7);
        assertThat(cloudWatch.getMetricDataCalls().get(2).path("NextToken").asText()).isNotEmpty();
        assertThat(paged).isEqualTo(whole);
    }

    @Test
    void missingDataIsAGapAndASubnetWithoutDataIsAbsent() {
        for (int day = 13; day >= 0; day--) {
            if (day == 6 || day == 7) continue;   // the function did not run for two days
            cloudWatch.seed(NS, "AvailableIps", Map.of("SubnetId", subnet(1), "VpcId", "vpc-0abc"),
                    AS_OF.minus(Duration.ofDays(day)), 100 + 10 * day);
        }
        Key present = new Key(subnet(1), "vpc-0abc", "AvailableIps");
        Key absent = new Key(subnet(2), "vpc-0abc", "AvailableIps");

        Map<Key, List<Sample>> history = new CloudWatchMetricHistory(client, NS).read(List.of(present, absent),
                FROM, AS_OF.plusSeconds(1));

        assertThat(history).containsOnlyKeys(present);
        assertThat(history.get(present)).hasSize(12);
        assertThat(RunwayEstimator.estimate(history.get(present), AS_OF, 100).days()).isCloseTo(10, within(1e-9));
    }

    @Test
    void whatThePublisherPutIsWhatTheHistoryReadsBack() {
        List<MetricPoint> points = new ArrayList<>();
        for (int day = 13; day >= 0; day--)
            points.add(new MetricPoint("AvailableIps", "Count", 100 + 10 * day, List.of(
                    new MetricPoint.Dimension("SubnetId", subnet(1)), new MetricPoint.Dimension("VpcId", "vpc-0abc")),
                    AS_OF.minus(Duration.ofDays(day))));
        new CloudWatchMetricsSink(client, NS).publish(points);
        Key key = new Key(subnet(1), "vpc-0abc", "AvailableIps");

        List<Sample> back = new CloudWatchMetricHistory(client, NS).read(List.of(key), FROM, AS_OF.plusSeconds(1))
                .get(key);

        assertThat(back).extracting(Sample::free).containsExactlyElementsOf(
                points.stream().map(MetricPoint::value).toList());
    }

    @Test
    void aHundredSubnetsOverFourteenDaysIsOneCallOfAHundredMetrics() {
        List<Key> keys = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            seedDecline(subnet(i));
            keys.add(new Key(subnet(i), "vpc-0abc", "AvailableIps"));
        }

        Map<Key, List<Sample>> history = new CloudWatchMetricHistory(client, NS).read(keys, FROM, AS_OF);

        int calls = cloudWatch.getMetricDataCalls().size();
        int metrics = cloudWatch.getMetricDataCalls().stream().mapToInt(c -> c.path("MetricDataQueries").size()).sum();
        double dollars = metrics * 0.01 / 1000;
        System.out.printf(Locale.ROOT, "100 subnets × 14 days hourly: %d GetMetricData call(s), %d metrics requested,"
                + " %d datapoints, $%.4f per run, $%.2f a month at 720 runs%n", calls, metrics,
                history.values().stream().mapToInt(List::size).sum(), dollars, dollars * 720);
        assertThat(history).hasSize(100);
        assertThat(calls).isEqualTo(1);
        assertThat(metrics).isEqualTo(100);
    }

    @Test
    void sixHundredSubnetsAreSplitIntoCallsOfAtMostFiveHundredQueries() {
        List<Key> keys = new ArrayList<>();
        for (int i = 0; i < 600; i++) keys.add(new Key(subnet(i), "vpc-0abc", "AvailableIps"));

        new CloudWatchMetricHistory(client, NS).read(keys, FROM, AS_OF);

        assertThat(cloudWatch.getMetricDataCalls()).extracting(c -> c.path("MetricDataQueries").size())
                .containsExactly(500, 100);
    }

    @Test
    void theStandInRejectsWhatTheApiRejectsAndTheAdapterNamesTheAction() {
        List<software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery> tooMany = new ArrayList<>();
        for (int i = 0; i < 501; i++)
            tooMany.add(software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery.builder().id("q" + i)
                    .metricStat(s -> s.period(3600).stat("Minimum").metric(m -> m.namespace(NS)
                            .metricName("AvailableIps"))).build());
        assertThatThrownBy(() -> client.getMetricData(r -> r.metricDataQueries(tooMany).startTime(FROM)
                .endTime(AS_OF))).hasMessageContaining("500");
        cloudWatch.close();
        assertThatThrownBy(() -> new CloudWatchMetricHistory(client, NS)
                .read(List.of(new Key(subnet(1), "vpc-0abc", "AvailableIps")), FROM, AS_OF))
                .isInstanceOf(AwsCallException.class).hasMessageContaining("cloudwatch:GetMetricData");
    }

    /** What the adapter asks for, checked once. */
    private static final class JsonAssert {
        static void request(com.fasterxml.jackson.databind.JsonNode call) {
            com.fasterxml.jackson.databind.JsonNode stat = call.path("MetricDataQueries").get(0).path("MetricStat");
            assertThat(stat.path("Stat").asText()).isEqualTo("Minimum");
            assertThat(stat.path("Period").asInt()).isEqualTo(3600);
            assertThat(stat.path("Metric").path("Namespace").asText()).isEqualTo(NS);
            assertThat(call.path("ScanBy").asText()).isEqualTo("TimestampAscending");
            assertThat(call.path("MaxDatapoints").asInt()).isEqualTo(100_800);
        }
    }
}
