package dev.eksip.app.trigger;

import static java.util.Objects.requireNonNull;

import dev.eksip.app.RunAudit;
import dev.eksip.app.RunAudit.AuditFailedException;
import dev.eksip.app.port.ClusterLookup;
import dev.eksip.app.trigger.TriggerOutcome.CoalescedAudit;
import dev.eksip.app.trigger.TriggerRequest.BatchRecord;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The function's use case above {@link RunAudit}: turns what a trigger asks for into audits.
 * <ul>
 *   <li>{@code CLUSTER_NAMES}: an event about a cluster outside the list is {@link TriggerOutcome.Ignored ignored};
 *       "every cluster" means the list when it is set;</li>
 *   <li>an Auto Scaling group's cluster comes from the {@link ClusterLookup}; unresolved (or a failed lookup) →
 *       every cluster;</li>
 *   <li>a batch is coalesced: one audit per affected cluster however many records name it, each group looked up
 *       once; a record that needs every cluster makes the batch one account-wide audit covering all records. A
 *       failed audit fails only the records it covers ({@link TriggerOutcome.Batch#failedMessageIds()});</li>
 *   <li>an account-wide audit of several configured clusters whose forecast failed as a whole falls back to one
 *       audit per cluster, so every cluster that can be audited on its own is still published;</li>
 *   <li>per-cluster audits are isolated: all run, then the first failure is thrown.</li>
 * </ul>
 * Outside a batch a failure is thrown ({@link AuditFailedException}, {@link ClusterAuditsFailedException}) after
 * everything else ran, so the invocation fails. Progress goes to an {@link AuditProgress} as it happens.
 */
public final class TriggerAudits {
    /** One audit ({@code RunAudit::audit} in production). */
    @FunctionalInterface
    public interface Audit {
        RunAudit.Outcome audit(List<String> clusters, boolean accountWide);
    }

    private final Audit audit;
    private final ClusterLookup clusterLookup;
    private final List<String> configuredClusters;

    /** @param configuredClusters {@code CLUSTER_NAMES}; empty = every cluster */
    public TriggerAudits(Audit audit, ClusterLookup clusterLookup, List<String> configuredClusters) {
        this.audit = requireNonNull(audit, "audit");
        this.clusterLookup = requireNonNull(clusterLookup, "clusterLookup");
        this.configuredClusters = List.copyOf(configuredClusters);
    }

    /**
     * @throws AuditFailedException         an account-wide audit failed (not for a batch)
     * @throws ClusterAuditsFailedException a per-cluster audit failed (not for a batch)
     */
    public TriggerOutcome handle(TriggerRequest request, AuditProgress progress) {
        return switch (request) {
            case TriggerRequest.Event e -> event(e.target(), progress);
            case TriggerRequest.Clusters c -> c.names().isEmpty()
                    ? new TriggerOutcome.Audited(List.of(auditAll(progress, "direct invoke")))
                    : new TriggerOutcome.Audited(auditEach(c.names().stream().distinct().toList(), progress, "direct"));
            case TriggerRequest.Batch b -> batch(b.records(), progress);
        };
    }

    private TriggerOutcome event(Target target, AuditProgress progress) {
        return switch (target) {
            case Target.Invalid invalid -> new TriggerOutcome.Invalid(invalid.reason());
            case Target.Ignored skip -> new TriggerOutcome.Skipped(skip.reason());
            case Target.AllClusters all -> new TriggerOutcome.Audited(List.of(auditAll(progress, all.why())));
            case Target.Cluster c -> oneCluster(c.name(), progress);
            case Target.AutoScalingGroup g -> {
                Optional<String> cluster = lookup(g.name(), progress);
                yield cluster.isPresent() ? oneCluster(cluster.get(), progress)
                        : new TriggerOutcome.Audited(List.of(auditAll(progress, "cluster of " + g.name() + " unresolved")));
            }
        };
    }

    private TriggerOutcome oneCluster(String cluster, AuditProgress progress) {
        return watched(cluster) ? new TriggerOutcome.Audited(auditEach(List.of(cluster), progress, "event"))
                : new TriggerOutcome.Ignored(cluster);
    }

    private TriggerOutcome.Batch batch(List<BatchRecord> records, AuditProgress progress) {
        Map<String, List<String>> byCluster = new LinkedHashMap<>();   // cluster -> messageIds
        List<String> needAll = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        Set<String> invalid = new LinkedHashSet<>();
        Map<String, Optional<String>> groupCache = new HashMap<>();
        for (BatchRecord r : records) {
            if (r.messageId().isEmpty()) {
                progress.unidentifiedRecord(r.index());
                continue;
            }
            String messageId = r.messageId().get();
            switch (r.target()) {
                case Target.Invalid bad -> {
                    progress.invalidRecord(r.index(), messageId, bad.reason());
                    invalid.add(messageId);
                }
                case Target.Ignored skip -> {
                    progress.ignoredRecord(r.index(), messageId, skip.reason());
                    ignored.add(messageId);
                }
                case Target.AllClusters all -> needAll.add(messageId);
                case Target.Cluster c -> addCluster(byCluster, ignored, c.name(), messageId);
                case Target.AutoScalingGroup g -> {
                    Optional<String> cluster = groupCache.computeIfAbsent(g.name(), n -> lookup(n, progress));
                    if (cluster.isPresent()) addCluster(byCluster, ignored, cluster.get(), messageId);
                    else needAll.add(messageId);
                }
            }
        }
        List<CoalescedAudit> audits = new ArrayList<>();
        if (!needAll.isEmpty()) {
            // one account-wide audit covers every record of the batch
            List<String> covered = new ArrayList<>(needAll);
            byCluster.values().forEach(covered::addAll);
            audits.add(new CoalescedAudit(Optional.empty(), covered, !succeeded(() -> auditAll(progress, "batch"))));
        } else {
            byCluster.forEach((cluster, ids) -> audits.add(new CoalescedAudit(Optional.of(cluster), ids,
                    !succeeded(() -> auditEach(List.of(cluster), progress, "batch")))));
        }
        return new TriggerOutcome.Batch(records.size(), List.copyOf(invalid), ignored, audits);
    }

    private void addCluster(Map<String, List<String>> byCluster, List<String> ignored, String cluster, String messageId) {
        if (watched(cluster)) byCluster.computeIfAbsent(cluster, k -> new ArrayList<>()).add(messageId);
        else ignored.add(messageId);   // not watched by this deployment (CLUSTER_NAMES): nothing to do, not a failure
    }

    private static boolean succeeded(Runnable audit) {
        try {
            audit.run();
            return true;
        } catch (RuntimeException failed) {
            return false;   // an AuditFailedException was reported as it happened; any failure fails the covered records
        }
    }

    /** One account-wide audit; a failed forecast of a configured list falls back to one audit per cluster. */
    private RunAudit.Outcome auditAll(AuditProgress progress, String why) {
        try {
            RunAudit.Outcome o = audit.audit(configuredClusters, true);
            progress.audited(why, o);
            return o;
        } catch (AuditFailedException e) {
            progress.auditFailed(why, configuredClusters, e);
            if (e.outcome() == null && configuredClusters.size() > 1) {
                // the forecast failed as a whole: still publish every cluster that can be audited on its own
                try {
                    auditEach(configuredClusters, progress, why + " (per-cluster fallback)");
                } catch (ClusterAuditsFailedException fallbackFailed) {
                    e.addSuppressed(fallbackFailed);
                }
            }
            throw e;
        }
    }

    /** One audit per cluster, each isolated; throws after all ran if any failed. */
    private List<RunAudit.Outcome> auditEach(List<String> clusters, AuditProgress progress, String why) {
        List<RunAudit.Outcome> outcomes = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        AuditFailedException first = null;
        for (String cluster : clusters) {
            try {
                RunAudit.Outcome o = audit.audit(List.of(cluster), false);
                progress.audited(why, o);
                outcomes.add(o);
            } catch (AuditFailedException e) {
                progress.auditFailed(why, List.of(cluster), e);
                failed.add(cluster);
                if (first == null) first = e;
            }
        }
        if (first != null)
            throw new ClusterAuditsFailedException("audit failed for cluster(s) " + String.join(", ", failed), first);
        return outcomes;
    }

    /** A cluster this deployment audits: every one, or those of {@code CLUSTER_NAMES}. */
    private boolean watched(String cluster) {
        return configuredClusters.isEmpty() || configuredClusters.contains(cluster);
    }

    private Optional<String> lookup(String group, AuditProgress progress) {
        try {
            Optional<String> cluster = clusterLookup.clusterOfAutoScalingGroup(group);
            if (cluster.isEmpty()) progress.clusterUnresolved(group);
            return cluster;
        } catch (RuntimeException e) {
            progress.clusterLookupFailed(group, e);
            return Optional.empty();
        }
    }
}
