package dev.eksip.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eksip.testing.forecast.Forecasts;
import dev.eksip.testing.ports.InMemoryPorts;
import dev.eksip.app.RunAudit;
import dev.eksip.app.port.ClusterLookup;
import dev.eksip.app.trigger.TriggerAudits;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.Severity;
import dev.eksip.domain.SubnetForecast;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The handler wired to in-memory ports and a fixed account of two clusters (web-prod, batch-jobs). */
final class HandlerHarness {
    static final ObjectMapper JSON = new ObjectMapper();
    static final LocalInvoke.LocalContext TEST_CONTEXT =
            new LocalInvoke.LocalContext(System.out, "8f5b1c2e-0000-4000-8000-000000000001");
    static final String MANAGED_GROUP = "eks-web-spot-2ac6b1f4-7e1d-4c55-9f0e-3b1d2a9c8e71";

    final InMemoryPorts.RecordingMetrics metrics = new InMemoryPorts.RecordingMetrics();
    final InMemoryPorts.RecordingAlerts alerts = new InMemoryPorts.RecordingAlerts();
    final InMemoryPorts.MemoryStates states = new InMemoryPorts.MemoryStates();
    final List<List<String>> forecastRequests = Collections.synchronizedList(new ArrayList<>());
    final Set<String> failingClusters = new HashSet<>();
    final List<String> lookups = new ArrayList<>();
    final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    final ForecastHandler handler;

    HandlerHarness() {
        this(List.of());
    }

    HandlerHarness(List<String> configuredClusters) {
        List<SubnetForecast> account = List.of(
                Forecasts.subnet("subnet-0a1b2c3d4e5f60001").clusters("web-prod").critical().build(),
                Forecasts.subnet("subnet-0a1b2c3d4e5f60002").az("us-east-1b").clusters("web-prod").build(),
                Forecasts.subnet("subnet-0b0000000000000c1").az("us-east-1c").clusters("batch-jobs").nodeGroups("compute")
                        .warning().build());
        RunAudit.ForecastStep step = (clusters, asOf) -> {
            forecastRequests.add(clusters);
            for (String c : clusters)
                if (failingClusters.contains(c)) throw new IllegalStateException("eks:DescribeCluster failed for " + c);
            List<SubnetForecast> scoped = clusters.isEmpty() ? account
                    : account.stream().filter(s -> s.clusters().stream().anyMatch(clusters::contains)).toList();
            Forecast f = Forecasts.forecast(scoped);
            return Forecasts.at(f, asOf);
        };
        RunAudit audit = new RunAudit(step, metrics, dev.eksip.app.MetricMapping.Detail.FULL, alerts, states,
                new RunAudit.AlertSettings(Severity.WARNING, Duration.ofHours(24)),
                Clock.fixed(Forecasts.AS_OF, ZoneOffset.UTC));
        ClusterLookup lookup = group -> {
            lookups.add(group);
            return group.equals(MANAGED_GROUP) ? Optional.of("web-prod") : Optional.empty();
        };
        handler = new ForecastHandler(new TriggerAudits(audit::audit, lookup, configuredClusters),
                new PrintStream(logBytes, true, StandardCharsets.UTF_8), Clock.fixed(Forecasts.AS_OF, ZoneOffset.UTC));
    }

    static byte[] event(String file) {
        try {
            return Files.readAllBytes(Path.of("events", file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode invoke(byte[] event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event), out, TEST_CONTEXT);
            return JSON.readTree(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode invoke(String file) {
        return invoke(event(file));
    }

    List<JsonNode> logLines() {
        return logBytes.toString(StandardCharsets.UTF_8).lines().map(l -> {
            try {
                return JSON.readTree(l);
            } catch (IOException e) {
                throw new AssertionError("log line is not JSON: " + l);
            }
        }).toList();
    }

    List<String> failedIds(JsonNode response) {
        List<String> ids = new ArrayList<>();
        response.path("batchItemFailures").forEach(f -> ids.add(f.path("itemIdentifier").asText()));
        return ids;
    }

    static Map<String, Object> sqsRecord(String messageId, String body) {
        Map<String, Object> r = new java.util.LinkedHashMap<>();
        r.put("messageId", messageId);
        r.put("receiptHandle", "AQEB" + messageId);
        r.put("body", body);
        r.put("attributes", Map.of("ApproximateReceiveCount", "1"));
        r.put("messageAttributes", Map.of());
        r.put("eventSource", "aws:sqs");
        r.put("eventSourceARN", "arn:aws:sqs:us-east-1:123456789012:ChangeQueue");
        r.put("awsRegion", "us-east-1");
        return r;
    }

    static byte[] batch(List<?> records) {
        try {
            return JSON.writeValueAsBytes(Map.of("Records", records));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
