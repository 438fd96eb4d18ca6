package dev.eksip.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eksip.testing.aws.AlertPeers;
import dev.eksip.testing.aws.CloudWatchWireRecorder;
import dev.eksip.testing.aws.EdgeAccount;
import dev.eksip.testing.aws.MotoServer;
import dev.eksip.testing.lambda.FunctionEnvironment;
import dev.eksip.testing.lambda.LambdaProcess;
import dev.eksip.testing.lambda.LambdaRuntimeStub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar run by the real Lambda runtime interface client (child JVM, loopback Runtime API stub) against a
 * moto-seeded account: AwsInventorySource → Forecaster → PutMetricData (CBOR recorder) and SNS (moto → SQS). Also
 * measures cold start (JVM start → first response) and warm invokes against a trivial handler in the same run.
 */
class LambdaRuntimeIT {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HANDLER = "dev.eksip.lambda.ForecastHandler::handleRequest";
    private static final int WARM_RUNS = 5;

    private static CloudWatchWireRecorder recorder;
    private static AlertPeers peers;
    private static EdgeAccount account;

    @BeforeAll
    static void seed() {
        // about the embedded sample's size: the shared seeded account (cluster prod: 2 managed node groups and a
        // self-managed one, 4 subnets) plus a cramped cluster (edge) that is due an alert
        account = EdgeAccount.seedWithSeededAccount(MOTO);
        recorder = new CloudWatchWireRecorder();
        peers = new AlertPeers(MOTO, "lambda");
    }

    @AfterAll
    static void stop() {
        if (recorder != null) recorder.close();
        if (peers != null) peers.close();
    }

    private static Map<String, String> functionEnvironment(LambdaRuntimeStub stub) {
        Map<String, String> env = functionEnvironment();
        env.put("AWS_LAMBDA_RUNTIME_API", stub.address());
        return env;
    }

    private static Map<String, String> functionEnvironment() {
        Map<String, String> env = FunctionEnvironment.against(MOTO, recorder, peers);
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("METRIC_NAMESPACE", "EksIpForecast");
        env.put("CLUSTER_NAMES", "");
        env.put("ALERT_REPEAT_INTERVAL", "PT24H");
        env.put("ALERT_MIN_SEVERITY", "warning");
        env.put("METRIC_DETAIL", "full");   // the measurements in operations.md count the full set
        return env;
    }

