package dev.eksip.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eksip.domain.ClusterForecast;
import dev.eksip.domain.CniSettings;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.GrowthForecast;
import dev.eksip.domain.InventoryGap;
import dev.eksip.domain.Severity;
import dev.eksip.domain.SubnetForecast;
import dev.eksip.domain.ZoneForecast;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Renders a forecast for people (a table readable in 100 columns) and for programs (JSON, documented in
 * docs/audit-output.md, {@code "reportVersion": 1}).
 */
public final class ForecastReport {
    public static final int REPORT_VERSION = 1;
    private static final int WIDTH = 100;
    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ForecastReport() {
    }

    /** Subnets worst first, then by id. */
    private static List<SubnetForecast> ordered(Forecast f) {
        return f.subnets().stream()
                .sorted(Comparator.comparing(SubnetForecast::severity).reversed()
                        .thenComparing(s -> s.atMax().headline()).thenComparing(SubnetForecast::subnetId))
                .toList();
    }

    public static String table(Forecast f, String source) {
        StringBuilder out = new StringBuilder();
        out.append("eks-ip-forecaster audit: account %s, %s, as of %s%n".formatted(
                f.accountId().isEmpty() ? "?" : f.accountId(), f.region(), f.asOf().truncatedTo(ChronoUnit.SECONDS)));
        wrap(out, "source: " + source, "  ");
        out.append("%d subnets, %d at risk, %d exhausted at max, %d audit errors%n%n".formatted(
                f.subnets().size(), f.subnetsAtRisk(), f.subnetsExhaustedAtMax(), f.gaps().size()));

        String row = "%-24s %-10s %6s %6s %5s %8s %8s %5s %s%n";
        out.append(row.formatted("SUBNET", "AZ", "USABLE", "AVAIL", "WARM", "@DESIRED", "@MAX", "FIT", "SEVERITY"));
        for (SubnetForecast s : ordered(f)) {
            out.append(row.formatted(s.subnetId(), s.availabilityZone(), s.usableIps(), s.availableIps(),
                    s.warmIps(), s.atDesired().headline(), s.atMax().headline(),
                    s.nodesUntilExhaustion() < 0 ? "-" : String.valueOf(s.nodesUntilExhaustion()),
                    s.severity().label()));
            String blocks = s.prefixMode() ? "; free /28 blocks: " + s.freePrefixBlocks() : "";
            String groups = s.nodeGroups().isEmpty() ? String.join(", ", s.clusters())
                    : String.join(", ", s.nodeGroups());
            wrap(out, "  " + s.cidr() + "; " + (groups.isEmpty() ? "no cluster" : groups) + blocks, "  ");
            if (s.severity() != Severity.OK) {
                wrap(out, "  why: " + s.reason(), "       ");
                wrap(out, "  fix: " + s.fix(), "       ");
            }
        }

        out.append("%n%-24s %5s %6s %11s %9s %7s %s%n".formatted(
                "CLUSTER", "NODES", "GROUPS", "MIN@DESIRED", "MIN@MAX", "AT RISK", "SEVERITY"));
        for (ClusterForecast c : f.clusters()) {
            out.append("%-24s %5d %6d %11d %9d %7d %s%n".formatted(c.cluster(), c.nodes(), c.nodeGroups(),
                    c.minForecastAtDesired(), c.minForecastAtMax(), c.subnetsAtRisk(), c.severity().label()));
            wrap(out, "  CNI settings (%s): %s".formatted(c.cniSource().id(), describe(c.cni())), "    ");
        }

        out.append("%n%-12s %-22s %7s %6s %6s %8s %8s %s%n".formatted(
                "ZONE", "VPC", "SUBNETS", "USABLE", "AVAIL", "@DESIRED", "@MAX", "SEVERITY"));
        for (ZoneForecast z : f.zones()) {
            out.append("%-12s %-22s %7d %6d %6d %8d %8d %s%n".formatted(z.availabilityZone(), z.vpcId(),
                    z.subnets(), z.usableIps(), z.availableIps(), z.atDesired().headline(), z.atMax().headline(),
                    z.severity().label()));
        }

        if (!f.gaps().isEmpty()) {
            out.append("%nINVENTORY GAPS (audited without them)%n".formatted());
            for (InventoryGap g : f.gaps())
                wrap(out, "  %s: %s%s".formatted(g.scope().id(), g.message(),
                        g.operation().isEmpty() ? "" : " [%s %s]".formatted(g.operation(), g.errorCode())), "    ");
        }
        if (f.unattributedNodes() > 0 || f.unattributedEnis() > 0)
            out.append("%nunattributed: %d nodes without a node group, %d ENIs of other owners (counted in their subnets)%n"
                    .formatted(f.unattributedNodes(), f.unattributedEnis()));
        out.append("""

                AVAIL: AvailableIpAddressCount now. WARM: idle addresses held by CNI pools (estimated: pods are
                not read). @DESIRED/@MAX: addresses left once every node group reaches its desired/max size, each
                new node costing the median holding of its group's nodes (--output json adds the 0-pod baseline
                and full-max-pods cases). FIT: more median nodes that fit now. Prefix-delegation subnets count
                addresses in free aligned /28 blocks.
                """);
        return out.toString();
    }

    private static void wrap(StringBuilder out, String text, String indent) {
        String lead = text.substring(0, text.length() - text.stripLeading().length());
        String line = lead;
        for (String word : text.stripLeading().split(" ")) {
            if (!line.isBlank() && line.length() + 1 + word.length() > WIDTH) {
                out.append(line).append('\n');
                line = indent + word;
            } else {
                line = line.isBlank() ? line + word : line + " " + word;
            }
        }
        if (!line.isBlank()) out.append(line).append('\n');
    }

