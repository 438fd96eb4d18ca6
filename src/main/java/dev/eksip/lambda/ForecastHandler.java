package dev.eksip.lambda;

import static java.util.Objects.requireNonNull;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eksip.app.ClusterLookup;
import dev.eksip.app.RunAudit;
import dev.eksip.app.RunAudit.AuditFailedException;
import dev.eksip.app.RunAudit.Outcome;
import dev.eksip.lambda.EventRouting.Target;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The function's entry point ({@code dev.eksip.lambda.ForecastHandler::handleRequest}), one for all triggers:
 * <ul>
 *   <li>an EventBridge {@code Scheduled Event} → one audit of every cluster (or {@code CLUSTER_NAMES});</li>
 *   <li>an SQS batch whose bodies are EventBridge events (EKS node group API calls via CloudTrail, Auto Scaling
 *       launch/terminate) → the affected clusters, deduplicated, one audit each; records that fail (bad input or a
 *       failed audit of their cluster) are returned as {@code batchItemFailures} ({@code ReportBatchItemFailures});
 *       nothing escapes for a bad record;</li>
 *   <li>a direct invoke {@code {"clusters": ["name", ...]}} → one audit per named cluster ({@code []} = every one);</li>
 *   <li>an EKS / Auto Scaling EventBridge event delivered directly → its cluster.</li>
 * </ul>
 * Streams in and out so that one bad record cannot fail the binding of a whole batch. Thin: routing and logging
 * only; the work is {@link RunAudit}.
 */
public final class ForecastHandler implements RequestStreamHandler {
    /** EventBridge events are at most 256 KB; anything bigger in a record body is not one of ours. */
    static final int MAX_EVENT_BYTES = 256 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RunAudit audit;
    private final ClusterLookup clusterLookup;
    private final List<String> configuredClusters;
    private final RunLog log;

    /** Lambda runtime: composition at INIT from the environment; a bad configuration fails here. */
    public ForecastHandler() {
        this(Wiring.production(System.getenv()));
    }

    private ForecastHandler(Wiring.Components c) {
        this(c.audit(), c.clusterLookup(), c.config().clusterNames(), System.out, Clock.systemUTC());
    }

    ForecastHandler(RunAudit audit, ClusterLookup clusterLookup, List<String> configuredClusters, PrintStream logOut,
                    Clock clock) {
        this.audit = requireNonNull(audit, "audit");
        this.clusterLookup = requireNonNull(clusterLookup, "clusterLookup");
        this.configuredClusters = List.copyOf(configuredClusters);
        this.log = new RunLog(logOut, clock);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String requestId = context == null ? null : context.getAwsRequestId();
        byte[] bytes = input.readAllBytes();
        JsonNode event;
        try {
            event = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            log.error("invalid-event", requestId, Map.of("error", "event is not JSON: " + e.getOriginalMessage()));
            throw new IllegalArgumentException("event is not JSON: " + e.getOriginalMessage());
        }
        Object response;
        if (event != null && event.isObject() && event.has("Records")) {
            response = sqsBatch(event.get("Records"), requestId);
        } else if (event != null && event.isObject() && event.has("clusters")) {
            response = direct(event.get("clusters"), requestId);
        } else if (event != null && event.isObject() && event.has("source")) {
            response = eventBridge(event, requestId);
        } else {
            String error = "unrecognised event: expected an EventBridge event, an SQS batch (Records) or "
                    + "{\"clusters\": [...]}, got " + EventRouting.kind(event);
            log.error("invalid-event", requestId, Map.of("error", error));
            throw new IllegalArgumentException(error);
        }
        output.write(JSON.writeValueAsBytes(response));
    }

    // ---- schedule / direct EventBridge delivery ----

    private Map<String, Object> eventBridge(JsonNode event, String requestId) {
        Target target = EventRouting.target(event);
        return switch (target) {
            case Target.Invalid invalid -> {
                log.error("invalid-event", requestId, Map.of("error", invalid.reason()));
                throw new IllegalArgumentException(invalid.reason());
            }
            case Target.AllClusters all -> summary(List.of(auditAll(requestId, all.why())));
            case Target.Cluster c -> watched(c.name()) ? summary(auditEach(List.of(c.name()), requestId, "event"))
                    : ignored(c.name(), requestId);
            case Target.AutoScalingGroup g -> {
                Optional<String> cluster = lookup(g.name(), requestId);
                if (cluster.isEmpty())
                    yield summary(List.of(auditAll(requestId, "cluster of " + g.name() + " unresolved")));
                yield watched(cluster.get()) ? summary(auditEach(List.of(cluster.get()), requestId, "event"))
                        : ignored(cluster.get(), requestId);
            }
        };
    }

