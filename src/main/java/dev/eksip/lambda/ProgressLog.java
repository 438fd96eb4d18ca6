package dev.eksip.lambda;

import static dev.eksip.lambda.RunLog.fields;

import dev.eksip.app.RunAudit;
import dev.eksip.app.trigger.AuditProgress;
import dev.eksip.app.trigger.TriggerOutcome;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The use case's progress as log lines of one invocation, written as it happens. */
record ProgressLog(RunLog log, String requestId) implements AuditProgress {
    private static final String EVERY_CLUSTER = "auditing every cluster";

    @Override
    public void audited(String trigger, RunAudit.Outcome outcome) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("trigger", trigger);
        f.putAll(Responses.fields(outcome));
        log.info("audit", requestId, f);
    }

    @Override
    public void auditFailed(String trigger, List<String> clusters, RunAudit.AuditFailedException failure) {
        log.error("audit-failed", requestId, fields("trigger", trigger, "requestedClusters", clusters,
                "error", failure.getMessage()));
    }

    @Override
    public void clusterUnresolved(String autoScalingGroup) {
        log.info("cluster-unresolved", requestId, fields("autoScalingGroup", autoScalingGroup,
                "action", EVERY_CLUSTER));
    }

    @Override
    public void clusterLookupFailed(String autoScalingGroup, RuntimeException failure) {
        log.error("cluster-lookup-failed", requestId, fields("autoScalingGroup", autoScalingGroup,
                "error", String.valueOf(failure.getMessage()), "action", EVERY_CLUSTER));
    }

    @Override
    public void invalidRecord(int index, String messageId, String reason) {
        log.error("invalid-record", requestId, fields("index", index, "messageId", messageId, "error", reason));
    }

    @Override
    public void ignoredRecord(int index, String messageId, String reason) {
        log.info("ignored-record", requestId, fields("index", index, "messageId", messageId, "reason", reason));
    }

    @Override
    public void deadlineReached(List<String> clusters, int records, long remainingMillis) {
        log.error("deadline", requestId, fields("notStarted", clusters, "records", records,
                "remainingMillis", remainingMillis, "action", "returned as batch item failures; redelivered"));
    }

    @Override
    public void unidentifiedRecord(int index) {
        // a failure without an identifier would make Lambda retry the whole batch: log and drop instead
        log.error("invalid-record", requestId, fields("index", index,
                "error", "record has no messageId; cannot report it as a batch item failure, dropped"));
    }

    /** The request is not one the function accepts: logged, then thrown by the handler. */
    IllegalArgumentException invalidEvent(String error) {
        log.error("invalid-event", requestId, fields("error", error));
        return new IllegalArgumentException(error);
    }

    void ignored(String cluster) {
        log.info("ignored", requestId, fields("cluster", cluster, "reason", "not in CLUSTER_NAMES"));
    }

    void skipped(String reason) {
        log.info("skipped", requestId, fields("reason", reason));
    }

    void batch(TriggerOutcome.Batch batch) {
        log.info("batch", requestId, fields("records", batch.records(), "invalid", batch.invalidMessageIds().size(),
                "ignored", batch.ignoredMessageIds().size(), "audits", Responses.audits(batch),
                "failed", batch.failedMessageIds().size(), "notStarted", batch.audits().stream()
                        .filter(a -> a.result() == TriggerOutcome.Result.NOT_STARTED).mapToInt(a -> a.messageIds().size()).sum()));
    }
}
