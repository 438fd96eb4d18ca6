package dev.eksip.lambda;

import static java.util.Objects.requireNonNull;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eksip.app.fleet.AuditTarget;
import dev.eksip.app.fleet.HubRun;
import dev.eksip.app.trigger.Deadline;
import dev.eksip.app.trigger.Target;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The hub deployment's invocations (organization-wide: {@code TARGET_REGIONS} set), routed to {@link HubRun}:
 * <ul>
 *   <li>the schedule's {@code Scheduled Event} → {@link HubRun#dispatch}: one fan-out message per target;</li>
 *   <li>an SQS batch: a fan-out message {@code {"auditTarget":"ACCOUNT/REGION"}}, or a node group change event
 *       (this account's, or a spoke's forwarded to this event bus: its {@code account} and {@code region} name the
 *       target, its cluster as {@link EventRouting} reads it) → one audit per target, the batch's messages for the
 *       same target coalesced; a target that fails (or that the deadline leaves unstarted) returns its messages as
 *       {@code batchItemFailures}, so SQS retries that target alone and dead-letters it after the queue's
 *       {@code maxReceiveCount}; other targets are unaffected;</li>
 *   <li>a direct invoke {@code {"auditTarget":"ACCOUNT/REGION"}} → that target.</li>
 * </ul>
 */
final class HubEvents {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HubRun hub;
    private final Clock clock;

    HubEvents(HubRun hub, Clock clock) {
        this.hub = requireNonNull(hub, "hub");
        this.clock = requireNonNull(clock, "clock");
    }

    /** @throws IllegalArgumentException an event the hub does not accept (logged by the caller) */
    Object handle(JsonNode event, ProgressLog progress, Deadline deadline) {
        if (event != null && event.isObject() && event.has("Records") && event.get("Records").isArray())
            return batch(event.get("Records"), progress, deadline);
        Target routed = EventRouting.target(event);
        if (routed instanceof Target.AllClusters && "Scheduled Event".equals(event.path("detail-type").asText())) {
            HubRun.Dispatched d = hub.dispatch(clock.instant(), m -> progress.log().info("hub", progress.requestId(),
                    Map.of("message", m)));
            return Map.of("dispatched", d.targets().size(), "skippedAccounts", d.skipped().size(),
                    "notAudited", d.notAudited().size());
        }
        Routed r = route(event);   // a direct {"auditTarget": …} or an event of a target
        if (r.invalid() != null) throw new IllegalArgumentException(r.invalid());
        if (r.target() == null) return Map.of("ignored", r.ignored());
        audit(r.target(), r.clusters(), progress);
        return Map.of("audited", r.target().key());
    }

    /** One record's or event's target: exactly one of target, ignored, invalid is set. */
    record Routed(AuditTarget target, List<String> clusters, String ignored, String invalid) {
    }

    static Routed route(JsonNode body) {
        if (body != null && body.isObject() && body.has("auditTarget")) {
            try {
                return new Routed(AuditTarget.parse(body.get("auditTarget").asText()), List.of(), null, null);
            } catch (IllegalArgumentException e) {
                return new Routed(null, List.of(), null, "field 'auditTarget': " + e.getMessage());
            }
        }
        Target t = EventRouting.target(body);
        return switch (t) {
            case Target.Invalid i -> new Routed(null, List.of(), null, i.reason());
            case Target.Ignored i -> new Routed(null, List.of(), i.reason(), null);
            default -> {
                AuditTarget target;
                try {
                    target = new AuditTarget(body.path("account").asText(), body.path("region").asText());
                } catch (IllegalArgumentException e) {
                    yield new Routed(null, List.of(), null, "event 'account'/'region': " + e.getMessage());
                }
                // the Auto Scaling group's cluster would need a lookup in the spoke: the whole target is audited
                yield new Routed(target, t instanceof Target.Cluster c ? List.of(c.name()) : List.of(), null, null);
            }
        };
    }

    private SQSBatchResponse batch(JsonNode records, ProgressLog progress, Deadline deadline) {
        Map<AuditTarget, Set<String>> clusters = new LinkedHashMap<>();
        Map<AuditTarget, List<String>> messages = new LinkedHashMap<>();
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        int index = 0;
        for (JsonNode record : records) {
            String id = record.path("messageId").asText("");
            int at = index++;
            if (id.isBlank()) {
                progress.unidentifiedRecord(at);
                continue;
            }
            Routed r;
            try {
                r = route(JSON.readTree(record.path("body").asText("")));
            } catch (JsonProcessingException e) {
                r = new Routed(null, List.of(), null, "record body is not JSON: " + e.getOriginalMessage());
            }
            if (r.invalid() != null) {
                progress.invalidRecord(at, id, r.invalid());   // bad input: redelivery cannot help, not a failure
                continue;
            }
            if (r.target() == null) {
                progress.ignoredRecord(at, id, r.ignored());
                continue;
            }
            Set<String> wanted = clusters.computeIfAbsent(r.target(), k -> new LinkedHashSet<>());
            if (r.clusters().isEmpty() || wanted.contains("*")) {
                wanted.clear();
                wanted.add("*");
            } else wanted.addAll(r.clusters());
            messages.computeIfAbsent(r.target(), k -> new ArrayList<>()).add(id);
        }
        long longest = 0;
        for (Map.Entry<AuditTarget, Set<String>> e : clusters.entrySet()) {
            long left = deadline.remainingMillis().getAsLong();
            if (left != Long.MAX_VALUE && left - deadline.reserve().toMillis() < Math.max(longest, 1)) {
                progress.log().error("deadline", progress.requestId(), Map.of("target", e.getKey().key(),
                        "action", "returned as batch item failures; redelivered"));
                messages.get(e.getKey()).forEach(id -> failures.add(new SQSBatchResponse.BatchItemFailure(id)));
                continue;
            }
            long started = System.nanoTime();
            try {
                audit(e.getKey(), e.getValue().contains("*") ? List.of() : List.copyOf(e.getValue()), progress);
            } catch (RuntimeException failure) {
                messages.get(e.getKey()).forEach(id -> failures.add(new SQSBatchResponse.BatchItemFailure(id)));
            }
            longest = Math.max(longest, (System.nanoTime() - started) / 1_000_000);
        }
        return new SQSBatchResponse(failures);
    }

    private void audit(AuditTarget target, List<String> clusters, ProgressLog progress) {
        try {
            hub.audit(target, clusters, clock);
            progress.log().info("target-audited", progress.requestId(), Map.of("target", target.key(),
                    "clusters", clusters.isEmpty() ? List.of("*") : clusters));
        } catch (RuntimeException e) {
            progress.log().error("target-failed", progress.requestId(), Map.of("target", target.key(),
                    "error", String.valueOf(e.getMessage())));
            throw e;
        }
    }
}
