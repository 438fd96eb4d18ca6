package dev.eksip.lambda;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import dev.eksip.app.RunAudit;
import dev.eksip.app.trigger.TriggerOutcome;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The handler's response bodies, serialised from the use case's outcomes: {@code {"audits": [...]}} (plus
 * {@code "ignored"} or {@code "skipped"}), and for a batch Lambda's {@code {"batchItemFailures": [{"itemIdentifier": ...}]}}.
 */
final class Responses {
    private Responses() {
    }

    static Map<String, Object> audited(List<RunAudit.Outcome> outcomes) {
        return Map.of("audits", outcomes.stream().map(Responses::fields).toList());
    }

    static Map<String, Object> ignored(String cluster) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("audits", List.of());
        m.put("ignored", List.of(cluster));
        return m;
    }

    static Map<String, Object> skipped(String reason) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("audits", List.of());
        m.put("skipped", reason);
        return m;
    }

    static SQSBatchResponse batch(TriggerOutcome.Batch batch) {
        return new SQSBatchResponse(batch.failedMessageIds().stream().map(SQSBatchResponse.BatchItemFailure::new)
                .toList());
    }

    /** What a batch's log line names as its audits: the clusters, or {@code all}. */
    static List<String> audits(TriggerOutcome.Batch batch) {
        return batch.accountWide() ? List.of("all") : batch.audits().stream().map(a -> a.cluster().orElseThrow()).toList();
    }

    /** One audit's outcome, as logged and as returned to the caller. */
    static Map<String, Object> fields(RunAudit.Outcome o) {
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
        m.put("incompleteClusters", o.incompleteClusters());
        if (!o.notes().isEmpty()) m.put("notes", o.notes());   // the runway's history, or why it was not read
        return m;
    }
}
