package dev.eksip.app;

import static java.util.Objects.requireNonNull;

import dev.eksip.app.alert.Alert;
import dev.eksip.app.alert.AlertPolicy;
import dev.eksip.app.alert.AlertState;
import dev.eksip.app.port.AlertSink;
import dev.eksip.app.port.AlertStateStore;
import dev.eksip.app.port.MetricPoint;
import dev.eksip.app.port.MetricsSink;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.Inventory;
import dev.eksip.domain.Scope;
import dev.eksip.domain.Severity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Lambda's use case: forecast a scope (every cluster, or named ones), publish the metrics, send at most one
 * alert per cluster scope. Failures are contained: a failed metrics call does not stop the alerts, one cluster's
 * failed alert does not stop the others; everything that failed is reported in {@link AuditFailedException}
 * after everything else was done.
 * <p>
 * <b>At most one message per change.</b> For each cluster the run loads the state, decides, then <em>claims</em>
 * the new state with a compare-and-set write ({@link AlertStateStore#claim}: only if the stored state is still
 * the one loaded) and only then publishes:
 * <ul>
 *   <li>a concurrent run that loaded the same state loses the claim (the store's write is atomic) and sends
 *       nothing; the winner sends the one message;</li>
 *   <li>a failed claim (the store is down, {@code PutItem} denied) sends nothing, so a broken store cannot make
 *       every run re-send; the next run whose claim succeeds sends the message once;</li>
 *   <li>once claimed, the state says "sent": a crash or an unknown delivery outcome (timeout, an exception after
 *       the message went out) leaves it so, and no later run re-sends the same change. The price of "at most
 *       once": a crash between claim and publish loses that message; the finding is announced again at the next
 *       worsening or, unchanged, by the reminder after the repeat interval;</li>
 *   <li>when the sink knows nothing was delivered ({@link AlertSink.NotSentException}), the claim is released
 *       (again compare-and-set: only if still ours), so the next run retries and sends it once.</li>
 * </ul>
 * A state change without a message (milder findings) is claimed the same way; losing that claim is harmless.
 */
public final class RunAudit {
    /** The inventory → forecast step ({@code RunForecast::run} in production; a fixed forecast in tests). */
    @FunctionalInterface
    public interface ForecastStep {
        Forecast forecast(List<String> clusters, Instant asOf);

        /** The forecast and the inventory it was computed from; a step that cannot tell gives none. */
        default Forecasted read(List<String> clusters, Instant asOf) {
            return new Forecasted(forecast(clusters, asOf), Optional.empty());
        }
    }

    /** A forecast with the inventory read for it (what a {@link ForecastAddOn} may need besides the figures). */
    public record Forecasted(Forecast forecast, Optional<Inventory> inventory) {
        public Forecasted {
            requireNonNull(forecast, "forecast");
            requireNonNull(inventory, "inventory");
        }
    }

    /** Alert settings from the configuration. */
    public record AlertSettings(Severity minSeverity, Duration repeatInterval) {
        public AlertSettings {
            requireNonNull(minSeverity, "minSeverity");
            requireNonNull(repeatInterval, "repeatInterval");
        }
    }

    /**
     * The outcome of one audit, for the run's log line and the handler's response.
     *
     * @param unreadClusters clusters the inventory could not describe at all ({@code eks:DescribeCluster} failed
     *                       other than "not found"): their figures are missing, so an event about one is not done
     */
    public record Outcome(List<String> requestedClusters, boolean accountWide, Instant asOf, int clusters,
                          int subnets, long subnetsAtRisk, long subnetsExhaustedAtMax, Severity worst, int gaps,
                          int metricsPublished, List<String> alertsSent, List<String> unreadClusters,
                          List<String> incompleteClusters, List<String> notes) {
        /**
         * @param alertsSent         {@code cluster:kind} of each message sent
         * @param incompleteClusters clusters whose run had a gap that touches them (no recovery, no lower severity)
         * @param notes              what the {@link ForecastAddOn} said (its history, or why its step failed)
         */
        public Outcome {
            requestedClusters = List.copyOf(requestedClusters);
            alertsSent = List.copyOf(alertsSent);
            unreadClusters = List.copyOf(unreadClusters);
            incompleteClusters = List.copyOf(incompleteClusters);
            notes = List.copyOf(notes);
        }
    }

    /**
     * Some step of an audit failed; {@link #outcome()} is what was still done (null if the forecast failed).
     * {@link #wholeScope()}: what failed concerns every audited cluster (the forecast, the metrics); else only
     * {@link #failedClusters()} (their alert step) failed.
     */
    public static final class AuditFailedException extends RuntimeException {
        private final transient Outcome outcome;
        private final boolean wholeScope;
        private final List<String> failedClusters;

        AuditFailedException(String message, Outcome outcome, Throwable cause, boolean wholeScope,
                             List<String> failedClusters) {
            super(message, cause);
            this.outcome = outcome;
            this.wholeScope = wholeScope || outcome == null;
            this.failedClusters = List.copyOf(failedClusters);
        }

        public Outcome outcome() {
            return outcome;
        }

        public boolean wholeScope() {
            return wholeScope;
        }

        public List<String> failedClusters() {
            return failedClusters;
        }
    }

    private final ForecastStep forecasts;
    private final MetricsSink metrics;
    private final MetricMapping.Detail metricDetail;
    private final AlertSink alerts;
    private final AlertStateStore states;
    private final AlertSettings settings;
    private final Clock clock;
    private final ForecastAddOn addOn;

    /** @param metricDetail which metrics are published ({@code METRIC_DETAIL}) */
    public RunAudit(ForecastStep forecasts, MetricsSink metrics, MetricMapping.Detail metricDetail, AlertSink alerts,
                    AlertStateStore states, AlertSettings settings, Clock clock) {
        this(forecasts, metrics, metricDetail, alerts, states, settings, clock, ForecastAddOn.NONE);
    }

    private RunAudit(ForecastStep forecasts, MetricsSink metrics, MetricMapping.Detail metricDetail, AlertSink alerts,
                     AlertStateStore states, AlertSettings settings, Clock clock, ForecastAddOn addOn) {
        this.addOn = requireNonNull(addOn, "addOn");
        this.forecasts = requireNonNull(forecasts, "forecasts");
        this.metrics = requireNonNull(metrics, "metrics");
        this.metricDetail = requireNonNull(metricDetail, "metricDetail");
        this.alerts = requireNonNull(alerts, "alerts");
        this.states = requireNonNull(states, "states");
        this.settings = requireNonNull(settings, "settings");
        this.clock = requireNonNull(clock, "clock");
    }

    /**
     * This audit with {@code addOn} run after each forecast: its points are published with the forecast's (at the
     * configured detail), its lines go into the alerts. When it fails, the forecast's metrics and alerts still go
     * out, one more {@code AuditErrors} is counted and the outcome's notes say why: nothing of the add-on is
     * published, rather than a figure that reads healthier than known.
     */
    public RunAudit with(ForecastAddOn addOn) {
        return new RunAudit(forecasts, metrics, metricDetail, alerts, states, settings, clock, addOn);
    }

    /**
     * @param clusters    the clusters to audit; empty = every cluster in the region
     * @param accountWide the scope is everything the function watches (account-level counts are then published)
     * @throws AuditFailedException when any step failed (after every other step was still attempted)
     */
    public Outcome audit(List<String> clusters, boolean accountWide) {
        Instant asOf = clock.instant();
        Forecasted read;
        try {
            read = forecasts.read(List.copyOf(clusters), asOf);
        } catch (RuntimeException e) {
            try {
                metrics.publish(List.of(MetricMapping.auditErrors(1, asOf)));
            } catch (RuntimeException publishFailed) {
                e.addSuppressed(publishFailed);
            }
            throw new AuditFailedException("forecast of %s failed: %s".formatted(describe(clusters), message(e)), null, e,
                    true, List.of());
        }
        Forecast forecast = read.forecast();
        List<String> errors = new ArrayList<>();
        List<String> failedClusters = new ArrayList<>();
        boolean metricsFailed = false;
        RuntimeException firstCause = null;
        ForecastAddOn.Extras extras;
        List<String> notes = new ArrayList<>();
        int addOnErrors = 0;
        try {
            extras = addOn.after(forecast, read.inventory(), accountWide);
            notes.addAll(extras.notes());
        } catch (RuntimeException e) {
            // contained: the forecast's metrics and alerts still go out; AuditErrors counts it, the log says why
            extras = ForecastAddOn.Extras.NONE;
            notes.add("add-on failed, nothing of it published: " + message(e));
            addOnErrors = 1;
        }
        List<MetricPoint> points = new ArrayList<>(MetricMapping.points(forecast, accountWide, addOnErrors, metricDetail));
        points.addAll(metricDetail.select(extras.points()));
        int published = 0;
        try {
            metrics.publish(points);
            published = points.size();
        } catch (RuntimeException e) {
            errors.add("metrics: " + message(e));
            metricsFailed = true;
            firstCause = e;
        }
        List<String> sent = new ArrayList<>();
        List<String> incomplete = new ArrayList<>();
        for (AlertPolicy.Findings found : AlertPolicy.findings(forecast, settings.minSeverity())) {
            AlertPolicy.Findings findings = found.with(extras.headline().getOrDefault(found.cluster(), List.of()),
                    extras.subnetLines());
            if (!findings.complete()) incomplete.add(findings.cluster());
            try {
                alert(findings).ifPresent(kind -> sent.add(findings.cluster() + ":" + kind.label()));
            } catch (RuntimeException e) {
                errors.add("alert for cluster %s: %s".formatted(findings.cluster(), message(e)));
                failedClusters.add(findings.cluster());
                if (firstCause == null) firstCause = e;
            }
        }
        Outcome outcome = new Outcome(clusters, accountWide, asOf, forecast.clusters().size(), forecast.subnets().size(),
                forecast.subnetsAtRisk(), forecast.subnetsExhaustedAtMax(), forecast.worst(), forecast.gaps().size(),
                published, sent, unreadClusters(forecast), incomplete, notes);
        if (!errors.isEmpty())
            throw new AuditFailedException("audit of %s: %s".formatted(describe(clusters), String.join("; ", errors)),
                    outcome, firstCause, metricsFailed, failedClusters);
        return outcome;
    }

    /** Clusters whose {@code eks:DescribeCluster} failed for another reason than that the cluster is gone. */
    static List<String> unreadClusters(Forecast forecast) {
        return forecast.gaps().stream()
                .filter(g -> g.scope() instanceof Scope.OfCluster && g.operation().equals("eks:DescribeCluster")
                        && !g.errorCode().equals("ResourceNotFoundException"))
                .map(g -> ((Scope.OfCluster) g.scope()).name()).distinct().toList();
    }

    /** Load, decide, claim, publish (see the class comment); the kind of the message sent, if one was. */
    private Optional<Alert.Kind> alert(AlertPolicy.Findings findings) {
        Optional<AlertState> previous = states.load(findings.scope());
        AlertPolicy.Decision decision = AlertPolicy.decide(findings, previous, settings.repeatInterval(), alerts::fits);
        if (decision.newState().isEmpty()) return Optional.empty();
        AlertState claimed = decision.newState().get();
        if (!states.claim(previous, claimed)) return Optional.empty();   // another run claimed this change
        if (decision.alert().isEmpty()) return Optional.empty();
        Alert alert = decision.alert().get();
        try {
            alerts.send(alert);
        } catch (AlertSink.NotSentException notSent) {
            boolean released;
            try {
                released = states.release(claimed, previous);
            } catch (RuntimeException releaseFailed) {
                notSent.addSuppressed(releaseFailed);
                released = false;
            }
            if (released) throw notSent;   // the next run sends it
            throw new IllegalStateException("not sent, and its claim could not be released (sent by the next "
                    + "reminder at the latest): " + message(notSent), notSent);
        } catch (RuntimeException unknown) {
            throw new IllegalStateException("delivery unknown, so not re-sent: " + message(unknown), unknown);
        }
        return Optional.of(alert.kind());
    }

    private static String describe(List<String> clusters) {
        return clusters.isEmpty() ? "every cluster" : "cluster(s) " + String.join(", ", clusters);
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
