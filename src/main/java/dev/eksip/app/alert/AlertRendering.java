package dev.eksip.app.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eksip.app.report.ReportJson;
import dev.eksip.app.alert.AlertPolicy.Findings;
import dev.eksip.domain.Printable;
import dev.eksip.domain.Severity;
import dev.eksip.domain.SubnetForecast;

import java.util.List;
import java.util.function.Predicate;

/**
 * The words of an alert: its SNS subject, the text body (email) and the JSON body (SQS and Lambda subscribers,
 * {@code "type": "eks-ip-forecast-alert", "version": 1}, subnets as in the audit report). When to send is
 * {@link AlertPolicy}'s.
 * <p>
 * Names from AWS are escaped with {@link Printable#escape} in the subject and text (a name can hold line breaks,
 * ANSI escapes or bidi controls); the JSON keeps them exact. A message the sink cannot carry lists the worst
 * subnets that fit (they are sorted worst first) and "and M more"; the JSON then holds the same subnets, with
 * {@code subnetsAtRisk} (all) and {@code subnetsOmitted}.
 */
final class AlertRendering {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_GAPS_LISTED = 10;

    private AlertRendering() {
    }

    /** Every subnet, whatever the size. */
    static Alert render(Findings f, Alert.Kind kind, AlertState previous) {
        return render(f, kind, previous, f.subnets().size());
    }

