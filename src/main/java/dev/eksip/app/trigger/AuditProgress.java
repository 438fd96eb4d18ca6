package dev.eksip.app.trigger;

import dev.eksip.app.RunAudit;

import java.util.List;

/** What {@link TriggerAudits} reports while it runs, in order (the handler logs each as it happens). */
public interface AuditProgress {
    /** @param trigger why the audit ran (e.g. {@code scheduled event}, {@code batch}) */
    void audited(String trigger, RunAudit.Outcome outcome);

    void auditFailed(String trigger, List<String> clusters, RunAudit.AuditFailedException failure);

    /** The group carries no cluster tag (or does not exist): every cluster is audited instead. */
    void clusterUnresolved(String autoScalingGroup);

    /** The lookup itself failed: every cluster is audited instead. */
    void clusterLookupFailed(String autoScalingGroup, RuntimeException failure);

    /** A batch record that asks for nothing this function does; it is reported as failed. */
    void invalidRecord(int index, String messageId, String reason);

    /** A batch record that asks for nothing to be audited (e.g. a CloudTrail call that failed): not a failure. */
    void ignoredRecord(int index, String messageId, String reason);

    /**
     * The batch's deadline came before these clusters' audits could start: their records are returned as failures.
     *
     * @param clusters        the clusters not audited ({@code every cluster} for an account-wide audit)
     * @param records         how many records they hold
     * @param remainingMillis what the invocation had left
     */
    void deadlineReached(List<String> clusters, int records, long remainingMillis);

    /** A batch record without a message id: it cannot be reported as failed, so it is dropped. */
    void unidentifiedRecord(int index);
}