    @Test
    void scheduleAndSqsBatchRunLikeLambdaAndColdStartIsMeasuredAgainstABaseline() throws Exception {
        int callsAtStart = recorder.calls().size();   // the other test may have published already
        List<Double> forecastWarm = new ArrayList<>();
        double forecastCold;
        long forecastRss;
        String childLog;
        try (LambdaRuntimeStub stub = new LambdaRuntimeStub();
             LambdaProcess child = LambdaProcess.start(LambdaProcess.JAR.toString(), HANDLER, functionEnvironment(stub))) {
            // 1. scheduled event, cold
            LambdaRuntimeStub.Result first = await(stub, bytes("events/scheduled-event.json"), child);
            forecastCold = (first.nanos() - child.startNanos) / 1e6;
            assertThat(first.error()).as(first.body()).isFalse();
            System.out.println("first response: " + first.body());
            JsonNode audit = JSON.readTree(first.body()).path("audits").get(0);
            assertThat(audit.path("scope").asText()).isEqualTo("account");
            assertThat(audit.path("clusters").asInt()).isEqualTo(2);
            assertThat(audit.path("subnets").asInt()).isGreaterThanOrEqualTo(6);
            assertThat(audit.path("subnetsAtRisk").asInt()).isPositive();
            assertThat(audit.path("alertsSent")).extracting(JsonNode::asText).contains("edge:worsened");

            // metrics on the wire
            List<CloudWatchWireRecorder.Call> calls = recorder.calls().subList(callsAtStart, recorder.calls().size());
            List<JsonNode> datums = calls.stream().flatMap(c -> iterable(c.body().path("MetricData")).stream()).toList();
            assertThat(recorder.unexpected()).isEmpty();
            assertThat(calls).allSatisfy(c ->
                    assertThat(c.body().path("Namespace").asText()).isEqualTo("EksIpForecast"));
            assertThat(datums).anySatisfy(d -> {
                assertThat(d.path("MetricName").asText()).isEqualTo("ForecastAvailableIpsAtMax");
                assertThat(d.path("Dimensions").get(0).path("Value").asText()).isEqualTo(account.subnetA());
                assertThat(d.path("Value").asDouble()).isNegative();
            });
            assertThat(datums).anySatisfy(d -> {
                assertThat(d.path("MetricName").asText()).isEqualTo("SubnetsAtRisk");
                assertThat(d.has("Dimensions") && !d.path("Dimensions").isEmpty()).isFalse();
            });
            assertThat(datums).extracting(d -> d.path("Timestamp").asDouble()).containsOnly(datums.getFirst().path("Timestamp").asDouble());
            printSampleMetrics(calls.getFirst(), datums.size(), calls.size());

            // the SNS message as the SQS subscriber receives it
            List<JsonNode> received = peers.received();
            assertThat(received).hasSize(audit.path("alertsSent").size());
            JsonNode envelope = received.stream().filter(e -> e.path("MessageAttributes").path("cluster")
                    .path("Value").asText().equals("edge")).findFirst().orElseThrow();
            assertThat(envelope.path("Subject").asText()).startsWith("[").contains("edge").hasSizeLessThan(100);
            assertThat(envelope.path("MessageAttributes").path("cluster").path("Value").asText()).isEqualTo("edge");
            assertThat(envelope.path("MessageAttributes").path("severity").path("Value").asText()).isIn("warning", "critical");
            JsonNode message = JSON.readTree(envelope.path("Message").asText());
            System.out.println("SNS envelope received by the SQS subscriber:\n" + envelope.toPrettyString());
            System.out.println("its Message (the 'sqs' form):\n" + message.toPrettyString());
            assertThat(message.path("subnets")).anySatisfy(s -> {
                assertThat(s.path("subnetId").asText()).isEqualTo(account.subnetA());
                assertThat(s.path("nodeGroups")).extracting(JsonNode::asText).containsExactly(EdgeAccount.CLUSTER + "/" + EdgeAccount.NODEGROUP);
            });

            // 2. warm scheduled runs: unchanged finding, no new message (alert state in DynamoDB)
            for (int i = 0; i < WARM_RUNS; i++) {
                LambdaRuntimeStub.Result r = await(stub, bytes("events/scheduled-event.json"), child);
                assertThat(r.error()).as(r.body()).isFalse();
                forecastWarm.add(r.millis());
            }
            assertThat(peers.received()).isEmpty();

            // 3. an SQS batch of change events for the seeded cluster plus one bad record
            int callsBefore = recorder.calls().size();
            LambdaRuntimeStub.Result batch = await(stub, sqsBatchForEdge(), child);
            assertThat(batch.error()).as(batch.body()).isFalse();
            assertThat(JSON.readTree(batch.body()).path("batchItemFailures")).extracting(f -> f.path("itemIdentifier").asText())
                    .containsExactly("bad-record-1");
            assertThat(recorder.calls().size()).isGreaterThan(callsBefore);
            assertThat(recorder.calls().subList(callsBefore, recorder.calls().size()))
                    .flatMap(c -> iterable(c.body().path("MetricData")))
                    .anySatisfy(d -> assertThat(d.path("Dimensions").get(0).path("Value").asText()).isEqualTo("edge"))
                    .noneSatisfy(d -> assertThat(d.path("MetricName").asText().equals("SubnetsAtRisk")
                            && d.path("Dimensions").isEmpty()).isTrue());
            forecastRss = child.peakRssMb();
            childLog = child.output();
        }
        assertThat(childLog.lines().filter(l -> l.startsWith("{") && l.contains("\"event\":\"batch\"")))
                .singleElement().satisfies(l -> assertThat(JSON.readTree(l).path("audits"))
                        .extracting(JsonNode::asText).containsExactly("edge"));
        assertThat(childLog).contains("\"event\":\"invalid-record\"").contains("\"messageId\":\"bad-record-1\"")
                .contains("\"version\":\"%s\"".formatted(Template.pomVersion()));

        // baseline: a trivial handler, same jar, same runtime client, same flags
        List<Double> baselineWarm = new ArrayList<>();
        double baselineCold;
        try (LambdaRuntimeStub stub = new LambdaRuntimeStub();
             LambdaProcess child = LambdaProcess.start(LambdaProcess.JAR + java.io.File.pathSeparator + "target/test-classes",
                     "dev.eksip.testing.lambda.BaselineHandler::handleRequest", functionEnvironment(stub))) {
            LambdaRuntimeStub.Result first = await(stub, bytes("events/scheduled-event.json"), child);
            baselineCold = (first.nanos() - child.startNanos) / 1e6;
            assertThat(first.body()).isEqualTo("{\"ok\":true}");
            for (int i = 0; i < WARM_RUNS; i++) baselineWarm.add(await(stub, bytes("events/scheduled-event.json"), child).millis());
        }
        double forecastWarmMedian = median(forecastWarm);
        double baselineWarmMedian = median(baselineWarm);
        System.out.printf(Locale.ROOT, """
                        == Lambda runtime measurement (runtime interface client, child JVM, -Xmx%dm SerialGC C1) ==
                        ForecastHandler  cold start (JVM start -> first response): %8.0f ms   warm median of %d: %7.1f ms  %s
                        BaselineHandler  cold start (JVM start -> first response): %8.0f ms   warm median of %d: %7.1f ms  %s
                        cold-start ratio forecast/baseline: %.1fx   warm ratio: %.1fx   forecast child peak RSS: %d MB
                        """, LambdaProcess.MEMORY_MB * 85 / 100,
                forecastCold, WARM_RUNS, forecastWarmMedian, forecastWarm,
                baselineCold, WARM_RUNS, baselineWarmMedian, baselineWarm,
                forecastCold / baselineCold, forecastWarmMedian / baselineWarmMedian, forecastRss);
        assertThat(forecastCold).isPositive();
        assertThat(baselineCold).isPositive();
    }

