package dev.eksip.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eksip.testing.aws.AlertPeers;
import dev.eksip.testing.aws.CloudWatchWireRecorder;
import dev.eksip.testing.aws.MotoServer;
import dev.eksip.testing.aws.RunwayAccount;
import dev.eksip.testing.lambda.FunctionEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The function's composition ({@link Wiring#production}) on the wire: the inventory from moto, the runway's history
 * from the CloudWatch stand-in ({@code GetMetricData}, CBOR), metrics back to it ({@code PutMetricData}), the alert
 * through SNS (moto). A subnet losing 10 addresses a day with 100 left ({@link RunwayAccount}) publishes
 * {@code RunwayDays} of about 10 and the alert says "Runway: 10.0 d (low–high)".
 */
class FunctionRunwayIT {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static CloudWatchWireRecorder recorder;
    private static AlertPeers peers;
    private static RunwayAccount account;

    @BeforeAll
    static void seed() {
        System.setProperty("aws.accessKeyId", "testing");   // the SDK's chain, as HubFanOutIT
        System.setProperty("aws.secretAccessKey", "testing");
        MOTO.reset();
        recorder = new CloudWatchWireRecorder();
        peers = new AlertPeers(MOTO, "runway");
        try (Ec2Client ec2 = MOTO.client(Ec2Client.builder()); EksClient eks = MOTO.client(EksClient.builder());
             AutoScalingClient autoScaling = MOTO.client(AutoScalingClient.builder())) {
            account = RunwayAccount.seed(ec2, eks, autoScaling);
        }
        account.seedHistory(recorder, "EksIpForecast", Instant.now());
    }

    @AfterAll
    static void stop() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        if (recorder != null) recorder.close();
        if (peers != null) peers.close();
    }

    private static Map<String, String> environment() {
        Map<String, String> env = FunctionEnvironment.against(MOTO, recorder, peers);
        env.put("METRIC_NAMESPACE", "EksIpForecast");
        env.put("METRIC_DETAIL", "full");
        env.put("RUNWAY_HISTORY_DAYS", "14");
        return env;
    }

    @Test
    void aSubnetLosingTenAddressesADayWithAHundredLeftPublishesTenDaysAndTheAlertCarriesItsInterval() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ForecastHandler handler = new ForecastHandler(Wiring.production(environment()),
                new PrintStream(log, true, StandardCharsets.UTF_8), Clock.systemUTC());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(Files.readAllBytes(Path.of("events/scheduled-event.json"))), out,
                null);
        JsonNode audit = JSON.readTree(out.toByteArray()).path("audits").get(0);
        System.out.println("response: " + audit);
        assertThat(recorder.unexpected()).isEmpty();

        // the history: one GetMetricData call asking for the subnet's AvailableIps, hourly minima
        assertThat(recorder.getMetricDataCalls()).hasSize(1);
        JsonNode query = recorder.getMetricDataCalls().getFirst().path("MetricDataQueries");
        assertThat(query).hasSize(1);
        assertThat(query.get(0).path("MetricStat").path("Metric").path("MetricName").asText()).isEqualTo("AvailableIps");
        assertThat(audit.path("notes")).singleElement().satisfies(n -> assertThat(n.asText())
                .contains("runway over 14 d: 1 subnet(s) from metrics", "shortest "));

        // the datums: RunwayDays of the subnet, MinRunwayDays of the cluster and of the account, all about 10
        List<JsonNode> runway = recorder.datums().stream()
                .filter(d -> d.path("MetricName").asText().endsWith("RunwayDays")).toList();
        System.out.println("runway datums: " + runway);
        assertThat(runway).extracting(d -> d.path("MetricName").asText() + ":" + dimensions(d))
                .containsExactlyInAnyOrder("RunwayDays:SubnetId=" + account.subnetId() + ",VpcId=" + account.vpcId(),
                        "MinRunwayDays:ClusterName=" + RunwayAccount.CLUSTER, "MinRunwayDays:");
        assertThat(runway).allSatisfy(d -> assertThat(d.path("Value").asDouble()).isCloseTo(10, within(0.5)));
        assertThat(recorder.datums()).filteredOn(d -> d.path("MetricName").asText().equals("AuditErrors")
                && d.path("Dimensions").isEmpty()).singleElement()
                .satisfies(d -> assertThat(d.path("Value").asDouble()).isZero());

        // the alert: the text (e-mail) and the JSON (SQS) carry the runway with its interval
        assertThat(audit.path("alertsSent")).extracting(JsonNode::asText).containsExactly(RunwayAccount.CLUSTER + ":worsened");
        JsonNode structured = JSON.readTree(peers.published().getFirst().get(1).asText());
        String text = structured.path("email").asText();
        System.out.println("alert text:\n" + text);
        Matcher m = Pattern.compile("  Runway: ([0-9.]+) d \\(([0-9.]+)–([0-9.]+)\\) at the current trend \\(free "
                + "addresses falling ([0-9.]+) a day\\) \\[metrics, 14 d of history\\], or immediately if "
                + RunwayAccount.CLUSTER + "/" + RunwayAccount.NODEGROUP + " scales to max\\.").matcher(text);
        assertThat(m.find()).as(text).isTrue();
        double days = Double.parseDouble(m.group(1));
        assertThat(days).isCloseTo(10, within(0.5));
        assertThat(Double.parseDouble(m.group(4))).isCloseTo(10, within(0.5));
        // an interval, not a point: the noisy line's Sen interval holds the truth (10 days)
        assertThat(Double.parseDouble(m.group(2))).isLessThan(days).isLessThanOrEqualTo(10);
        assertThat(Double.parseDouble(m.group(3))).isGreaterThan(days).isGreaterThanOrEqualTo(10);
        assertThat(text).contains("Runway by zone (its shortest subnet, at the current trend): us-east-1a " + m.group(1)
                + " d (" + m.group(2) + "–" + m.group(3) + ")");
        JsonNode sqs = JSON.readTree(structured.path("sqs").asText());
        assertThat(sqs.path("subnets").get(0).path("runwayLine").asText()).isEqualTo(m.group().trim());
        assertThat(sqs.path("runwayHeadline").get(0).asText()).contains("us-east-1a " + m.group(1) + " d");
    }

    private static String dimensions(JsonNode datum) {
        StringBuilder b = new StringBuilder();
        datum.path("Dimensions").forEach(x -> b.append(b.isEmpty() ? "" : ",").append(x.path("Name").asText())
                .append('=').append(x.path("Value").asText()));
        return b.toString();
    }
}
