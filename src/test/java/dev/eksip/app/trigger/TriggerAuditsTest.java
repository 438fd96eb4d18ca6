package dev.eksip.app.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eksip.app.MetricMapping;
import dev.eksip.testing.forecast.Forecasts;
import dev.eksip.testing.ports.InMemoryPorts;
import dev.eksip.app.RunAudit;
import dev.eksip.app.trigger.TriggerOutcome.CoalescedAudit;
import dev.eksip.app.trigger.TriggerRequest.BatchRecord;
import dev.eksip.domain.Severity;
import dev.eksip.domain.SubnetForecast;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The trigger use case against a real {@link RunAudit} on in-memory ports and an account of web-prod and batch-jobs. */
class TriggerAuditsTest {
    private static final String ALL = "(every cluster)";
    private static final Map<String, String> GROUPS = Map.of("eks-web-1", "web-prod", "eks-batch-1", "batch-jobs");
    private final List<List<String>> forecasts = new ArrayList<>();
    private final Set<String> failing = new HashSet<>();
    private final List<String> lookups = new ArrayList<>();
    private final List<String> progress = new ArrayList<>();
    private boolean lookupBroken;

    private TriggerAudits triggers(List<String> configured) {
        List<SubnetForecast> account = List.of(
                Forecasts.subnet("subnet-web").clusters("web-prod").critical().build(),
                Forecasts.subnet("subnet-batch").clusters("batch-jobs").warning().build());
        RunAudit audit = new RunAudit((clusters, asOf) -> {
            forecasts.add(clusters);
            if (clusters.isEmpty() && failing.contains(ALL)) throw new IllegalStateException("denied for every cluster");
            for (String c : clusters) if (failing.contains(c)) throw new IllegalStateException("denied for " + c);
            return Forecasts.at(Forecasts.forecast(clusters.isEmpty() ? account
                    : account.stream().filter(s -> s.clusters().stream().anyMatch(clusters::contains)).toList()), asOf);
        }, new InMemoryPorts.RecordingMetrics(), MetricMapping.Detail.FULL,
                new InMemoryPorts.RecordingAlerts(), new InMemoryPorts.MemoryStates(),
                new RunAudit.AlertSettings(Severity.WARNING, Duration.ofHours(24)), Clock.fixed(Forecasts.AS_OF, ZoneOffset.UTC));
        return new TriggerAudits(audit::audit, group -> {
            lookups.add(group);
            if (lookupBroken) throw new IllegalStateException("throttled");
            return Optional.ofNullable(GROUPS.get(group));
        }, configured);
    }

    private final AuditProgress recorder = new AuditProgress() {
        @Override public void audited(String trigger, RunAudit.Outcome o) { progress.add("audited " + trigger + " " + o.requestedClusters()); }
        @Override public void auditFailed(String trigger, List<String> clusters, RunAudit.AuditFailedException e) { progress.add("failed " + trigger + " " + clusters); }
        @Override public void clusterUnresolved(String group) { progress.add("unresolved " + group); }
        @Override public void clusterLookupFailed(String group, RuntimeException e) { progress.add("lookup-failed " + group + " " + e.getMessage()); }
        @Override public void invalidRecord(int index, String messageId, String reason) { progress.add("invalid " + index + " " + messageId); }
        @Override public void ignoredRecord(int index, String messageId, String reason) { progress.add("ignored " + index + " " + messageId); }
        @Override public void deadlineReached(List<String> clusters, int records, long remaining) { progress.add("deadline " + clusters); }
        @Override public void unidentifiedRecord(int index) { progress.add("unidentified " + index); }
    };

    private static BatchRecord record(int index, String messageId, Target target) {
        return new BatchRecord(index, Optional.of(messageId), target);
    }

    private TriggerOutcome.Batch batch(List<String> configured, BatchRecord... records) {
        return (TriggerOutcome.Batch) triggers(configured).handle(new TriggerRequest.Batch(List.of(records)), recorder);
    }