    @Test
    void invokeCommandRunsTheHandlerLocallyAgainstTheEndpointsInTheEnvironment() throws Exception {
        Path event = Files.createTempFile("direct-invoke-", ".json");
        Files.writeString(event, "{\"clusters\":[\"edge\"]}");
        int callsBefore = recorder.calls().size();
        Map<String, String> env = functionEnvironment();
        AlertPeers own = new AlertPeers(MOTO, "invoke");   // its own topic and state: independent of the other test
        env.put("ALERT_TOPIC_ARN", own.topicArn);
        env.put("ALERT_STATE_TABLE", own.table);
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(javaCommand, "-jar", LambdaProcess.JAR.toString(), "invoke", "--event", event.toString());
        pb.environment().putAll(env);
        pb.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        Path err = Files.createTempFile("invoke-err-", ".log");
        Process p = pb.redirectError(err.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(err)).isZero();
        JsonNode audit = JSON.readTree(out).path("audits").get(0);
        assertThat(audit.path("requestedClusters")).extracting(JsonNode::asText).containsExactly("edge");
        assertThat(audit.path("scope").asText()).isEqualTo("clusters");
        assertThat(recorder.calls().size()).isGreaterThan(callsBefore);
        assertThat(Files.readString(err)).contains("\"event\":\"audit\"");
        // the jar's manifest names the release in the function's log lines
        assertThat(Files.readString(err)).contains("\"version\":\"%s\"".formatted(Template.pomVersion()));
        assertThat(own.received()).singleElement().satisfies(e ->
                assertThat(e.path("MessageAttributes").path("cluster").path("Value").asText()).isEqualTo("edge"));
        own.close();
    }

    @Test
    void auditLivePublishSendsTheFunctionsMetricsFromTheCommandLine() throws Exception {
        int datumsBefore = recorder.datums().size();
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(javaCommand, "-jar", LambdaProcess.JAR.toString(), "audit", "--live",
                "--publish", "--output", "json");
        pb.environment().putAll(functionEnvironment());
        pb.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        Path err = Files.createTempFile("audit-err-", ".log");
        Process p = pb.redirectError(err.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(err)).isZero();

        JsonNode report = JSON.readTree(out);
        List<JsonNode> published = recorder.datums().subList(datumsBefore, recorder.datums().size());
        assertThat(Files.readString(err)).contains("published %d metric datums".formatted(published.size()));
        assertThat(published).extracting(d -> d.path("MetricName").asText())
                .contains("AvailableIps", "ForecastAvailableIpsAtMax", "SubnetsAtRisk", "AuditErrors");
        long atRisk = published.stream().filter(d -> d.path("MetricName").asText().equals("SubnetsAtRisk"))
                .findFirst().orElseThrow().path("Value").asLong();
        assertThat(atRisk).isEqualTo(report.path("summary").path("subnetsAtRisk").asLong());
    }

