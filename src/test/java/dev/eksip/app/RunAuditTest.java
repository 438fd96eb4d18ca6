package dev.eksip.app;

import static dev.eksip.testing.forecast.Forecasts.forecast;
import static dev.eksip.testing.forecast.Forecasts.subnet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eksip.app.alert.Alert;
import dev.eksip.testing.forecast.Forecasts;
import dev.eksip.testing.ports.InMemoryPorts;
import dev.eksip.domain.Scope;
import dev.eksip.domain.Severity;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

class RunAuditTest {
    private final InMemoryPorts.RecordingMetrics metrics = new InMemoryPorts.RecordingMetrics();
    private final InMemoryPorts.RecordingAlerts alerts = new InMemoryPorts.RecordingAlerts();
    private final InMemoryPorts.MemoryStates states = new InMemoryPorts.MemoryStates();
    private final Clock clock = Clock.fixed(Forecasts.AS_OF, ZoneOffset.UTC);
    private final RunAudit.AlertSettings settings = new RunAudit.AlertSettings(Severity.WARNING, Duration.ofHours(24));

    private RunAudit audit(RunAudit.ForecastStep step) {
        return new RunAudit(step, metrics, MetricMapping.Detail.FULL, alerts, states, settings, clock);
    }

    private final RunAudit.ForecastStep twoClusters = (clusters, asOf) -> Forecasts.at(forecast(
            subnet("subnet-a").clusters("web-prod").critical().build(),
            subnet("subnet-b").clusters("web-prod").warning().build(),
            subnet("subnet-c").clusters("batch-jobs").warning().build()), asOf);

    @Test
    void sendsOneMessagePerClusterScopeAndPublishesMetrics() {
        RunAudit.Outcome o = audit(twoClusters).audit(List.of(), true);
        assertThat(alerts.sent).extracting(Alert::cluster).containsExactlyInAnyOrder("web-prod", "batch-jobs");
        assertThat(metrics.all()).isNotEmpty();
        assertThat(o.subnetsAtRisk()).isEqualTo(3);
        assertThat(o.alertsSent()).containsExactlyInAnyOrder("web-prod:worsened", "batch-jobs:worsened");
        assertThat(states.states).containsKeys(new Scope.OfCluster("web-prod"), new Scope.OfCluster("batch-jobs"));
    }

    @Test
    void theConfiguredMetricDetailDecidesWhatIsPublishedAndCounted() {
        RunAudit.Outcome full = audit(twoClusters).audit(List.of(), true);
        int fullCount = metrics.all().size();
        InMemoryPorts.RecordingMetrics leanMetrics = new InMemoryPorts.RecordingMetrics();
        RunAudit.Outcome lean = new RunAudit(twoClusters, leanMetrics, MetricMapping.Detail.LEAN, alerts,
                new InMemoryPorts.MemoryStates(), settings, clock).audit(List.of(), true);

        assertThat(full.metricsPublished()).isEqualTo(fullCount);
        assertThat(lean.metricsPublished()).isEqualTo(leanMetrics.all().size()).isLessThan(fullCount);
        assertThat(leanMetrics.all()).allSatisfy(p ->
                assertThat(MetricMapping.LEAN).contains(MetricMapping.Kind.of(p)));
    }

    @Test
    void aSecondRunWithTheSameFindingsSendsNothing() {
        audit(twoClusters).audit(List.of(), true);
        audit(twoClusters).audit(List.of(), true);
        assertThat(alerts.sent).hasSize(2);
        assertThat(metrics.calls).hasSize(2);
    }

    @Test
    void oneClustersFailedAlertDoesNotStopTheOthersAndIsReported() {
        alerts.failForCluster = "web-prod";
        assertThatThrownBy(() -> audit(twoClusters).audit(List.of(), true))
                .isInstanceOf(RunAudit.AuditFailedException.class)
                .hasMessageContaining("alert for cluster web-prod");
        assertThat(alerts.sent).extracting(Alert::cluster).containsExactly("batch-jobs");
        assertThat(states.states).containsOnlyKeys(new Scope.OfCluster("batch-jobs"));   // web-prod is retried next run
        assertThat(metrics.all()).isNotEmpty();
    }

    @Test
    void aFailedMetricsCallStillSendsTheAlerts() {
        metrics.failWith = new IllegalStateException("CloudWatch down");
        assertThatThrownBy(() -> audit(twoClusters).audit(List.of(), true))
                .hasMessageContaining("metrics: IllegalStateException: CloudWatch down");
        assertThat(alerts.sent).hasSize(2);
    }

    @Test
    void aFailedForecastPublishesOneAuditErrorAndFails() {
        RunAudit.ForecastStep broken = (c, t) -> {
            throw new IllegalStateException("eks:ListClusters AccessDeniedException");
        };
        assertThatThrownBy(() -> audit(broken).audit(List.of("web-prod"), false))
                .isInstanceOf(RunAudit.AuditFailedException.class)
                .hasMessageContaining("cluster(s) web-prod").hasMessageContaining("AccessDenied");
        assertThat(metrics.all()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("AuditErrors");
            assertThat(p.value()).isEqualTo(1);
        });
        assertThat(alerts.sent).isEmpty();
    }

    @Test
    void theForecastStepReceivesTheRequestedClustersAndTheClockTime() {
        List<Object> seen = new java.util.ArrayList<>();
        audit((c, t) -> {
            seen.add(c);
            seen.add(t);
            return Forecasts.at(forecast(subnet("subnet-a").build()), t);
        }).audit(List.of("web-prod"), false);
        assertThat(seen).containsExactly(List.of("web-prod"), Forecasts.AS_OF);
    }
}