    @Test
    void aBatchIsCoalescedToOneAuditPerClusterWithEachGroupLookedUpOnce() {
        TriggerOutcome.Batch b = batch(List.of(),
                record(0, "m0", new Target.Cluster("web-prod")),
                record(1, "m1", new Target.AutoScalingGroup("eks-batch-1")),
                record(2, "m2", new Target.AutoScalingGroup("eks-batch-1")),
                record(3, "m3", new Target.AutoScalingGroup("eks-web-1")));

        assertThat(forecasts).containsExactly(List.of("web-prod"), List.of("batch-jobs"));
        assertThat(lookups).containsExactly("eks-batch-1", "eks-web-1");
        assertThat(b.audits()).containsExactly(
                new CoalescedAudit(Optional.of("web-prod"), List.of("m0", "m3"), TriggerOutcome.Result.AUDITED),
                new CoalescedAudit(Optional.of("batch-jobs"), List.of("m1", "m2"), TriggerOutcome.Result.AUDITED));
        assertThat(b.records()).isEqualTo(4);
        assertThat(b.failedMessageIds()).isEmpty();
    }

    @Test
    void aFailedClusterAuditFailsOnlyTheRecordsItCoversAfterTheInvalidOnes() {
        failing.add("batch-jobs");
        TriggerOutcome.Batch b = batch(List.of(),
                record(0, "m0", new Target.Cluster("batch-jobs")),
                record(1, "m1", new Target.Invalid("not json")),
                record(2, "m2", new Target.Cluster("web-prod")),
                record(3, "m3", new Target.Cluster("batch-jobs")),
                record(4, "m1", new Target.Invalid("not json again")));

        assertThat(b.invalidMessageIds()).containsExactly("m1");
        assertThat(b.failedMessageIds()).containsExactly("m1", "m0", "m3");
        assertThat(progress).containsExactly("invalid 1 m1", "invalid 4 m1", "failed batch [batch-jobs]",
                "audited batch [web-prod]");
    }

    @Test
    void aRecordThatNeedsEveryClusterMakesTheBatchOneAccountWideAuditCoveringEveryRoutedRecord() {
        failing.add(ALL);
        TriggerOutcome.Batch b = batch(List.of(),
                record(0, "m0", new Target.Cluster("web-prod")),
                record(1, "m1", new Target.AutoScalingGroup("self-managed")),
                record(2, "m2", new Target.Invalid("bad")),
                new BatchRecord(3, Optional.empty(), new Target.Invalid("no id")));

        assertThat(forecasts).containsExactly(List.of());
        assertThat(b.accountWide()).isTrue();
        assertThat(b.audits()).containsExactly(
                new CoalescedAudit(Optional.empty(), List.of("m1"), TriggerOutcome.Result.FAILED),
                new CoalescedAudit(Optional.of("web-prod"), List.of("m0"), TriggerOutcome.Result.FAILED));
        assertThat(b.failedMessageIds()).containsExactly("m2", "m1", "m0");
        assertThat(b.records()).isEqualTo(4);
        assertThat(progress).containsExactly("unresolved self-managed", "invalid 2 m2", "unidentified 3",
                "failed batch []");
    }

    @Test
    void clustersOutsideClusterNamesAreIgnoredNotAudited() {
        TriggerOutcome.Batch b = batch(List.of("batch-jobs"),
                record(0, "m0", new Target.Cluster("web-prod")),
                record(1, "m1", new Target.AutoScalingGroup("eks-web-1")),
                record(2, "m2", new Target.Cluster("batch-jobs")));
        assertThat(b.ignoredMessageIds()).containsExactly("m0", "m1");
        assertThat(forecasts).containsExactly(List.of("batch-jobs"));

        TriggerOutcome single = triggers(List.of("batch-jobs"))
                .handle(new TriggerRequest.Event(new Target.AutoScalingGroup("eks-web-1")), recorder);
        assertThat(single).isEqualTo(new TriggerOutcome.Ignored("web-prod"));
        assertThat(forecasts).hasSize(1);
    }