    @Test
    void aConfigurationErrorFailsInitialisationNamingTheVariable() throws Exception {
        try (LambdaRuntimeStub stub = new LambdaRuntimeStub()) {
            Map<String, String> env = functionEnvironment(stub);
            env.remove("ALERT_TOPIC_ARN");
            try (LambdaProcess child = LambdaProcess.start(LambdaProcess.JAR.toString(), HANDLER, env)) {
                stub.submit(bytes("events/scheduled-event.json"));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (stub.initErrors().isEmpty() && System.nanoTime() < deadline) Thread.sleep(100);
                assertThat(stub.initErrors()).as(child.output()).singleElement().asString()
                        .contains("missing required environment variable ALERT_TOPIC_ARN");
            }
        }
    }

    private static LambdaRuntimeStub.Result await(LambdaRuntimeStub stub, byte[] event, LambdaProcess child) throws Exception {
        var future = stub.submit(event);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline && child.alive()) {
            try {
                return future.get(200, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException notYet) {
                // keep waiting while the child lives
            }
        }
        if (future.isDone()) return future.get();
        throw new AssertionError("no response from the runtime; init errors " + stub.initErrors()
                + "; alive=" + child.alive() + "; child output:\n" + child.output());
    }

    private static byte[] bytes(String file) throws Exception {
        return Files.readAllBytes(Path.of(file));
    }

    /** events/sqs-batch.json retargeted at the seeded cluster and its node group's Auto Scaling group, plus a bad record. */
    private static byte[] sqsBatchForEdge() throws Exception {
        ObjectNode batch = (ObjectNode) JSON.readTree(bytes("events/sqs-batch.json"));
        ArrayNode records = (ArrayNode) batch.get("Records");
        for (JsonNode r : records) {
            String body = r.path("body").asText()
                    .replace("\"name\":\"web-prod\"", "\"name\":\"edge\"")
                    .replace("\"name\":\"batch-jobs\"", "\"name\":\"edge\"")
                    .replace("eks-web-spot-2ac6b1f4-7e1d-4c55-9f0e-3b1d2a9c8e71", EdgeAccount.AUTO_SCALING_GROUP);
            ((ObjectNode) r).put("body", body);
        }
        ObjectNode bad = records.get(0).deepCopy();
        bad.put("messageId", "bad-record-1");
        bad.put("body", "{\"source\":\"aws.eks\",\"detail-type\":\"AWS API Call via CloudTrail\",\"detail\":{\"eventName\":7}}");
        records.add(bad);
        return JSON.writeValueAsBytes(batch);
    }

    private static void printSampleMetrics(CloudWatchWireRecorder.Call call, int datums, int calls) {
        ObjectNode sample = JSON.createObjectNode();
        sample.put("Namespace", call.body().path("Namespace").asText());
        ArrayNode some = sample.putArray("MetricData");
        java.util.Set<String> shown = new java.util.HashSet<>();
        for (JsonNode d : call.body().path("MetricData")) {
            String name = d.path("MetricName").asText();
            String dims = d.path("Dimensions").findValuesAsText("Name").toString();
            boolean wanted = name.equals("ForecastAvailableIpsAtMax") || name.startsWith("Min")
                    || d.path("Dimensions").isEmpty() || (name.equals("AvailableIps") && dims.contains("SubnetId"));
            if (wanted && shown.add(name + dims)) some.add(d);
        }
        System.out.println("PutMetricData as decoded from the CBOR wire (%d datums in %d call(s), %d shown):\n%s"
                .formatted(datums, calls, some.size(), sample.toPrettyString()));
    }

    private static List<JsonNode> iterable(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

}
