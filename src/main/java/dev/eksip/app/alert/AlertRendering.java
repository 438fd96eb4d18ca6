package dev.eksip.app.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eksip.app.report.ReportJson;
import dev.eksip.app.alert.AlertPolicy.Findings;
import dev.eksip.domain.Severity;
import dev.eksip.domain.SubnetForecast;

/**
 * The words of an alert: its SNS subject, the text body (email) and the JSON body (SQS and Lambda subscribers,
 * {@code "type": "eks-ip-forecast-alert", "version": 1}, subnets as in the audit report). When to send is
 * {@link AlertPolicy}'s.
 */
final class AlertRendering {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AlertRendering() {
    }

    /** @param previous what was last recorded (null for a first finding) */
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
    public static String subject(String raw) {
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
