package dev.eksip.app.alert;

import static java.util.Objects.requireNonNull;

import dev.eksip.domain.ClusterForecast;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.Scope;
import dev.eksip.domain.Severity;
import dev.eksip.domain.SubnetForecast;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Pure alert policy: which message (if any) to send for one cluster scope, given its current findings and what
 * was last recorded for it.
 * <ul>
 *   <li>new findings, a higher severity, a subnet newly at risk or a subnet whose severity rose: sent at once
 *       ({@link Alert.Kind#WORSENED});</li>
 *   <li>unchanged or milder findings: not re-sent before {@code repeatInterval} has passed since the last message
 *       ({@link Alert.Kind#REMINDER}); milder findings update the state so a later relapse counts as worsening;</li>
 *   <li>a scope that was at risk and has no finding any more: announced once ({@link Alert.Kind#RECOVERED}).</li>
 * </ul>
 * A run with a gap that touches the cluster ({@link Completeness}) is incomplete: what it found is a lower bound.
 * It is never a recovery and never lowers what was recorded: no message and no state change unless it found
 * something worse (sent, and recorded merged with what was recorded before: per subnet the worse severity) or a
 * reminder is due at no lower severity than recorded; the message then says the read was incomplete.
 * <p>
 * At most one message per cluster scope and run. The wording is {@link AlertRendering}'s; a message too big for
 * the sink lists the worst subnets that fit ({@link #decide(Findings, Optional, Duration, Predicate)}).
 */
public final class AlertPolicy {
    private AlertPolicy() {
    }

    /**
     * The findings for one cluster: its subnets at or above the minimum severity, worst first.
     *
     * @param completeness the gaps of the run that touch this cluster (only a complete run can lower a severity or
     *                     declare recovery)
     */
    public record Findings(String cluster, String account, String region, Instant asOf, List<SubnetForecast> subnets,
                           Completeness completeness, List<String> headline, Map<String, String> subnetLines) {
        /**
         * @param headline    extra lines under the severity (the runway by zone), from a {@code ForecastAddOn}
         * @param subnetLines an extra line per subnet id (its runway), from a {@code ForecastAddOn}
         */
        public Findings {
            requireNonNull(cluster, "cluster");
            subnets = List.copyOf(subnets);
            requireNonNull(completeness, "completeness");
            headline = List.copyOf(headline);
            subnetLines = Map.copyOf(subnetLines);
        }

        public Findings(String cluster, String account, String region, Instant asOf, List<SubnetForecast> subnets,
                        Completeness completeness) {
            this(cluster, account, region, asOf, subnets, completeness, List.of(), Map.of());
        }

        /** These findings with the add-on's lines (they never change what is decided, only the words). */
        public Findings with(List<String> headline, Map<String, String> subnetLines) {
            return new Findings(cluster, account, region, asOf, subnets, completeness, headline, subnetLines);
        }

        /** No gap touches the cluster. */
        public boolean complete() {
            return completeness.complete();
        }

        public Severity severity() {
            return subnets.stream().map(SubnetForecast::severity).max(Comparator.naturalOrder()).orElse(Severity.OK);
        }

        public Scope.OfCluster scope() {
            return new Scope.OfCluster(cluster);
        }

        /** The findings as a value, for comparison with the recorded state. */
        public SubnetSeverities severities() {
            return SubnetSeverities.of(subnets);
        }
    }

    /** What to do for one scope: the message to send (if any) and the state to store (if it changed). */
    public record Decision(Optional<Alert> alert, Optional<AlertState> newState) {
    }

    /** One {@link Findings} per cluster of the forecast. */
    public static List<Findings> findings(Forecast forecast, Severity minSeverity) {
        return forecast.clusters().stream().map(ClusterForecast::cluster).distinct()
                .map(cluster -> new Findings(cluster, forecast.accountId(), forecast.region(), forecast.asOf(),
                        forecast.subnets().stream()
                                .filter(s -> s.clusters().contains(cluster))
                                .filter(s -> s.severity() != Severity.OK && s.severity().compareTo(minSeverity) >= 0)
                                .sorted(Comparator.comparing(SubnetForecast::severity).reversed()
                                        .thenComparingInt(s -> s.atMax().headline())
                                        .thenComparing(SubnetForecast::subnetId))
                                .toList(),
                        Completeness.of(forecast, cluster)))
                .toList();
    }

    /** {@link #decide(Findings, Optional, Duration, Predicate)} for a sink without a size limit. */
    public static Decision decide(Findings now, Optional<AlertState> previous, Duration repeatInterval) {
        return decide(now, previous, repeatInterval, alert -> true);
    }

    /** @param fits whether the sink can carry a message (fewer subnets are listed until it does) */
    public static Decision decide(Findings now, Optional<AlertState> previous, Duration repeatInterval,
                                  Predicate<Alert> fits) {
        Instant asOf = now.asOf();
        boolean wasAtRisk = previous.isPresent() && previous.get().severity() != Severity.OK;
        if (now.subnets().isEmpty()) {
            // nothing at risk, but an incompletely read cluster is not declared recovered
            if (!wasAtRisk || !now.complete()) return new Decision(Optional.empty(), Optional.empty());
            AlertState prev = previous.get();
            return new Decision(Optional.of(AlertRendering.render(now, Alert.Kind.RECOVERED, prev, fits)),
                    Optional.of(new AlertState(now.scope(), Severity.OK, SubnetSeverities.NONE, asOf, asOf)));
        }
        SubnetSeverities recorded = now.complete() || !wasAtRisk ? now.severities()
                : merged(previous.get().subnets(), now.severities());
        Severity severity = now.complete() || !wasAtRisk ? now.severity()
                : max(previous.get().severity(), now.severity());
        AlertState sent = new AlertState(now.scope(), severity, recorded, asOf, asOf);
        if (!wasAtRisk || worsened(previous.get(), now))
            return new Decision(Optional.of(AlertRendering.render(now, Alert.Kind.WORSENED, previous.orElse(null), fits)),
                    Optional.of(sent));
        AlertState prev = previous.get();
        boolean lowerThanSent = now.severity().compareTo(prev.severity()) < 0;
        if (!asOf.isBefore(prev.lastSentAt().plus(repeatInterval)) && (now.complete() || !lowerThanSent))
            return new Decision(Optional.of(AlertRendering.render(now, Alert.Kind.REMINDER, prev, fits)),
                    Optional.of(sent));
        // an incomplete run keeps the worse state last recorded; so does an unchanged one
        if (!now.complete() || prev.subnets().equals(now.severities()) && prev.severity() == now.severity())
            return new Decision(Optional.empty(), Optional.empty());
        // milder but still at risk: remember it (so a relapse is a worsening) without resetting the repeat clock
        return new Decision(Optional.empty(),
                Optional.of(new AlertState(now.scope(), now.severity(), now.severities(), prev.lastSentAt(), asOf)));
    }

    private static SubnetSeverities merged(SubnetSeverities recorded, SubnetSeverities found) {
        Map<String, Severity> m = new TreeMap<>(recorded.bySubnet());
        found.bySubnet().forEach((id, severity) -> m.merge(id, severity, AlertPolicy::max));
        return SubnetSeverities.of(m);
    }

    private static Severity max(Severity a, Severity b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    static boolean worsened(AlertState previous, Findings now) {
        if (now.severity().compareTo(previous.severity()) > 0) return true;
        for (SubnetForecast s : now.subnets()) {
            Optional<Severity> was = previous.subnets().severityOf(s.subnetId());
            if (was.isEmpty() || s.severity().compareTo(was.get()) > 0) return true;
        }
        return false;
    }
}
