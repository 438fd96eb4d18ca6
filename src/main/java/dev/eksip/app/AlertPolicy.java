package dev.eksip.app;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eksip.app.report.ReportJson;
import dev.eksip.domain.ClusterForecast;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.Severity;
import dev.eksip.domain.SubnetForecast;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Pure alert policy: which message (if any) to send for one cluster scope, given its current findings and what
 * was last recorded for it.
 * <ul>
 *   <li>new findings, a higher severity, a subnet newly at risk or a subnet whose severity rose: sent at once
 *       ({@link Alert.Kind#WORSENED});</li>
 *   <li>unchanged or milder findings: not re-sent before {@code repeatInterval} has passed since the last message
 *       ({@link Alert.Kind#REMINDER}); milder findings update the state so a later relapse counts as worsening;</li>
 *   <li>a scope that was at risk and has no finding any more: announced once ({@link Alert.Kind#RECOVERED}),
 *       unless the cluster was read with gaps (then nothing is sent and the state is kept).</li>
 * </ul>
 * At most one message per cluster scope and run.
 */
public final class AlertPolicy {
    public static final String SCOPE_PREFIX = "cluster/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private AlertPolicy() {
    }

    /**
     * The findings for one cluster: its subnets at or above the minimum severity, worst first.
     *
     * @param complete the cluster was read without inventory gaps (only then can it be declared recovered)
     */
    public record Findings(String cluster, String account, String region, Instant asOf, List<SubnetForecast> subnets,
                           boolean complete) {
        public Findings {
            requireNonNull(cluster, "cluster");
            subnets = List.copyOf(subnets);
        }

        public Severity severity() {
            return subnets.stream().map(SubnetForecast::severity).max(Comparator.naturalOrder()).orElse(Severity.OK);
        }

        public String scope() {
            return SCOPE_PREFIX + cluster;
        }

        /** Sorted {@code subnetId=severity} pairs. */
        public String fingerprint() {
            return subnets.stream().map(s -> s.subnetId() + "=" + s.severity().label()).sorted()
                    .collect(Collectors.joining(","));
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
                        forecast.gaps().stream().noneMatch(g -> g.scope().cluster().filter(cluster::equals).isPresent())))
                .toList();
    }

    public static Decision decide(Findings now, Optional<AlertState> previous, Duration repeatInterval) {
        Instant asOf = now.asOf();
        boolean wasAtRisk = previous.isPresent() && previous.get().severity() != Severity.OK;
        if (now.subnets().isEmpty()) {
            // nothing at risk, but an incompletely read cluster is not declared recovered
            if (!wasAtRisk || !now.complete()) return new Decision(Optional.empty(), Optional.empty());
            AlertState prev = previous.get();
            return new Decision(Optional.of(render(now, Alert.Kind.RECOVERED, prev)),
                    Optional.of(new AlertState(now.scope(), Severity.OK, "", asOf, asOf)));
        }
        AlertState sent = new AlertState(now.scope(), now.severity(), now.fingerprint(), asOf, asOf);
        if (!wasAtRisk || worsened(previous.get(), now))
            return new Decision(Optional.of(render(now, Alert.Kind.WORSENED, previous.orElse(null))), Optional.of(sent));
        AlertState prev = previous.get();
        if (!asOf.isBefore(prev.lastSentAt().plus(repeatInterval)))
            return new Decision(Optional.of(render(now, Alert.Kind.REMINDER, prev)), Optional.of(sent));
        if (prev.fingerprint().equals(now.fingerprint()) && prev.severity() == now.severity())
            return new Decision(Optional.empty(), Optional.empty());
        // milder but still at risk: remember it (so a relapse is a worsening) without resetting the repeat clock
        return new Decision(Optional.empty(),
                Optional.of(new AlertState(now.scope(), now.severity(), now.fingerprint(), prev.lastSentAt(), asOf)));
    }

    static boolean worsened(AlertState previous, Findings now) {
        if (now.severity().compareTo(previous.severity()) > 0) return true;
        Map<String, Severity> before = parse(previous.fingerprint());
        for (SubnetForecast s : now.subnets()) {
            Severity was = before.get(s.subnetId());
            if (was == null || s.severity().compareTo(was) > 0) return true;
        }
        return false;
    }

    private static Map<String, Severity> parse(String fingerprint) {
        Map<String, Severity> out = new HashMap<>();
        if (fingerprint.isEmpty()) return out;
        Arrays.stream(fingerprint.split(",")).map(p -> p.split("=", 2)).filter(p -> p.length == 2)
                .forEach(p -> {
                    try {
                        out.put(p[0], Severity.valueOf(p[1].toUpperCase(java.util.Locale.ROOT)));
                    } catch (IllegalArgumentException ignored) {
                        // an unreadable entry counts as absent: the finding is then treated as new
                    }
                });
        return out;
    }

    // ---- rendering ----

    static Alert render(Findings f, Alert.Kind kind, AlertState previous) {
        Severity severity = f.severity();
        int n = f.subnets().size();
        String subnets = n == 1 ? "1 EKS subnet" : n + " EKS subnets";
        String subject = switch (kind) {
            case WORSENED -> "[%s] %s: %s at risk of IP exhaustion".formatted(severity.name(), f.cluster(), subnets);
            case REMINDER -> "[%s] %s: still %s at risk of IP exhaustion".formatted(severity.name(), f.cluster(), subnets);
            case RECOVERED -> "[OK] %s: no EKS subnet at risk of IP exhaustion any more".formatted(f.cluster());
        };
        return new Alert(f.cluster(), kind, severity, f.account(), f.region(), subject(subject), text(f, kind, previous),
                json(f, kind, previous));
    }

    /** SNS subjects: ASCII, no line breaks, fewer than 100 characters. */
    static String subject(String raw) {
        String ascii = raw.replaceAll("[^\\x20-\\x7E]", "?");
        return ascii.length() < 100 ? ascii : ascii.substring(0, 96) + "...";
    }

    private static String text(Findings f, Alert.Kind kind, AlertState previous) {
        StringBuilder b = new StringBuilder();
        b.append("EKS IP forecast for cluster %s (account %s, %s) at %s%n"
                .formatted(f.cluster(), f.account().isEmpty() ? "unknown" : f.account(), f.region(), f.asOf()));
        switch (kind) {
            case WORSENED -> b.append("Severity: %s (%s)%n".formatted(f.severity().name(),
                    previous == null || previous.severity() == Severity.OK ? "new finding" : "worse than the last alert"));
            case REMINDER -> b.append("Severity: %s (unchanged or milder since %s; reminder)%n"
                    .formatted(f.severity().name(), previous.lastSentAt()));
            case RECOVERED -> b.append("Recovered: no subnet of this cluster is at risk any more (was %s).%n"
                    .formatted(previous.severity().name()));
        }
        for (SubnetForecast s : f.subnets()) {
            b.append("%n%s (%s, %s, %s): %s%n".formatted(s.subnetId(), s.cidr(), s.availabilityZone(), s.vpcId(),
                    s.severity().name()));
            b.append("  Node groups: %s%n".formatted(s.nodeGroups().isEmpty() ? "(none)" : String.join(", ", s.nodeGroups())));
            b.append("  Now: %d of %d usable addresses free, %d held warm by the VPC CNI.%n"
                    .formatted(s.availableIps(), s.usableIps(), s.warmIps()));
            b.append("  Forecast: %s at desired size, %s at max size; %d more node(s) fit.%n"
                    .formatted(left(s.atDesired().headline()), left(s.atMax().headline()), s.nodesUntilExhaustion()));
            b.append("  At max size if new nodes hold no pods / the group's median / their max pods: %d / %d / %d.%n"
                    .formatted(s.atMax().baseline(), s.atMax().median(), s.atMax().full()));
            if (s.prefixMode() && s.freePrefixBlocks() >= 0)
                b.append("  Prefix delegation: %d free aligned /28 blocks.%n".formatted(s.freePrefixBlocks()));
            b.append("  Why: %s%n".formatted(s.reason()));
            if (!s.fix().isEmpty()) b.append("  Fix: %s%n".formatted(s.fix()));
        }
        return b.toString();
    }

    private static String left(int n) {
        return n >= 0 ? n + " free" : (-n) + " short";
    }

    private static String json(Findings f, Alert.Kind kind, AlertState previous) {
        ObjectNode root = JSON.createObjectNode();
        root.put("type", "eks-ip-forecast-alert");
        root.put("version", 1);
        root.put("kind", kind.label());
        root.put("cluster", f.cluster());
        root.put("account", f.account());
        root.put("region", f.region());
        root.put("asOf", f.asOf().toString());
        root.put("severity", kind == Alert.Kind.RECOVERED ? "ok" : f.severity().label());
        if (previous != null) root.put("previousSeverity", previous.severity().label());
        ArrayNode subnets = root.putArray("subnets");
        for (SubnetForecast s : f.subnets()) subnets.add(JSON.valueToTree(ReportJson.subnet(s)));
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render alert JSON", e);
        }
    }
}