    private Map<String, Object> direct(JsonNode clustersNode, String requestId) {
        if (clustersNode == null || !clustersNode.isArray()) {
            String error = "field 'clusters': expected an array of cluster names, got " + EventRouting.kind(clustersNode);
            log.error("invalid-event", requestId, Map.of("error", error));
            throw new IllegalArgumentException(error);
        }
        List<String> names = new ArrayList<>();
        for (JsonNode n : clustersNode) {
            if (!n.isTextual() || !EventRouting.CLUSTER_NAME.matcher(n.asText()).matches()) {
                String error = "field 'clusters': expected EKS cluster names, got " + EventRouting.kind(n);
                log.error("invalid-event", requestId, Map.of("error", error));
                throw new IllegalArgumentException(error);
            }
            names.add(n.asText());
        }
        if (names.isEmpty()) return summary(List.of(auditAll(requestId, "direct invoke")));
        return summary(auditEach(names.stream().distinct().toList(), requestId, "direct"));
    }

    /** One account-wide audit; a failed forecast of a configured list falls back to one audit per cluster. */
    private Outcome auditAll(String requestId, String why) {
        try {
            Outcome o = audit.audit(configuredClusters, true);
            logOutcome(o, requestId, why);
            return o;
        } catch (AuditFailedException e) {
            logFailure(configuredClusters, e, requestId, why);
            if (e.outcome() == null && configuredClusters.size() > 1) {
                // the forecast failed as a whole: still publish every cluster that can be audited on its own
                try {
                    auditEach(configuredClusters, requestId, why + " (per-cluster fallback)");
                } catch (ClusterAuditsFailedException fallbackFailed) {
                    e.addSuppressed(fallbackFailed);
                }
            }
            throw e;
        }
    }

    /** One audit per cluster, each isolated; throws after all ran if any failed. */
    private List<Outcome> auditEach(List<String> clusters, String requestId, String why) {
        List<Outcome> outcomes = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        AuditFailedException first = null;
        for (String cluster : clusters) {
            try {
                Outcome o = audit.audit(List.of(cluster), false);
                logOutcome(o, requestId, why);
                outcomes.add(o);
            } catch (AuditFailedException e) {
                logFailure(List.of(cluster), e, requestId, why);
                failed.add(cluster);
                if (first == null) first = e;
            }
        }
        if (first != null)
            throw new ClusterAuditsFailedException("audit failed for cluster(s) " + String.join(", ", failed), first);
        return outcomes;
    }

    /** One or more per-cluster audits failed: names every failed cluster, caused by the first failure. */
    static final class ClusterAuditsFailedException extends RuntimeException {
        ClusterAuditsFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    // ---- SQS batch ----

    private SQSBatchResponse sqsBatch(JsonNode records, String requestId) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        if (!records.isArray()) {
            log.error("invalid-event", requestId,
                    Map.of("error", "field 'Records': expected an array, got " + EventRouting.kind(records)));
            return new SQSBatchResponse(failures);
        }
        Map<String, List<String>> byCluster = new LinkedHashMap<>();   // cluster -> messageIds
        List<String> needAll = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        Map<String, Optional<String>> groupCache = new HashMap<>();
        Set<String> invalid = new LinkedHashSet<>();
        int index = 0;
        for (JsonNode record : records) {
            int i = index++;
            JsonNode idNode = record == null ? null : record.get("messageId");
            String messageId = idNode != null && idNode.isTextual() && !idNode.asText().isBlank() ? idNode.asText() : null;
            if (messageId == null) {
                // a failure without an identifier would make Lambda retry the whole batch: log and drop instead
                log.error("invalid-record", requestId, Map.of("index", i,
                        "error", "record has no messageId; cannot report it as a batch item failure, dropped"));
                continue;
            }
            Target target = recordTarget(record);
            switch (target) {
                case Target.Invalid bad -> {
                    log.error("invalid-record", requestId, Map.of("index", i, "messageId", messageId,
                            "error", bad.reason()));
                    invalid.add(messageId);
                }
                case Target.AllClusters all -> needAll.add(messageId);
                case Target.Cluster c -> addCluster(byCluster, ignored, c.name(), messageId);
                case Target.AutoScalingGroup g -> {
                    Optional<String> cluster = groupCache.computeIfAbsent(g.name(), n -> lookup(n, requestId));
                    if (cluster.isPresent()) addCluster(byCluster, ignored, cluster.get(), messageId);
                    else needAll.add(messageId);
                }
            }
        }
        invalid.forEach(id -> failures.add(new SQSBatchResponse.BatchItemFailure(id)));
        Map<String, Object> batch = new LinkedHashMap<>();
        batch.put("records", index);
        batch.put("invalid", invalid.size());
        batch.put("ignored", ignored.size());
        if (!needAll.isEmpty()) {
            // one account-wide audit covers every record of the batch
            List<String> covered = new ArrayList<>(needAll);
            byCluster.values().forEach(covered::addAll);
            batch.put("audits", List.of("all"));
            try {
                auditAll(requestId, "batch");
            } catch (RuntimeException e) {
                covered.forEach(id -> failures.add(new SQSBatchResponse.BatchItemFailure(id)));
            }
        } else {
            batch.put("audits", List.copyOf(byCluster.keySet()));
            for (Map.Entry<String, List<String>> e : byCluster.entrySet()) {
                try {
                    auditEach(List.of(e.getKey()), requestId, "batch");
                } catch (RuntimeException failed) {
                    e.getValue().forEach(id -> failures.add(new SQSBatchResponse.BatchItemFailure(id)));
                }
            }
        }
        batch.put("failed", failures.size());
        log.info("batch", requestId, batch);
        return new SQSBatchResponse(failures);
    }

