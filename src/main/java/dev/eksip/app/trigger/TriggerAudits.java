package dev.eksip.app.trigger;

import static java.util.Objects.requireNonNull;

import dev.eksip.app.RunAudit;
import dev.eksip.app.RunAudit.AuditFailedException;
import dev.eksip.app.port.ClusterLookup;
import dev.eksip.app.trigger.TriggerOutcome.CoalescedAudit;
import dev.eksip.app.trigger.TriggerOutcome.Result;
import dev.eksip.app.trigger.TriggerRequest.BatchRecord;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The function's use case above {@link RunAudit}: turns what a trigger asks for into audits.
 * <ul>
 *   <li>{@code CLUSTER_NAMES}: an event about a cluster outside the list is {@link TriggerOutcome.Ignored ignored};
 *       "every cluster" means the list when it is set;</li>
 *   <li>an Auto Scaling group's cluster comes from the {@link ClusterLookup}; unresolved (or a failed lookup) →
 *       every cluster;</li>
 *   <li>a batch is coalesced: one audit per affected cluster however many records name it, each group looked up
 *       once; a record that needs every cluster makes the batch one account-wide audit covering all records. A
 *       record fails ({@link TriggerOutcome.Batch#failedMessageIds()}) only when its cluster failed: its audit,
 *       its alert, or its read ({@code eks:DescribeCluster}); a record naming no cluster only when the whole
 *       scope failed (the forecast, the metrics);</li>
 *   <li>an account-wide audit of several configured clusters whose forecast failed as a whole falls back to one
 *       audit per cluster, so every cluster that can be audited on its own is still published;</li>
 *   <li>per-cluster audits are isolated and run at most {@code concurrency} at a time; results keep the
 *       clusters' order; outside a batch, all run, then the first failure is thrown;</li>
 *   <li>a batch works to a {@link Deadline}: an audit starts only while the time left covers the longest audit
 *       so far plus the reserve; the records of audits not started are failures, so Lambda redelivers them.</li>
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
    private final int concurrency;

    /** One audit at a time. @param configuredClusters {@code CLUSTER_NAMES}; empty = every cluster */
    public TriggerAudits(Audit audit, ClusterLookup clusterLookup, List<String> configuredClusters) {
        this(audit, clusterLookup, configuredClusters, 1);
    }

    /**
     * @param configuredClusters {@code CLUSTER_NAMES}; empty = every cluster
     * @param concurrency        at most this many per-cluster audits at a time (the audit must be thread-safe)
     */
    public TriggerAudits(Audit audit, ClusterLookup clusterLookup, List<String> configuredClusters, int concurrency) {
        this.audit = requireNonNull(audit, "audit");
        this.clusterLookup = requireNonNull(clusterLookup, "clusterLookup");
        this.configuredClusters = List.copyOf(configuredClusters);
        if (concurrency < 1) throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
        this.concurrency = concurrency;
    }

    /** As {@link #handle(TriggerRequest, AuditProgress, Deadline)} without a deadline. */
    public TriggerOutcome handle(TriggerRequest request, AuditProgress progress) {
        return handle(request, progress, Deadline.NONE);
    }

    /**
     * @param deadline for a batch: audits not started before it are returned as failures (Lambda redelivers them)
     * @throws AuditFailedException         an account-wide audit failed (not for a batch)
     * @throws ClusterAuditsFailedException a per-cluster audit failed (not for a batch)
     */
    public TriggerOutcome handle(TriggerRequest request, AuditProgress progress, Deadline deadline) {
        return switch (request) {
            case TriggerRequest.Event e -> event(e.target(), progress);
            case TriggerRequest.Clusters c -> c.names().isEmpty()
                    ? new TriggerOutcome.Audited(List.of(auditAll(progress, "direct invoke")))
                    : new TriggerOutcome.Audited(auditEach(c.names().stream().distinct().toList(), progress, "direct"));
            case TriggerRequest.Batch b -> batch(b.records(), progress, deadline);
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

    private TriggerOutcome.Batch batch(List<BatchRecord> records, AuditProgress progress, Deadline deadline) {
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
        boolean accountWide = !needAll.isEmpty();
        List<CoalescedAudit> audits = accountWide ? accountWideBatch(needAll, byCluster, progress, deadline)
                : perClusterBatch(byCluster, progress, deadline);
        List<CoalescedAudit> notStarted = audits.stream().filter(a -> a.result() == Result.NOT_STARTED).toList();
        if (!notStarted.isEmpty())
            progress.deadlineReached(notStarted.stream().map(a -> a.cluster().orElse("every cluster")).toList(),
                    notStarted.stream().mapToInt(a -> a.messageIds().size()).sum(), deadline.remaining());
        return new TriggerOutcome.Batch(records.size(), List.copyOf(invalid), ignored, accountWide, audits);
    }

    /** One audit per cluster (bounded concurrency, to the deadline); each fails only its own records. */
    private List<CoalescedAudit> perClusterBatch(Map<String, List<String>> byCluster, AuditProgress progress,
                                                 Deadline deadline) {
        List<ClusterRun> runs = runEach(List.copyOf(byCluster.keySet()), progress, "batch", deadline);
        return runs.stream().map(r -> new CoalescedAudit(Optional.of(r.cluster()), byCluster.get(r.cluster()),
                r.resultForRecords())).toList();
    }

    /**
     * One account-wide audit for the whole batch. The records naming no cluster depend on the whole scope; a
     * cluster's records fail only when that cluster failed (its alert, its read, or its own fallback audit).
     */
    private List<CoalescedAudit> accountWideBatch(List<String> needAll, Map<String, List<String>> byCluster,
                                                  AuditProgress progress, Deadline deadline) {
        List<CoalescedAudit> out = new ArrayList<>();
        if (!deadline.allowsStart(0)) {
            out.add(new CoalescedAudit(Optional.empty(), needAll, Result.NOT_STARTED));
            byCluster.forEach((c, ids) -> out.add(new CoalescedAudit(Optional.of(c), ids, Result.NOT_STARTED)));
            return out;
        }
        AccountRun run = accountWide(progress, "batch", deadline);
        out.add(new CoalescedAudit(Optional.empty(), needAll, run.wholeScopeFailed() ? Result.FAILED : Result.AUDITED));
        byCluster.forEach((c, ids) -> out.add(new CoalescedAudit(Optional.of(c), ids, run.resultFor(c))));
        return out;
    }

    private void addCluster(Map<String, List<String>> byCluster, List<String> ignored, String cluster, String messageId) {
        if (watched(cluster)) byCluster.computeIfAbsent(cluster, k -> new ArrayList<>()).add(messageId);
        else ignored.add(messageId);   // not watched by this deployment (CLUSTER_NAMES): nothing to do, not a failure
    }

    /** One account-wide audit; a failed forecast of a configured list falls back to one audit per cluster. */
    private RunAudit.Outcome auditAll(AuditProgress progress, String why) {
        AccountRun run = accountWide(progress, why, Deadline.NONE);
        if (run.failure() == null) return run.outcome();
        List<ClusterRun> fallbackFailed = run.fallback().values().stream()
                .filter(r -> r.result() == Result.FAILED).toList();
        if (!fallbackFailed.isEmpty()) run.failure().addSuppressed(ClusterRun.failedException(fallbackFailed));
        throw run.failure();
    }

    private AccountRun accountWide(AuditProgress progress, String why, Deadline deadline) {
        try {
            RunAudit.Outcome o = audit.audit(configuredClusters, true);
            progress.audited(why, o);
            return new AccountRun(o, null, Map.of());
        } catch (AuditFailedException e) {
            progress.auditFailed(why, configuredClusters, e);
            Map<String, ClusterRun> fallback = new LinkedHashMap<>();
            if (e.outcome() == null && configuredClusters.size() > 1)
                // the forecast failed as a whole: still publish every cluster that can be audited on its own
                for (ClusterRun r : runEach(configuredClusters, progress, why + " (per-cluster fallback)", deadline))
                    fallback.put(r.cluster(), r);
            return new AccountRun(e.outcome(), e, fallback);
        }
    }

    /** One audit per cluster, each isolated; throws after all ran if any failed. */
    private List<RunAudit.Outcome> auditEach(List<String> clusters, AuditProgress progress, String why) {
        List<ClusterRun> runs = runEach(clusters, progress, why, Deadline.NONE);
        List<ClusterRun> failed = runs.stream().filter(r -> r.result() == Result.FAILED).toList();
        if (!failed.isEmpty()) throw ClusterRun.failedException(failed);
        return runs.stream().map(ClusterRun::outcome).toList();
    }

    /**
     * One audit per cluster, at most {@link #concurrency} at a time, each started only when the deadline allows;
     * the runs in the clusters' order whatever order they finish in.
     */
    private List<ClusterRun> runEach(List<String> clusters, AuditProgress progress, String why, Deadline deadline) {
        AtomicLong longest = new AtomicLong();   // the longest audit so far: what the next one is expected to take
        if (concurrency == 1 || clusters.size() <= 1)
            return clusters.stream().map(c -> runOne(c, progress, why, deadline, longest)).toList();
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, clusters.size()))) {
            List<Future<ClusterRun>> runs = clusters.stream()
                    .map(c -> pool.submit(() -> runOne(c, progress, why, deadline, longest))).toList();
            return runs.stream().map(TriggerAudits::join).toList();
        }
    }

    private ClusterRun runOne(String cluster, AuditProgress progress, String why, Deadline deadline, AtomicLong longest) {
        if (!deadline.allowsStart(longest.get())) return new ClusterRun(cluster, Result.NOT_STARTED, null, null);
        long before = deadline.remaining();
        try {
            RunAudit.Outcome o = audit.audit(List.of(cluster), false);
            progress.audited(why, o);
            return new ClusterRun(cluster, Result.AUDITED, o, null);
        } catch (AuditFailedException e) {
            progress.auditFailed(why, List.of(cluster), e);
            return new ClusterRun(cluster, Result.FAILED, e.outcome(), e);
        } finally {
            long took = before - deadline.remaining();
            longest.accumulateAndGet(took, Math::max);
        }
    }

    private static ClusterRun join(Future<ClusterRun> run) {
        try {
            return run.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while auditing", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
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
