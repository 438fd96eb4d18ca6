package dev.eksip.aws;

import dev.eksip.app.RunForecast;
import dev.eksip.app.report.ReportJson;
import dev.eksip.domain.Inventory;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * One live audit for the concurrency tests and benchmark: the inventory read through {@code endpoint} with a read
 * bound, at a fixed instant, rendered as the JSON report ({@code audit --live -o json}), timed and its calls counted.
 */
record LiveAudit(int bound, double seconds, int calls, Map<String, Integer> callsByOperation, String report) {
    static final Instant AS_OF = Instant.parse("2026-12-01T00:00:00Z");
    /** moto on a loaded machine is slow: the call counts and the reports are the point, not production timeouts. */
    static final AwsClients.Timing MOTO_TIMING = new AwsClients.Timing(Duration.ofMinutes(10), Duration.ofMinutes(5),
            Duration.ofMillis(50));

    static LiveAudit run(URI endpoint, int bound) {
        ApiCallCounter counter = new ApiCallCounter();
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
        try (AwsClients clients = AwsClients.fromEnvironment(Map.of("AWS_REGION", "us-east-1",
                "AWS_ENDPOINT_URL", endpoint.toString()), MOTO_TIMING, counter)) {
            long start = System.nanoTime();
            Inventory inventory = new AwsInventorySource(clients.ec2(), clients.eks(), clients.autoScaling(),
                    "us-east-1", Map.of(), Clock.fixed(AS_OF, ZoneOffset.UTC), m -> { }, bound).load(List.of());
            double seconds = (System.nanoTime() - start) / 1e9;
            String report = ReportJson.render(RunForecast.forecast(inventory, AS_OF), "live");
            Map<String, Integer> calls = counter.calls();
            return new LiveAudit(bound, seconds, calls.values().stream().mapToInt(Integer::intValue).sum(), calls,
                    report);
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }
}
