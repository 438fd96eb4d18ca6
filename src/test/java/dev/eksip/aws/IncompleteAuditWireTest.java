package dev.eksip.aws;

import dev.eksip.testing.aws.CloudWatchWireRecorder;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eksip.testing.forecast.Forecasts;
import dev.eksip.testing.ports.InMemoryPorts;
import dev.eksip.app.MetricMapping;
import dev.eksip.app.RunAudit;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.InventoryGap;
import dev.eksip.domain.Scope;
import dev.eksip.domain.Severity;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 8 item 5 at the wire: the same account audited twice by the function's use case and its {@code PutMetricData}
 * client, first completely, then with the node groups unreadable. Before, the second run sent
 * {@code SubnetsAtRisk 0} and the alarm's OKActions announced a recovery; now it sends no account figure an alarm
 * could recover on, and {@code IncompleteSubnets 1}.
 */
class IncompleteAuditWireTest {
    private static final Forecast COMPLETE = Forecasts.forecast(List.of(
            Forecasts.subnet("subnet-a").clusters("web-prod").critical().build(),
            Forecasts.subnet("subnet-b").az("us-east-1b").clusters("batch").build()));
    /** Without its node groups web-prod's subnet forecasts no growth: it reads OK. */
    private static final Forecast NODE_GROUPS_UNREAD = Forecasts.forecast(List.of(
            Forecasts.subnet("subnet-a").clusters("web-prod").build(),
            Forecasts.subnet("subnet-b").az("us-east-1b").clusters("batch").build()),
            new InventoryGap(Scope.nodeGroup("web-prod", "web-spot"), "autoscaling:DescribeAutoScalingGroups",
                    "AccessDenied", "User is not authorized to perform: autoscaling:DescribeAutoScalingGroups"));

    private static Map<String, Double> accountDatums(Forecast forecast) {
        try (CloudWatchWireRecorder recorder = new CloudWatchWireRecorder();
             CloudWatchClient client = CloudWatchClient.builder().endpointOverride(recorder.endpoint())
                     .region(Region.US_EAST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("t", "t")))
                     .httpClient(UrlConnectionHttpClient.create()).build()) {
            new RunAudit((clusters, asOf) -> forecast, new CloudWatchMetricsSink(client, "EksIpForecast"),
                    MetricMapping.Detail.LEAN, new InMemoryPorts.RecordingAlerts(), new InMemoryPorts.MemoryStates(),
                    new RunAudit.AlertSettings(Severity.WARNING, Duration.ofHours(24)),
                    Clock.fixed(Forecasts.AS_OF, ZoneOffset.UTC)).audit(List.of(), true);
            assertThat(recorder.unexpected()).isEmpty();
            Map<String, Double> out = new LinkedHashMap<>();
            List<String> subnetForecasts = new ArrayList<>();
            for (JsonNode d : recorder.datums()) {
                if (d.path("Dimensions").isEmpty()) out.put(d.path("MetricName").asText(), d.path("Value").asDouble());
                else if (d.path("MetricName").asText().equals("ForecastAvailableIpsAtMax"))
                    subnetForecasts.add(d.path("Dimensions").get(0).path("Value").asText());
            }
            out.put("forecasts of " + String.join(",", subnetForecasts), 0.0);
            return out;
        }
    }

    @Test
    void aRunWithUnreadNodeGroupsSendsNoAccountFigureThatReadsAsARecovery() {
        assertThat(accountDatums(COMPLETE)).containsEntry("SubnetsAtRisk", 1.0)
                .containsEntry("SubnetsExhaustedAtMax", 1.0).containsEntry("MinForecastAvailableIpsAtMax", -40.0)
                .containsEntry("IncompleteSubnets", 0.0).containsKey("forecasts of subnet-a,subnet-b");

        Map<String, Double> partial = accountDatums(NODE_GROUPS_UNREAD);
        assertThat(partial).doesNotContainKeys("SubnetsAtRisk", "SubnetsExhaustedAtMax", "MinForecastAvailableIpsAtMax");
        assertThat(partial).containsEntry("IncompleteSubnets", 1.0).containsEntry("AuditErrors", 1.0)
                .containsKey("forecasts of subnet-b");
    }
}
