package dev.eksip.app.trigger;

import dev.eksip.app.RunAudit;
import dev.eksip.app.RunAudit.AuditFailedException;
import dev.eksip.app.trigger.TriggerOutcome.Result;

import java.util.Map;

/** The account-wide audit: its outcome (null if the forecast failed), its failure, the per-cluster fallback. */
record AccountRun(RunAudit.Outcome outcome, AuditFailedException failure, Map<String, ClusterRun> fallback) {
    boolean wholeScopeFailed() {
        return failure != null && failure.wholeScope();
    }

    /** What the records of {@code cluster} get. */
    Result resultFor(String cluster) {
        if (fallback.containsKey(cluster)) return fallback.get(cluster).resultForRecords();
        if (wholeScopeFailed()) return Result.FAILED;
        if (failure != null && failure.failedClusters().contains(cluster)) return Result.FAILED;
        return outcome.unreadClusters().contains(cluster) ? Result.FAILED : Result.AUDITED;
    }
}