    @Test
    void everyClusterMeansTheConfiguredListAndDirectNamesAreNotFiltered() {
        TriggerOutcome scheduled = triggers(List.of("batch-jobs"))
                .handle(new TriggerRequest.Event(new Target.AllClusters("scheduled event")), recorder);
        assertThat(scheduled).isInstanceOfSatisfying(TriggerOutcome.Audited.class,
                a -> assertThat(a.audits()).singleElement().satisfies(o -> assertThat(o.accountWide()).isTrue()));
        triggers(List.of("batch-jobs")).handle(new TriggerRequest.Clusters(List.of("web-prod", "web-prod")), recorder);

        assertThat(forecasts).containsExactly(List.of("batch-jobs"), List.of("web-prod"));
        assertThat(progress).containsExactly("audited scheduled event [batch-jobs]", "audited direct [web-prod]");
    }

    @Test
    void anUnresolvableOrFailedLookupAuditsEveryCluster() {
        lookupBroken = true;
        TriggerOutcome o = triggers(List.of())
                .handle(new TriggerRequest.Event(new Target.AutoScalingGroup("eks-web-1")), recorder);
        assertThat(o).isInstanceOf(TriggerOutcome.Audited.class);
        assertThat(forecasts).containsExactly(List.of());
        assertThat(progress).containsExactly("lookup-failed eks-web-1 throttled",
                "audited cluster of eks-web-1 unresolved []");
    }

    @Test
    void aFailedAccountWideForecastFallsBackToOneAuditPerConfiguredClusterAndStillFails() {
        failing.add("batch-jobs");
        TriggerAudits t = triggers(List.of("web-prod", "batch-jobs"));
        assertThatThrownBy(() -> t.handle(new TriggerRequest.Event(new Target.AllClusters("scheduled event")), recorder))
                .isInstanceOf(RunAudit.AuditFailedException.class)
                .hasMessageContaining("forecast of cluster(s) web-prod, batch-jobs failed")
                .satisfies(e -> assertThat(e.getSuppressed()).singleElement()
                        .isInstanceOf(ClusterAuditsFailedException.class)
                        .hasFieldOrPropertyWithValue("message", "audit failed for cluster(s) batch-jobs"));
        assertThat(forecasts).containsExactly(List.of("web-prod", "batch-jobs"), List.of("web-prod"), List.of("batch-jobs"));
        assertThat(progress).containsExactly("failed scheduled event [web-prod, batch-jobs]",
                "audited scheduled event (per-cluster fallback) [web-prod]",
                "failed scheduled event (per-cluster fallback) [batch-jobs]");
    }

    @Test
    void namedClustersAreAuditedInIsolationAndEveryFailureIsNamedAfterAllRan() {
        failing.add("web-prod");
        failing.add("batch-jobs");
        assertThatThrownBy(() -> triggers(List.of()).handle(
                new TriggerRequest.Clusters(List.of("web-prod", "batch-jobs")), recorder))
                .isInstanceOf(ClusterAuditsFailedException.class)
                .hasMessage("audit failed for cluster(s) web-prod, batch-jobs")
                .hasCauseInstanceOf(RunAudit.AuditFailedException.class);
        assertThat(forecasts).containsExactly(List.of("web-prod"), List.of("batch-jobs"));
    }

    @Test
    void anInvalidEventIsAnOutcomeNotAnAudit() {
        assertThat(triggers(List.of()).handle(new TriggerRequest.Event(new Target.Invalid("unsupported source")), recorder))
                .isEqualTo(new TriggerOutcome.Invalid("unsupported source"));
        assertThat(forecasts).isEmpty();
        assertThat(progress).isEmpty();
    }
}