    /** A cluster this deployment audits: every one, or those of {@code CLUSTER_NAMES}. */
    private boolean watched(String cluster) {
        return configuredClusters.isEmpty() || configuredClusters.contains(cluster);
    }

    /** An event about a cluster this deployment does not watch: nothing to do, not a failure. */
    private Map<String, Object> ignored(String cluster, String requestId) {
        log.info("ignored", requestId, Map.of("cluster", cluster, "reason", "not in CLUSTER_NAMES"));
        return Map.of("audits", List.of(), "ignored", List.of(cluster));
    }

    private void addCluster(Map<String, List<String>> byCluster, List<String> ignored, String cluster, String messageId) {
        if (!watched(cluster)) {
            ignored.add(messageId);   // not watched by this deployment (CLUSTER_NAMES): nothing to do, not a failure
            return;
        }
        byCluster.computeIfAbsent(cluster, k -> new ArrayList<>()).add(messageId);
    }

    private static Target recordTarget(JsonNode record) {
        if (!record.isObject()) return new Target.Invalid("record: expected an object, got " + EventRouting.kind(record));
        JsonNode source = record.get("eventSource");
        if (source != null && !(source.isTextual() && source.asText().equals("aws:sqs")))
            return new Target.Invalid("record eventSource: expected 'aws:sqs', got " + EventRouting.kind(source));
        JsonNode body = record.get("body");
        if (body == null || !body.isTextual())
            return new Target.Invalid("record body: expected a string holding an EventBridge event, got "
                    + EventRouting.kind(body));
        String text = body.asText();
        if (text.length() > MAX_EVENT_BYTES)
            return new Target.Invalid("record body: %d characters, more than an EventBridge event can hold (%d)"
                    .formatted(text.length(), MAX_EVENT_BYTES));
        JsonNode envelope;
        try {
            envelope = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return new Target.Invalid("record body is not JSON: " + EventRouting.clip(e.getOriginalMessage()));
        }
        return EventRouting.target(envelope);
    }

    private Optional<String> lookup(String group, String requestId) {
        try {
            Optional<String> cluster = clusterLookup.clusterOfAutoScalingGroup(group);
            if (cluster.isEmpty())
                log.info("cluster-unresolved", requestId, Map.of("autoScalingGroup", group,
                        "action", "auditing every cluster"));
            return cluster;
        } catch (RuntimeException e) {
            log.error("cluster-lookup-failed", requestId, Map.of("autoScalingGroup", group,
                    "error", String.valueOf(e.getMessage()), "action", "auditing every cluster"));
            return Optional.empty();
        }
    }

    // ---- logging and responses ----

    private void logOutcome(Outcome o, String requestId, String why) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("trigger", why);
        f.putAll(fields(o));
        log.info("audit", requestId, f);
    }

    /** One audit's outcome, as logged and as returned to the caller. */
    private static Map<String, Object> fields(Outcome o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scope", o.accountWide() ? "account" : "clusters");
        m.put("requestedClusters", o.requestedClusters());
        m.put("asOf", o.asOf().toString());
        m.put("clusters", o.clusters());
        m.put("subnets", o.subnets());
        m.put("subnetsAtRisk", o.subnetsAtRisk());
        m.put("subnetsExhaustedAtMax", o.subnetsExhaustedAtMax());
        m.put("worst", o.worst().label());
        m.put("auditErrors", o.gaps());
        m.put("metricsPublished", o.metricsPublished());
        m.put("alertsSent", o.alertsSent());
        return m;
    }

    private void logFailure(List<String> clusters, AuditFailedException e, String requestId, String why) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("trigger", why);
        f.put("requestedClusters", clusters);
        f.put("error", e.getMessage());
        log.error("audit-failed", requestId, f);
    }

    private static Map<String, Object> summary(List<Outcome> outcomes) {
        List<Map<String, Object>> audits = new ArrayList<>();
        for (Outcome o : outcomes) audits.add(fields(o));
        return Map.of("audits", audits);
    }
}
