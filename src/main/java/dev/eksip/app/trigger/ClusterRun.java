package dev.eksip.app.trigger;

import dev.eksip.app.RunAudit;
import dev.eksip.app.RunAudit.AuditFailedException;
import dev.eksip.app.trigger.TriggerOutcome.Result;

import java.util.List;

/** One per-cluster audit: ran (outcome), failed (failure, and the outcome if one), or not started. */
record ClusterRun(String cluster, Result result, RunAudit.Outcome outcome, AuditFailedException failure) {
    /** Its records are done only when it was audited and the cluster could be read. */
    Result resultForRecords() {
        return result == Result.AUDITED && outcome.unreadClusters().contains(cluster) ? Result.FAILED : result;
    }

    static ClusterAuditsFailedException failedException(List<ClusterRun> failed) {
        return new ClusterAuditsFailedException("audit failed for cluster(s) "
                + String.join(", ", failed.stream().map(ClusterRun::cluster).toList()), failed.get(0).failure());
    }
}
