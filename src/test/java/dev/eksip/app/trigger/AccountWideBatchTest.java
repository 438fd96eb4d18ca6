package dev.eksip.app.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.testing.forecast.Forecasts;
import dev.eksip.testing.ports.InMemoryPorts;
import dev.eksip.app.MetricMapping;
import dev.eksip.app.RunAudit;
import dev.eksip.app.trigger.TriggerRequest.BatchRecord;
import dev.eksip.domain.InventoryGap;
import dev.eksip.domain.Scope;
import dev.eksip.domain.Severity;
import dev.eksip.domain.SubnetForecast;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A batch that needs an account-wide audit (a record naming no cluster) fails only the records whose cluster
 * failed: its alert could not be sent, it could not be read, or (with {@code CLUSTER_NAMES}) its own audit failed
 * after the account-wide forecast did. Only a failure of the whole scope (the forecast, the metrics) fails every
 * record. Against a real {@link RunAudit} on in-memory ports, an account of web-prod and batch-jobs.
 */
class AccountWideBatchTest {
    private final List<List<String>> forecasts = new ArrayList<>();
    private final Set<String> failingForecasts = new HashSet<>();
    private final List<InventoryGap> gaps = new ArrayList<>();
    private final InMemoryPorts.RecordingMetrics metrics = new InMemoryPorts.RecordingMetrics();
    private final InMemoryPorts.RecordingAlerts alerts = new InMemoryPorts.RecordingAlerts();

    private TriggerAudits triggers(List<String> configured) {
        List<SubnetForecast> account = List.of(
                Forecasts.subnet("subnet-web").clusters("web-prod").critical().build(),
                Forecasts.subnet("subnet-batch").clusters("batch-jobs").warning().build());
        RunAudit audit = new RunAudit((clusters, asOf) -> {
            forecasts.add(clusters);
            for (String c : clusters) if (failingForecasts.contains(c)) throw new IllegalStateException("denied for " + c);
            List<SubnetForecast> scoped = clusters.isEmpty() ? account
                    : account.stream().filter(s -> s.clusters().stream().anyMatch(clusters::contains)).toList();
            List<InventoryGap> scopedGaps = gaps.stream().filter(g -> clusters.isEmpty()
                    || g.scope().cluster().map(clusters::contains).orElse(true)).toList();
            return Forecasts.at(Forecasts.forecast(scoped, scopedGaps.toArray(InventoryGap[]::new)), asOf);
        }, metrics, MetricMapping.Detail.FULL, alerts, new InMemoryPorts.MemoryStates(),
                new RunAudit.AlertSettings(Severity.WARNING, Duration.ofHours(24)), Clock.fixed(Forecasts.AS_OF, ZoneOffset.UTC));
        return new TriggerAudits(audit::audit, group -> Optional.empty(), configured);
    }

    private static final AuditProgress QUIET = new AuditProgress() {
        @Override public void audited(String trigger, RunAudit.Outcome outcome) { }
        @Override public void auditFailed(String trigger, List<String> clusters, RunAudit.AuditFailedException f) { }
        @Override public void clusterUnresolved(String autoScalingGroup) { }
        @Override public void clusterLookupFailed(String autoScalingGroup, RuntimeException failure) { }
        @Override public void invalidRecord(int index, String messageId, String reason) { }
        @Override public void ignoredRecord(int index, String messageId, String reason) { }
        @Override public void deadlineReached(List<String> clusters, int records, long remainingMillis) { }
        @Override public void unidentifiedRecord(int index) { }
    };

    /** web (web-prod), batch (batch-jobs), any (an Auto Scaling group without a cluster tag: every cluster). */
    private TriggerOutcome.Batch batch(List<String> configured) {
        return (TriggerOutcome.Batch) triggers(configured).handle(new TriggerRequest.Batch(List.of(
                new BatchRecord(0, Optional.of("web"), new Target.Cluster("web-prod")),
                new BatchRecord(1, Optional.of("batch"), new Target.Cluster("batch-jobs")),
                new BatchRecord(2, Optional.of("any"), new Target.AutoScalingGroup("self-managed")))), QUIET);
    }

    @Test
    void anAlertThatFailsForOneClusterFailsOnlyThatClustersRecords() {
        alerts.failForCluster = "batch-jobs";
        TriggerOutcome.Batch b = batch(List.of());

        assertThat(forecasts).containsExactly(List.of());
        assertThat(b.failedMessageIds()).containsExactly("batch");
        assertThat(alerts.sent).extracting(a -> a.cluster()).containsExactly("web-prod");
    }

    @Test
    void aClusterTheAccountWideReadCouldNotDescribeFailsOnlyItsRecords() {
        gaps.add(new InventoryGap(Scope.cluster("batch-jobs"), "eks:DescribeCluster", "ThrottlingException",
                "cluster batch-jobs could not be described; its nodes are still counted"));
        TriggerOutcome.Batch b = batch(List.of());

        assertThat(forecasts).containsExactly(List.of());
        assertThat(b.failedMessageIds()).containsExactly("batch");
    }

    @Test
    void aClusterThatNoLongerExistsIsNoFailureItsEventIsDone() {
        gaps.add(new InventoryGap(Scope.cluster("batch-jobs"), "eks:DescribeCluster", "ResourceNotFoundException",
                "cluster batch-jobs not found"));
        assertThat(batch(List.of()).failedMessageIds()).isEmpty();
    }

    @Test
    void anUnreadClusterFailsItsRecordsInAPerClusterBatchToo() {
        gaps.add(new InventoryGap(Scope.cluster("batch-jobs"), "eks:DescribeCluster", "AccessDeniedException",
                "cluster batch-jobs could not be described; its nodes are still counted"));
        TriggerOutcome.Batch b = (TriggerOutcome.Batch) triggers(List.of()).handle(new TriggerRequest.Batch(List.of(
                new BatchRecord(0, Optional.of("web"), new Target.Cluster("web-prod")),
                new BatchRecord(1, Optional.of("batch"), new Target.Cluster("batch-jobs")))), QUIET);

        assertThat(forecasts).containsExactly(List.of("web-prod"), List.of("batch-jobs"));
        assertThat(b.failedMessageIds()).containsExactly("batch");
    }

    @Test
    void withClusterNamesAFailedForecastFallsBackPerClusterAndFailsOnlyWhatStillFails() {
        failingForecasts.add("batch-jobs");
        TriggerOutcome.Batch b = batch(List.of("web-prod", "batch-jobs"));

        assertThat(forecasts).containsExactly(List.of("web-prod", "batch-jobs"), List.of("web-prod"),
                List.of("batch-jobs"));
        // "any" asked for the account-wide audit, which failed; web-prod was audited on its own
        assertThat(b.failedMessageIds()).containsExactlyInAnyOrder("batch", "any");
        assertThat(alerts.sent).extracting(a -> a.cluster()).containsExactly("web-prod");
    }

    @Test
    void aFailureOfTheWholeScopeFailsEveryRecord() {
        metrics.failWith = new IllegalStateException("PutMetricData throttled (test)");
        assertThat(batch(List.of()).failedMessageIds()).containsExactlyInAnyOrder("web", "batch", "any");
    }
}
