package dev.eksip.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SnapStart with the real runtime interface client: started as Lambda starts a SnapStart function
 * ({@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}, the runtime's {@code org.crac} compat flag), the packaged
 * function primes itself in {@code beforeCheckpoint} without a single call to AWS, asks for
 * {@code /runtime/restore/next}, runs {@code afterRestore}, and its first real invocation gives the same answer and
 * the same metrics as a function started without SnapStart. Prints both first calls' latencies (one sample each;
 * {@link SnapStartBenchmarkIT} measures them side by side over rounds).
 */
class SnapStartIT {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();
    static final String HANDLER = "dev.eksip.lambda.ForecastHandler::handleRequest";
    private static final ObjectMapper JSON = new ObjectMapper();

    static CloudWatchWireRecorder cloudWatch;

    /** One child's first invocation. */
    record FirstCall(double initMillis, double firstCallMillis, JsonNode response, List<String> metricNames, String log) {
    }

    @BeforeAll
    static void seed() {
        EdgeAccount.seedWithSeededAccount(MOTO);
        cloudWatch = new CloudWatchWireRecorder();
    }

    @AfterAll
    static void stop() {
        if (cloudWatch != null) cloudWatch.close();
    }

    @Test
    void aSnapStartFunctionPrimesWithoutNetworkAndAnswersItsFirstCallAsAnUnprimedOne() throws Exception {
        FirstCall primed = firstCall(true, "primed");
        FirstCall unprimed = firstCall(false, "unprimed");

        JsonNode primedLine = logLine(primed.log(), "primed");
        assertThat(primedLine.path("unansweredCalls")).isEmpty();
        assertThat(primedLine.path("answeredCalls").asInt()).isGreaterThan(20);
        assertThat(primedLine.path("invocations").asInt()).isEqualTo(Priming.EVENTS.size());
        assertThat(primed.log().indexOf("\"event\":\"restored\"")).isGreaterThan(primed.log().indexOf("\"event\":\"primed\""));
        assertThat(unprimed.log()).doesNotContain("\"event\":\"primed\"").doesNotContain("\"event\":\"restored\"");

        assertThat(primed.response()).isEqualTo(unprimed.response());
        assertThat(primed.response().path("audits").get(0).path("clusters").asInt()).isEqualTo(2);
        assertThat(primed.metricNames()).isNotEmpty().isEqualTo(unprimed.metricNames());
        System.out.printf(java.util.Locale.ROOT, "SnapStart (one sample each): first call after init %.0f ms primed vs %.0f ms "
                + "unprimed; init %.0f ms (with priming) vs %.0f ms%n", primed.firstCallMillis(), unprimed.firstCallMillis(),
                primed.initMillis(), unprimed.initMillis());
    }

    /**
     * Starts the packaged function (SnapStart or not) with its own alert topic and table, waits until it is ready
     * for its first invocation (restored, for SnapStart — and checks nothing reached AWS before), then times one
     * scheduled audit.
     */
    static FirstCall firstCall(boolean snapStart, String name) throws Exception {
        try (AlertPeers peers = new AlertPeers(MOTO, name + System.nanoTime());
             LambdaRuntimeStub stub = new LambdaRuntimeStub()) {
            Map<String, String> env = FunctionEnvironment.against(MOTO, cloudWatch, peers);
            env.put("AWS_LAMBDA_RUNTIME_API", stub.address());
            if (snapStart) env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start");
            int callsBefore = cloudWatch.calls().size();
            try (LambdaProcess child = LambdaProcess.start(LambdaProcess.JAR.toString(), HANDLER, env)) {
                long ready = awaitReady(stub, child, snapStart);
                double init = (ready - child.startNanos) / 1e6;
                if (snapStart) {
                    assertThat(cloudWatch.calls()).as("nothing published while priming").hasSize(callsBefore);
                    assertThat(peers.published()).as("nothing sent while priming").isEmpty();
                }
                var future = stub.submit(Files.readAllBytes(Path.of("events/scheduled-event.json")));
                LambdaRuntimeStub.Result result = future.get(180, TimeUnit.SECONDS);
                assertThat(result.error()).as(result.body() + "\n" + child.output()).isFalse();
                JsonNode response = JSON.readTree(result.body());
                response.path("audits").forEach(a -> ((ObjectNode) a).remove("asOf"));
                List<String> names = cloudWatch.calls().subList(callsBefore, cloudWatch.calls().size()).stream()
                        .flatMap(c -> java.util.stream.StreamSupport.stream(c.body().path("MetricData").spliterator(), false))
                        .map(d -> d.path("MetricName").asText() + d.path("Dimensions").toString()).sorted().toList();
                Thread.sleep(200);   // let the child flush its last log lines
                return new FirstCall(init, result.millis(), response, names, child.output());
            }
        }
    }

    /** The moment the child asked for its first event (after init; for SnapStart after the restore, checked). */
    private static long awaitReady(LambdaRuntimeStub stub, LambdaProcess child, boolean snapStart) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && child.alive()) {
            if (stub.firstPoll() != 0) {
                if (snapStart) assertThat(stub.restored()).as("restored before the first poll").isBetween(1L, stub.firstPoll());
                else assertThat(stub.restored()).isZero();
                return stub.firstPoll();
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the function never became ready; init errors " + stub.initErrors() + "\n" + child.output());
    }

    private static JsonNode logLine(String log, String event) {
        return log.lines().filter(l -> l.startsWith("{") && l.contains("\"event\":\"" + event + "\"")).findFirst()
                .map(l -> {
                    try {
                        return JSON.readTree(l);
                    } catch (Exception e) {
                        throw new AssertionError(l, e);
                    }
                }).orElseThrow(() -> new AssertionError("no " + event + " line in:\n" + log));
    }
}
