package dev.eksip.lambda;

import static dev.eksip.lambda.HandlerHarness.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.fasterxml.jackson.databind.JsonNode;
import dev.eksip.testing.forecast.Forecasts;
import dev.eksip.testing.ports.InMemoryPorts;
import dev.eksip.app.MetricMapping;
import dev.eksip.app.RunAudit;
import dev.eksip.app.trigger.TriggerAudits;
import dev.eksip.domain.Severity;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 8b: a batch naming 40 clusters, each audit taking 4.5 s of simulated time (30 AWS calls at 150 ms: the
 * per-cluster reads of a cluster with 5 node groups and 12 subnets, PutMetricData, and an alert's GetItem, Publish,
 * PutItem), under the function's 180 s timeout. Time is a fake: the audits advance it, the Lambda context's remaining
 * time reads it. One audit at a time, as before the fix; the deadline is what this test is about.
 */
class BatchDeadlineTest {
    static final long TIMEOUT_MS = 180_000;
    static final long AUDIT_MS = 30 * 150;

    final AtomicLong elapsed = new AtomicLong();
    final List<List<String>> audited = new ArrayList<>();
    final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();

    ForecastHandler handler() {
        RunAudit audit = new RunAudit((clusters, asOf) -> {
            elapsed.addAndGet(AUDIT_MS);
            audited.add(clusters);
            return Forecasts.at(Forecasts.forecast(clusters.stream()
                    .map(c -> Forecasts.subnet("subnet-" + c).clusters(c).build()).toList()), asOf);
        }, new InMemoryPorts.RecordingMetrics(), MetricMapping.Detail.LEAN, new InMemoryPorts.RecordingAlerts(),
                new InMemoryPorts.MemoryStates(), new RunAudit.AlertSettings(Severity.WARNING, Duration.ofHours(24)),
                Clock.fixed(Forecasts.AS_OF, ZoneOffset.UTC));
        return new ForecastHandler(new TriggerAudits(audit::audit, group -> Optional.empty(), List.of()),
                new PrintStream(logBytes, true, StandardCharsets.UTF_8), Clock.fixed(Forecasts.AS_OF, ZoneOffset.UTC));
    }

    static byte[] batchOf(int clusters) {
        String template = new String(event("eks-update-nodegroup-config.json"), StandardCharsets.UTF_8);
        List<Object> records = new ArrayList<>();
        for (int i = 1; i <= clusters; i++) {
            String name = "c%02d".formatted(i);
            records.add(HandlerHarness.sqsRecord("m-" + name, template.replace("batch-jobs", name)));
        }
        return HandlerHarness.batch(records);
    }

    JsonNode invoke(byte[] event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler().handleRequest(new ByteArrayInputStream(event), out, new FakeContext(elapsed));
        return HandlerHarness.JSON.readTree(out.toByteArray());
    }

    @Test
    void fortyClustersFinishBeforeTheTimeoutAndTheRecordsNotReachedComeBack() throws Exception {
        JsonNode response = invoke(batchOf(40));
        List<String> failed = new ArrayList<>();
        response.path("batchItemFailures").forEach(f -> failed.add(f.path("itemIdentifier").asText()));
        System.out.printf("8b after: 40 clusters x %d ms, one at a time: finished at %.1f s of %d s, %d audited, "
                + "%d records returned%n", AUDIT_MS, elapsed.get() / 1000.0, TIMEOUT_MS / 1000, audited.size(), failed.size());

        assertThat(elapsed.get()).as("simulated time when the response is written")
                .isLessThanOrEqualTo(TIMEOUT_MS - 10_000);
        assertThat(audited.size() + failed.size()).isEqualTo(40);
        assertThat(failed).isNotEmpty().allSatisfy(id -> assertThat(audited).doesNotContain(List.of(id.substring(2))));
        String log = logBytes.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("\"event\":\"deadline\"").contains(failed.get(0).substring(2));
    }

    /** A Lambda context whose remaining time is the timeout less the simulated time spent. */
    record FakeContext(AtomicLong elapsed) implements Context {
        @Override public String getAwsRequestId() { return "8f5b1c2e-0000-4000-8000-00000000008b"; }
        @Override public String getLogGroupName() { return "test"; }
        @Override public String getLogStreamName() { return "test"; }
        @Override public String getFunctionName() { return "ForecastFunction"; }
        @Override public String getFunctionVersion() { return "$LATEST"; }
        @Override public String getInvokedFunctionArn() { return "test"; }
        @Override public CognitoIdentity getIdentity() { return null; }
        @Override public ClientContext getClientContext() { return null; }
        @Override public int getRemainingTimeInMillis() { return (int) (TIMEOUT_MS - elapsed.get()); }
        @Override public int getMemoryLimitInMB() { return 1024; }
        @Override public LambdaLogger getLogger() { return null; }
    }
}
