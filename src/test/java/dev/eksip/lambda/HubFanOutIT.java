package dev.eksip.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eksip.testing.aws.AlertPeers;
import dev.eksip.testing.aws.CloudWatchWireRecorder;
import dev.eksip.testing.aws.FaultProxy;
import dev.eksip.testing.aws.FaultRule;
import dev.eksip.testing.aws.FaultRule.Fault;
import dev.eksip.testing.aws.MotoServer;
import dev.eksip.testing.aws.OrganizationFleet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.model.Message;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The hub deployment end to end on moto, through the function's own composition ({@code Wiring.production}): the
 * schedule dispatches one SQS message per account × region; each message, delivered as the event source mapping
 * delivers it, audits its target through the spoke role (metrics with AccountId and Region into the CloudWatch
 * stand-in); a target whose role is missing fails alone (its message returned as a batch item failure, to be
 * retried and dead-lettered); the next dispatch counts it in TargetsNotAudited. A spoke's forwarded node group event
 * audits that spoke's target.
 */
class HubFanOutIT {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer().withoutDefaultAmis();
    static final List<String> REGIONS = List.of("us-east-1", "eu-west-1");
    static final ObjectMapper JSON = new ObjectMapper();
    static FaultProxy proxy;
    static CloudWatchWireRecorder cloudWatch;
    static AlertPeers peers;
    static OrganizationFleet fleet;
    static String targetQueue;
    static String noRole;

    @BeforeAll
    static void seed() {
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
        fleet = OrganizationFleet.seed(MOTO, 4, REGIONS);
        noRole = fleet.accounts().get(2);
        proxy = new FaultProxy(MOTO.endpoint(), Duration.ofSeconds(30));
        proxy.rules(new FaultRule("sts:AssumeRole", Fault.ACCESS_DENIED, "iam::" + noRole + ":role/"));
        cloudWatch = new CloudWatchWireRecorder();
        peers = new AlertPeers(MOTO, "hub");
        targetQueue = peers.sqs.createQueue(r -> r.queueName("targets")).queueUrl();
    }

    @AfterAll
    static void close() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        proxy.close();
        cloudWatch.close();
        peers.close();
    }

    static ForecastHandler handler(ByteArrayOutputStream log) {
        Map<String, String> env = new HashMap<>(MOTO.environment());
        env.put("AWS_ENDPOINT_URL", proxy.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_CLOUDWATCH", cloudWatch.endpoint().toString());
        env.put("ALERT_TOPIC_ARN", peers.topicArn);
        env.put("ALERT_STATE_TABLE", peers.table);
        env.put("TARGET_REGIONS", String.join(",", REGIONS));
        env.put("TARGET_ACCOUNTS", "organization");
        env.put("TARGET_QUEUE_URL", targetQueue);
        return new ForecastHandler(Wiring.production(env), new PrintStream(log, true, StandardCharsets.UTF_8),
                Clock.systemUTC());
    }

    static JsonNode invoke(ForecastHandler handler, String event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
        return JSON.readTree(out.toByteArray());
    }

    static double latest(String metric) {
        List<JsonNode> datums = cloudWatch.datums().stream()
                .filter(d -> d.path("MetricName").asText().equals(metric)).toList();
        return datums.get(datums.size() - 1).path("Value").asDouble();
    }

    @Test
    void scheduleFansOutOneMessagePerTargetEachAuditedOnItsOwnAndTheUnauditedCounted() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ForecastHandler handler = handler(log);
        String schedule = "{\"source\":\"aws.events\",\"detail-type\":\"Scheduled Event\",\"detail\":{}}";
        int targets = (fleet.accounts().size() + 1) * REGIONS.size();   // the members and the management account

        JsonNode dispatched = invoke(handler, schedule);

        assertThat(dispatched.path("dispatched").asInt()).isEqualTo(targets);
        assertThat(latest("TargetsNotAudited")).isEqualTo(targets);   // nothing audited yet

        List<Message> messages = new ArrayList<>();
        while (messages.size() < targets) {
            List<Message> batch = peers.sqs.receiveMessage(r -> r.queueUrl(targetQueue).maxNumberOfMessages(10)
                    .waitTimeSeconds(1)).messages();
            assertThat(batch).as("messages left in the target queue").isNotEmpty();
            messages.addAll(batch);
        }
        Set<String> bodies = new HashSet<>();
        List<String> failedTargets = new ArrayList<>();
        for (Message m : messages) {   // BatchSize 1: one message per invocation
            bodies.add(m.body());
            String record = "{\"Records\":[{\"messageId\":\"%s\",\"eventSource\":\"aws:sqs\",\"body\":%s}]}"
                    .formatted(m.messageId(), JSON.writeValueAsString(m.body()));
            JsonNode response = invoke(handler, record);
            if (!response.path("batchItemFailures").isEmpty())
                failedTargets.add(JSON.readTree(m.body()).path("auditTarget").asText());
        }
        assertThat(bodies).hasSize(targets);   // one message per target, none twice
        assertThat(failedTargets).containsExactlyInAnyOrder(noRole + "/us-east-1", noRole + "/eu-west-1");

        // every audited target's figures under its own AccountId and Region
        Set<String> tagged = new HashSet<>();
        for (JsonNode d : cloudWatch.datums()) {
            Map<String, String> dims = new HashMap<>();
            d.path("Dimensions").forEach(x -> dims.put(x.path("Name").asText(), x.path("Value").asText()));
            if (d.path("MetricName").asText().equals("SubnetsAtRisk") && dims.containsKey("AccountId"))
                tagged.add(dims.get("AccountId") + "/" + dims.get("Region"));
        }
        assertThat(tagged).hasSize(targets - 2).doesNotContain(noRole + "/us-east-1", noRole + "/eu-west-1");

        invoke(handler, schedule);
        assertThat(latest("TargetsNotAudited")).isEqualTo(2);
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("target-failed", noRole + "/eu-west-1",
                "sts:AssumeRole");

        // a spoke's forwarded node group change audits that spoke's target (its one cluster)
        String spoke = fleet.accounts().get(0);
        String change = ("{\"source\":\"aws.eks\",\"detail-type\":\"AWS API Call via CloudTrail\",\"account\":\"%s\","
                + "\"region\":\"eu-west-1\",\"detail\":{\"eventName\":\"UpdateNodegroupConfig\",\"requestParameters\":"
                + "{\"name\":\"c-eu-west-1\"}}}").formatted(spoke);
        JsonNode response = invoke(handler, "{\"Records\":[{\"messageId\":\"e1\",\"eventSource\":\"aws:sqs\",\"body\":%s}]}"
                .formatted(JSON.writeValueAsString(change)));
        assertThat(response.path("batchItemFailures")).isEmpty();
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("\"target\":\"" + spoke + "/eu-west-1\"",
                "c-eu-west-1");
    }
}