    /**
     * The message listing as many of the worst subnets as {@code fits} accepts (the largest such number, found by
     * bisection: the size grows with every subnet listed); when not even none fits, the one with none.
     *
     * @param previous what was last recorded (null for a first finding)
     */
    static Alert render(Findings f, Alert.Kind kind, AlertState previous, Predicate<Alert> fits) {
        int n = f.subnets().size();
        Alert all = render(f, kind, previous, n);
        if (n == 0 || fits.test(all)) return all;
        Alert best = null;
        int lo = 0;
        int hi = n - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Alert a = render(f, kind, previous, mid);
            if (fits.test(a)) {
                best = a;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return best != null ? best : render(f, kind, previous, 0);
    }

    /** @param shown how many of the (worst first) subnets are listed */
    static Alert render(Findings f, Alert.Kind kind, AlertState previous, int shown) {
        Severity severity = f.severity();
        int n = f.subnets().size();
        String subnets = n == 1 ? "1 EKS subnet" : n + " EKS subnets";
        String cluster = Printable.escape(f.cluster());
        String subject = switch (kind) {
            case WORSENED -> "[%s] %s: %s at risk of IP exhaustion".formatted(severity.name(), cluster, subnets);
            case REMINDER -> "[%s] %s: still %s at risk of IP exhaustion".formatted(severity.name(), cluster, subnets);
            case RECOVERED -> "[OK] %s: no EKS subnet at risk of IP exhaustion any more".formatted(cluster);
        };
        List<SubnetForecast> listed = f.subnets().subList(0, Math.min(shown, n));
        return new Alert(f.cluster(), kind, severity, f.account(), f.region(), subject(subject),
                text(f, kind, previous, listed), json(f, kind, previous, listed));
    }

    /** SNS subjects: ASCII, no line breaks, fewer than 100 characters. */
    public static String subject(String raw) {
        String ascii = raw.replaceAll("[^\\x20-\\x7E]", "?");
        return ascii.length() < 100 ? ascii : ascii.substring(0, 96) + "...";
    }

    private static String text(Findings f, Alert.Kind kind, AlertState previous, List<SubnetForecast> listed) {
        StringBuilder b = new StringBuilder();
        b.append("EKS IP forecast for cluster %s (account %s, %s) at %s%n".formatted(Printable.escape(f.cluster()),
                f.account().isEmpty() ? "unknown" : Printable.escape(f.account()), Printable.escape(f.region()),
                f.asOf()));
        switch (kind) {
            case WORSENED -> b.append("Severity: %s (%s)%n".formatted(f.severity().name(),
                    previous == null || previous.severity() == Severity.OK ? "new finding" : "worse than the last alert"));
            case REMINDER -> b.append("Severity: %s (unchanged or milder since %s; reminder)%n"
                    .formatted(f.severity().name(), previous.lastSentAt()));
            case RECOVERED -> b.append("Recovered: no subnet of this cluster is at risk any more (was %s).%n"
                    .formatted(previous.severity().name()));
        }
        if (!f.complete())
            b.append("Incomplete read: %s. This run can neither declare recovery nor lower the severity last sent.%n"
                    .formatted(Printable.escape(f.completeness().summary())));
        for (String line : f.headline()) b.append("%s%n".formatted(Printable.escape(line)));
        for (SubnetForecast s : listed) {
            b.append("%n%s (%s, %s, %s): %s%n".formatted(Printable.escape(s.subnetId()), Printable.escape(s.cidr()),
                    Printable.escape(s.availabilityZone()), Printable.escape(s.vpcId()), s.severity().name()));
            b.append("  Node groups: %s%n".formatted(s.nodeGroups().isEmpty() ? "(none)"
                    : String.join(", ", s.nodeGroups().stream().map(Printable::escape).toList())));
            b.append("  Now: %d of %d usable addresses free, %d held warm by the VPC CNI.%n"
                    .formatted(s.availableIps(), s.usableIps(), s.warmIps()));
            b.append("  Forecast: %s at desired size, %s at max size; %d more node(s) fit.%n"
                    .formatted(left(s.atDesired().headline()), left(s.atMax().headline()), s.nodesUntilExhaustion()));
            String runway = f.subnetLines().get(s.subnetId());
            if (runway != null) b.append("  %s%n".formatted(Printable.escape(runway)));
            b.append("  At max size if new nodes hold no pods / the group's median / their max pods: %d / %d / %d.%n"
                    .formatted(s.atMax().baseline(), s.atMax().median(), s.atMax().full()));
            if (s.prefixMode() && s.freePrefixBlocks() >= 0)
                b.append("  Prefix delegation: %d free aligned /28 blocks.%n".formatted(s.freePrefixBlocks()));
            b.append("  Why: %s%n".formatted(Printable.escape(s.reason())));
            if (!s.fix().isEmpty()) b.append("  Fix: %s%n".formatted(Printable.escape(s.fix())));
        }
        int omitted = f.subnets().size() - listed.size();
        if (omitted > 0)
            b.append("%nand %d more subnet%s at risk, less urgent than those above (the audit report lists every one).%n"
                    .formatted(omitted, omitted == 1 ? "" : "s"));
        return b.toString();
    }

    private static String left(int n) {
        return n >= 0 ? n + " free" : (-n) + " short";
    }

    private static String json(Findings f, Alert.Kind kind, AlertState previous, List<SubnetForecast> listed) {
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
        root.put("complete", f.complete());
        root.put("gapCount", f.completeness().gaps().size());
        ArrayNode gaps = root.putArray("gaps");   // the first few: the report has them all
        f.completeness().gaps().stream().limit(MAX_GAPS_LISTED).forEach(g -> gaps.addObject().put("scope", g.scope().id())
                .put("operation", g.operation()).put("errorCode", g.errorCode()));
        root.put("subnetsAtRisk", f.subnets().size());
        root.put("subnetsOmitted", f.subnets().size() - listed.size());
        ArrayNode subnets = root.putArray("subnets");
        if (!f.headline().isEmpty()) {
            ArrayNode headline = root.putArray("runwayHeadline");   // the text's lines, from the runway add-on
            f.headline().forEach(headline::add);
        }
        for (SubnetForecast s : listed) {
            ObjectNode subnet = JSON.valueToTree(ReportJson.subnet(s));
            String runway = f.subnetLines().get(s.subnetId());
            if (runway != null) subnet.put("runwayLine", runway);
            subnets.add(subnet);
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render alert JSON", e);
        }
    }
}