    static String describe(CniSettings c) {
        List<String> parts = new ArrayList<>();
        if (c.ipv6()) parts.add("IPv6");
        if (c.prefixDelegation()) parts.add("PD WARM_PREFIX_TARGET=" + c.warmPrefixTarget());
        if (c.warmIpMode()) parts.add("WARM_IP_TARGET=%d MINIMUM_IP_TARGET=%d".formatted(c.warmIpTarget(),
                c.minimumIpTarget()));
        else if (!c.prefixDelegation()) parts.add("WARM_ENI_TARGET=" + c.warmEniTarget());
        if (c.customNetworking()) parts.add("custom networking");
        if (c.podEni()) parts.add("SG for pods");
        if (c.maxEni() > 0) parts.add("MAX_ENI=" + c.maxEni());
        return String.join(", ", parts);
    }

    public static String json(Forecast f, String source) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("reportVersion", REPORT_VERSION);
        root.put("asOf", f.asOf().toString());
        root.put("accountId", f.accountId());
        root.put("region", f.region());
        root.put("source", source);
        ObjectNode summary = root.putObject("summary");
        summary.put("subnets", f.subnets().size());
        summary.put("subnetsAtRisk", f.subnetsAtRisk());
        summary.put("subnetsExhaustedAtMax", f.subnetsExhaustedAtMax());
        summary.put("auditErrors", f.gaps().size());
        summary.put("worstSeverity", f.worst().label());
        summary.put("unattributedNodes", f.unattributedNodes());
        summary.put("unattributedEnis", f.unattributedEnis());
        ArrayNode subnets = root.putArray("subnets");
        for (SubnetForecast s : ordered(f)) subnet(subnets.addObject(), s);
        ArrayNode zones = root.putArray("zones");
        for (ZoneForecast z : f.zones()) {
            ObjectNode n = zones.addObject();
            n.put("availabilityZone", z.availabilityZone());
            n.put("vpcId", z.vpcId());
            n.put("subnets", z.subnets());
            n.put("usableIps", z.usableIps());
            n.put("availableIps", z.availableIps());
            n.put("warmIps", z.warmIps());
            growth(n.putObject("forecastAtDesired"), z.atDesired());
            growth(n.putObject("forecastAtMax"), z.atMax());
            n.put("severity", z.severity().label());
        }
        ArrayNode clusters = root.putArray("clusters");
        for (ClusterForecast c : f.clusters()) {
            ObjectNode n = clusters.addObject();
            n.put("cluster", c.cluster());
            n.put("nodes", c.nodes());
            n.put("nodeGroups", c.nodeGroups());
            n.put("minForecastAtDesired", c.minForecastAtDesired());
            n.put("minForecastAtMax", c.minForecastAtMax());
            n.put("subnetsAtRisk", c.subnetsAtRisk());
            n.put("subnetsExhaustedAtMax", c.subnetsExhaustedAtMax());
            n.put("severity", c.severity().label());
            n.put("cniSource", c.cniSource().id());
            n.set("cni", cni(c.cni()));
            c.subnetIds().forEach(n.putArray("subnets")::add);
            c.notes().forEach(n.putArray("notes")::add);
        }
        ArrayNode gaps = root.putArray("gaps");
        for (InventoryGap g : f.gaps()) {
            ObjectNode n = gaps.addObject();
            n.put("scope", g.scope().id());
            n.put("operation", g.operation());
            n.put("errorCode", g.errorCode());
            n.put("message", g.message());
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One subnet's forecast as JSON: the audit report's and the SNS alert's shape (docs/audit-output.md). */
    public static void subnet(ObjectNode n, SubnetForecast s) {
        n.put("subnetId", s.subnetId());
        n.put("vpcId", s.vpcId());
        n.put("availabilityZone", s.availabilityZone());
        n.put("cidr", s.cidr());
        n.put("usableIps", s.usableIps());
        n.put("availableIps", s.availableIps());
        n.put("utilizationPercent", Math.round(s.utilizationPercent() * 10) / 10.0);
        n.put("warmIps", s.warmIps());
        n.put("prefixMode", s.prefixMode());
        if (s.prefixMode()) n.put("freePrefixBlocks", s.freePrefixBlocks());
        growth(n.putObject("forecastAtDesired"), s.atDesired());
        growth(n.putObject("forecastAtMax"), s.atMax());
        if (s.nodesUntilExhaustion() >= 0) n.put("nodesUntilExhaustion", s.nodesUntilExhaustion());
        n.put("severity", s.severity().label());
        n.put("reason", s.reason());
        n.put("fix", s.fix());
        s.clusters().forEach(n.putArray("clusters")::add);
        s.nodeGroups().forEach(n.putArray("nodeGroups")::add);
    }

    private static void growth(ObjectNode n, GrowthForecast g) {
        n.put("baseline", g.baseline());
        n.put("median", g.median());
        n.put("full", g.full());
    }

    private static ObjectNode cni(CniSettings c) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("WARM_ENI_TARGET", c.warmEniTarget());
        n.put("WARM_IP_TARGET", c.warmIpTarget());
        n.put("MINIMUM_IP_TARGET", c.minimumIpTarget());
        n.put("ENABLE_PREFIX_DELEGATION", c.prefixDelegation());
        n.put("WARM_PREFIX_TARGET", c.warmPrefixTarget());
        n.put("MAX_ENI", c.maxEni());
        n.put("AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG", c.customNetworking());
        n.put("ENABLE_POD_ENI", c.podEni());
        n.put("ENABLE_SUBNET_DISCOVERY", c.subnetDiscovery());
        n.put("ENABLE_IPv6", c.ipv6());
        return n;
    }
}
