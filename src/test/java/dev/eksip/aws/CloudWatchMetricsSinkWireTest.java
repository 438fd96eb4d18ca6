package dev.eksip.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eksip.testing.aws.CloudWatchWireRecorder;
import dev.eksip.testing.forecast.Forecasts;
import dev.eksip.app.MetricMapping;
import dev.eksip.app.port.MetricPoint;
import dev.eksip.domain.Forecast;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@code PutMetricData} as it goes on the wire (Smithy RPC v2 CBOR), decoded by a loopback recorder. */
class CloudWatchMetricsSinkWireTest {
    private final CloudWatchWireRecorder recorder = new CloudWatchWireRecorder();
    private final CloudWatchClient client = CloudWatchClient.builder()
            .endpointOverride(recorder.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
            .httpClient(UrlConnectionHttpClient.create())
            .build();

    @AfterEach
    void stop() {
        client.close();
        recorder.close();
    }

    @Test
    void forecastMetricsArriveWithNamespaceNamesDimensionsValuesAndTheAuditTimestamp() {
        Forecast forecast = Forecasts.forecast(
                Forecasts.subnet("subnet-0a1b2c3d4e5f60001").available(12).critical().build(),
                Forecasts.subnet("subnet-0a1b2c3d4e5f60002").az("us-east-1b").prefixBlocks(3).build());
        List<MetricPoint> points = MetricMapping.points(forecast, true, 0);

        new CloudWatchMetricsSink(client, "EksIpForecast").publish(points);

        assertThat(recorder.unexpected()).isEmpty();
        assertThat(recorder.calls()).singleElement().satisfies(call -> {
            assertThat(call.headers().get("Smithy-protocol")).containsExactly("rpc-v2-cbor");
            assertThat(call.body().path("Namespace").asText()).isEqualTo("EksIpForecast");
        });
        List<JsonNode> datums = recorder.datums();
        assertThat(datums).hasSize(points.size());
        JsonNode atMax = datums.stream().filter(d -> d.path("MetricName").asText().equals("ForecastAvailableIpsAtMax")
                && d.path("Dimensions").get(0).path("Value").asText().equals("subnet-0a1b2c3d4e5f60001")).findFirst().orElseThrow();
        assertThat(atMax.path("Value").asDouble()).isEqualTo(-40);
        assertThat(atMax.path("Unit").asText()).isEqualTo("Count");
        assertThat(atMax.path("Dimensions")).extracting(d -> d.path("Name").asText() + "=" + d.path("Value").asText())
                .containsExactly("SubnetId=subnet-0a1b2c3d4e5f60001", "VpcId=vpc-0abc");
        assertThat(datums).allSatisfy(d -> assertThat(Instant.ofEpochMilli(Math.round(d.path("Timestamp").asDouble() * 1000)))
                .isEqualTo(Forecasts.AS_OF));
        assertThat(datums).filteredOn(d -> d.path("MetricName").asText().equals("FreePrefixBlocks"))
                .singleElement().satisfies(d -> assertThat(d.path("Value").asInt()).isEqualTo(3));
        assertThat(datums).filteredOn(d -> d.path("MetricName").asText().equals("UtilizationPercent"))
                .allSatisfy(d -> assertThat(d.path("Unit").asText()).isEqualTo("Percent"));
        assertThat(datums).filteredOn(d -> !d.has("Dimensions") || d.path("Dimensions").isEmpty())
                .extracting(d -> d.path("MetricName").asText())
                .containsExactlyInAnyOrder("SubnetsAtRisk", "SubnetsExhaustedAtMax", "MinForecastAvailableIpsAtMax",
                        "IncompleteSubnets", "AuditErrors");
    }

    @Test
    void twelveHundredDatumsGoOutInTwoCallsOfAtMostOneThousand() {
        List<MetricPoint> points = new ArrayList<>();
        for (int i = 0; i < 1200; i++)
            points.add(new MetricPoint("AvailableIps", "Count", i,
                    List.of(new MetricPoint.Dimension("SubnetId", "subnet-%05d".formatted(i)),
                            new MetricPoint.Dimension("VpcId", "vpc-0abc")), Forecasts.AS_OF));

        new CloudWatchMetricsSink(client, "EksIpForecast").publish(points);

        assertThat(recorder.unexpected()).isEmpty();
        assertThat(recorder.calls()).extracting(c -> c.body().path("MetricData").size()).containsExactly(1000, 200);
        assertThat(recorder.calls().getFirst().headers().get("Content-encoding")).containsExactly("gzip");
        assertThat(recorder.datums()).extracting(d -> d.path("Value").asInt())
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 1200).boxed().toList());
    }

    @Test
    void nothingToPublishMakesNoCall() {
        new CloudWatchMetricsSink(client, "EksIpForecast").publish(List.of());
        assertThat(recorder.calls()).isEmpty();
    }
}
