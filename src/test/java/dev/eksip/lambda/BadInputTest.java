package dev.eksip.lambda;

import static dev.eksip.lambda.HandlerHarness.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Generated bad input: malformed, truncated, wrong-type, unknown-source and oversized events. Each SQS record gives a
 * logged error naming what is wrong and is reported as that record's failure; nothing escapes the handler, no audit
 * runs and no alert is sent.
 */
class BadInputTest {
    static final List<String> SAMPLES = List.of("scheduled-event.json", "eks-create-nodegroup.json",
            "eks-update-nodegroup-config.json", "eks-update-nodegroup-version.json", "eks-delete-nodegroup.json",
            "autoscaling-launch-successful.json", "autoscaling-launch-unsuccessful.json",
            "autoscaling-terminate-successful.json");

    /** A bad record: a record (a JSON value) for the SQS batch. */
    static Stream<Arguments> badRecords() {
        List<Arguments> out = new ArrayList<>();
        // malformed bodies
        for (String body : List.of("", " ", "not json", "{", "}", "[", "{\"source\":", "{'source':'aws.eks'}",
                "null", "42", "true", "\"aws.eks\"", "[]", "[{\"source\":\"aws.eks\"}]", "{}"))
            out.add(record("malformed body " + quote(body), body));
        // truncated samples (cut at a third and at two thirds)
        for (String file : SAMPLES) {
            String full = new String(event(file), StandardCharsets.UTF_8);
            out.add(record("truncated 1/3 " + file, full.substring(0, full.length() / 3)));
            out.add(record("truncated 2/3 " + file, full.substring(0, 2 * full.length() / 3)));
        }
        // wrong types
        out.add(mutated("source is a number", "eks-create-nodegroup.json", e -> e.put("source", 7)));
        out.add(mutated("source is null", "eks-create-nodegroup.json", e -> e.putNull("source")));
        out.add(mutated("source missing", "eks-create-nodegroup.json", e -> e.remove("source")));
        out.add(mutated("detail-type is an array", "eks-create-nodegroup.json", e -> e.putArray("detail-type").add("x")));
        out.add(mutated("detail-type missing", "autoscaling-launch-successful.json", e -> e.remove("detail-type")));
        out.add(mutated("detail is a string", "eks-create-nodegroup.json", e -> e.put("detail", "CreateNodegroup")));
        out.add(mutated("detail missing", "autoscaling-terminate-successful.json", e -> e.remove("detail")));
        out.add(mutated("eventName is a number", "eks-create-nodegroup.json", e -> detail(e).put("eventName", 1)));
        out.add(mutated("eventName missing", "eks-delete-nodegroup.json", e -> detail(e).remove("eventName")));
        out.add(mutated("requestParameters is a string", "eks-update-nodegroup-config.json",
                e -> detail(e).put("requestParameters", "name=web-prod")));
        out.add(mutated("cluster name is a number", "eks-create-nodegroup.json",
                e -> ((ObjectNode) detail(e).get("requestParameters")).put("name", 12)));
        out.add(mutated("cluster name is an object", "eks-create-nodegroup.json",
                e -> ((ObjectNode) detail(e).get("requestParameters")).putObject("name")));
        out.add(mutated("cluster name is empty", "eks-update-nodegroup-version.json",
                e -> ((ObjectNode) detail(e).get("requestParameters")).put("name", "")));
        out.add(mutated("cluster name is not a cluster name", "eks-delete-nodegroup.json",
                e -> ((ObjectNode) detail(e).get("requestParameters")).put("name", "web prod; rm -rf /")));
        out.add(mutated("cluster name too long", "eks-create-nodegroup.json",
                e -> ((ObjectNode) detail(e).get("requestParameters")).put("name", "c".repeat(101))));
        out.add(mutated("AutoScalingGroupName is a number", "autoscaling-launch-successful.json",
                e -> detail(e).put("AutoScalingGroupName", 3)));
        out.add(mutated("AutoScalingGroupName is an array", "autoscaling-launch-unsuccessful.json",
                e -> detail(e).putArray("AutoScalingGroupName")));
        out.add(mutated("AutoScalingGroupName is empty", "autoscaling-terminate-successful.json",
                e -> detail(e).put("AutoScalingGroupName", "")));
        // unknown sources and detail-types
        out.add(mutated("source aws.ec2", "eks-create-nodegroup.json", e -> e.put("source", "aws.ec2")));
        out.add(mutated("source custom.app", "autoscaling-launch-successful.json", e -> e.put("source", "custom.app")));
        out.add(mutated("source aws.s3", "scheduled-event.json", e -> e.put("source", "aws.s3")));
        out.add(mutated("aws.eks CreateCluster", "eks-create-nodegroup.json", e -> detail(e).put("eventName", "CreateCluster")));
        out.add(mutated("aws.eks DescribeNodegroup", "eks-create-nodegroup.json", e -> detail(e).put("eventName", "DescribeNodegroup")));
        out.add(mutated("aws.eks state change", "eks-create-nodegroup.json", e -> e.put("detail-type", "EKS Cluster State Change")));
        out.add(mutated("autoscaling lifecycle action", "autoscaling-launch-successful.json",
                e -> e.put("detail-type", "EC2 Instance-launch Lifecycle Action")));
        out.add(mutated("aws.events other detail-type", "scheduled-event.json", e -> e.put("detail-type", "Something Else")));
        // oversized
        out.add(mutated("oversized 300 KB event", "eks-create-nodegroup.json",
                e -> detail(e).put("padding", "x".repeat(300 * 1024))));
        out.add(mutated("oversized 1 MB event", "autoscaling-launch-successful.json",
                e -> detail(e).put("padding", "y".repeat(1024 * 1024))));
        // record-level wrong types
        out.add(Arguments.of(Named.of("body is a number", withBody(HandlerHarness.JSON.getNodeFactory().numberNode(5)))));
        out.add(Arguments.of(Named.of("body is an object", withBody(HandlerHarness.JSON.createObjectNode().put("source", "aws.eks")))));
        out.add(Arguments.of(Named.of("body is null", withBody(HandlerHarness.JSON.getNodeFactory().nullNode()))));
        out.add(Arguments.of(Named.of("body missing", without("body"))));
        ObjectNode kinesis = (ObjectNode) HandlerHarness.JSON.valueToTree(HandlerHarness.sqsRecord("bad-kinesis",
                new String(event("eks-create-nodegroup.json"), StandardCharsets.UTF_8)));
        kinesis.put("eventSource", "aws:kinesis");
        out.add(Arguments.of(Named.of("eventSource aws:kinesis", kinesis)));
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRecords")
    void aBadRecordIsLoggedAndFailedAloneWithoutAuditOrAlert(JsonNode badRecord) {
        HandlerHarness h = new HandlerHarness();
        String badId = badRecord.path("messageId").asText();
        JsonNode response = h.invoke(HandlerHarness.batch(List.of(badRecord)));

        assertThat(h.failedIds(response)).containsExactly(badId);
        assertThat(h.forecastRequests).isEmpty();
        assertThat(h.alerts.sent).isEmpty();
        assertThat(h.metrics.calls).isEmpty();
        JsonNode error = h.logLines().stream().filter(l -> l.path("event").asText().equals("invalid-record"))
                .findFirst().orElseThrow(() -> new AssertionError("no invalid-record log line"));
        assertThat(error.path("level").asText()).isEqualTo("ERROR");
        assertThat(error.path("messageId").asText()).isEqualTo(badId);
        assertThat(error.path("error").asText()).matches("(?s).*(expected|not JSON|unsupported|not a node group change|more than).*")
                .hasSizeLessThan(400);
    }

    @Test
    void badRecordsAmongGoodOnesFailAloneAndTheGoodOnesAreAudited() {
        HandlerHarness h = new HandlerHarness();
        List<Object> records = new ArrayList<>(badRecords().map(a -> a.get()[0]).map(n -> ((Named<?>) n).getPayload()).toList());
        records.add(HandlerHarness.sqsRecord("good-1", new String(event("eks-update-nodegroup-config.json"), StandardCharsets.UTF_8)));
        assertThat(records).hasSizeGreaterThanOrEqualTo(51);

        JsonNode response = h.invoke(HandlerHarness.batch(records));

        assertThat(h.failedIds(response)).hasSize(records.size() - 1).doesNotContain("good-1");
        assertThat(h.forecastRequests).containsExactly(List.of("batch-jobs"));
    }

    @Test
    void aRecordWithoutMessageIdIsLoggedAndDroppedSoTheBatchIsNotRetriedWhole() {
        HandlerHarness h = new HandlerHarness();
        Map<String, Object> noId = new java.util.LinkedHashMap<>(HandlerHarness.sqsRecord("x", "not json"));
        noId.remove("messageId");
        JsonNode response = h.invoke(HandlerHarness.batch(List.of(noId, "a string record", 17)));
        assertThat(h.failedIds(response)).isEmpty();
        assertThat(h.logLines()).filteredOn(l -> l.path("event").asText().equals("invalid-record")).hasSize(3);
    }

    @Test
    void recordsThatAreNotAnArrayAreLoggedWithoutException() {
        HandlerHarness h = new HandlerHarness();
        JsonNode response = h.invoke("{\"Records\":\"oops\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(h.failedIds(response)).isEmpty();
        assertThat(h.logLines()).anySatisfy(l -> assertThat(l.path("error").asText()).contains("'Records': expected an array"));
    }

    @Test
    void badDirectInputFailsTheInvocationWithAClearMessageAndNoAlert() {
        HandlerHarness h = new HandlerHarness();
        for (String bad : List.of("", "nope", "[]", "42", "{}", "{\"clusters\":\"web-prod\"}", "{\"clusters\":[1]}",
                "{\"clusters\":[\"bad name!\"]}", "{\"source\":\"aws.s3\",\"detail-type\":\"x\",\"detail\":{}}")) {
            assertThatThrownBy(() -> h.invoke(bad.getBytes(StandardCharsets.UTF_8))).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .message().matches("(?s).*(expected|not JSON|unsupported|unrecognised).*");
        }
        assertThat(h.alerts.sent).isEmpty();
        assertThat(h.forecastRequests).isEmpty();
        assertThat(h.logLines()).hasSize(9).allSatisfy(l -> assertThat(l.path("level").asText()).isEqualTo("ERROR"));
    }


    private static int counter;

    private static synchronized String nextId() {
        return "bad-%03d".formatted(++counter);
    }

    private static Arguments record(String name, String body) {
        return Arguments.of(Named.of(name, HandlerHarness.JSON.valueToTree(HandlerHarness.sqsRecord(nextId(), body))));
    }

    private static Arguments mutated(String name, String file, Consumer<ObjectNode> mutation) {
        try {
            ObjectNode e = (ObjectNode) HandlerHarness.JSON.readTree(event(file));
            mutation.accept(e);
            return record(name, HandlerHarness.JSON.writeValueAsString(e));
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    private static ObjectNode detail(ObjectNode e) {
        return (ObjectNode) e.get("detail");
    }

    private static JsonNode withBody(JsonNode body) {
        ObjectNode r = HandlerHarness.JSON.valueToTree(HandlerHarness.sqsRecord(nextId(), ""));
        r.set("body", body);
        return r;
    }

    private static JsonNode without(String field) {
        ObjectNode r = HandlerHarness.JSON.valueToTree(HandlerHarness.sqsRecord(nextId(), ""));
        r.remove(field);
        return r;
    }

    private static String quote(String s) {
        return "'" + s + "'";
    }
}
