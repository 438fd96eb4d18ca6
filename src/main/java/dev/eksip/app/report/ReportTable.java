package dev.eksip.app.report;

import dev.eksip.domain.ClusterForecast;
import dev.eksip.domain.CniSettings;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.InventoryGap;
import dev.eksip.domain.PlacementBand;
import dev.eksip.domain.PrefixPlacement;
import dev.eksip.domain.PoolOutlook;
import dev.eksip.domain.KubeView;
import dev.eksip.domain.Printable;
import dev.eksip.domain.Severity;
import dev.eksip.domain.SubnetForecast;
import dev.eksip.domain.ZoneForecast;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit report for people: a forecast as a table readable in 100 columns, subnets worst first with why and
 * fix, then clusters, zones, gaps and a legend ({@link ReportJson} is the same report for programs). Every text
 * from AWS (names, ids, gap messages) is shown through {@link Printable#escape}: a name cannot forge a line, a
 * colour or the order of text; the JSON form keeps it exact.
 */
public final class ReportTable {
    private static final int WIDTH = 100;

    private ReportTable() {
    }

    public static String render(Forecast f, String source) {
        StringBuilder out = new StringBuilder();
        out.append("eks-ip-forecaster audit: account %s, %s, as of %s%n".formatted(
                f.accountId().isEmpty() ? "?" : p(f.accountId()), p(f.region()),
                f.asOf().truncatedTo(ChronoUnit.SECONDS)));
        wrap(out, "source: " + p(source), "  ");
        out.append("%d subnets, %d at risk, %d exhausted at max, %d audit errors%n%n".formatted(
                f.subnets().size(), f.subnetsAtRisk(), f.subnetsExhaustedAtMax(), f.gaps().size()));

        String row = "%-24s %-10s %6s %6s %5s %8s %8s %8s %5s %s%n";
        out.append(row.formatted("SUBNET", "AZ", "USABLE", "AVAIL", "WARM", "@DESIRED", "@MAX", "@UPDATE", "FIT",
                "SEVERITY"));
        for (SubnetForecast s : SubnetOrder.worstFirst(f)) {
            out.append(row.formatted(p(s.subnetId()), p(s.availabilityZone()), s.usableIps(), s.availableIps(),
                    s.warmIps(), s.atDesired().headline(), s.atMax().headline(), s.atUpdate().headline(),
                    s.nodesUntilExhaustion() < 0 ? "-" : String.valueOf(s.nodesUntilExhaustion()),
                    s.severity().label()));
            String blocks = s.prefixMode() ? "; free /28 blocks: " + s.freePrefixBlocks() : "";
            String groups = p(s.nodeGroups().isEmpty() ? String.join(", ", s.clusters())
                    : String.join(", ", s.nodeGroups()));
            String cidr = s.cidr().isEmpty() ? "IPv6-only" : p(s.cidr());
            wrap(out, "  " + cidr + "; " + (groups.isEmpty() ? "no cluster" : groups) + blocks, "  ");
            if (s.placement().isPresent()) wrap(out, "  " + band(s.placement().get()), "    ");
            String keepFree = KeepFreeLine.of(s);
            if (!keepFree.isEmpty()) wrap(out, "  " + p(keepFree), "    ");
            if (s.severity() != Severity.OK) {
                wrap(out, "  why: " + p(s.reason()), "       ");
                wrap(out, "  fix: " + p(s.fix()), "       ");
            }
        }

        out.append("%n%-24s %5s %6s %11s %9s %7s %s%n".formatted(
                "CLUSTER", "NODES", "GROUPS", "MIN@DESIRED", "MIN@MAX", "AT RISK", "SEVERITY"));
        for (ClusterForecast c : f.clusters()) {
            out.append("%-24s %5d %6d %11d %9d %7d %s%n".formatted(p(c.cluster()), c.nodes(), c.nodeGroups(),
                    c.minForecastAtDesired(), c.minForecastAtMax(), c.subnetsAtRisk(), c.severity().label()));
            wrap(out, "  CNI settings (%s): %s".formatted(c.cniSource().id(), describe(c.cni())), "    ");
            if (!c.maxPodsAssumed().isEmpty())
                wrap(out, "  max pods assumed (not in user data; nodeadm's standard formula): %s".formatted(
                        p(String.join(", ", c.maxPodsAssumed()))), "    ");
            for (PoolOutlook pool : f.pools())
                if (pool.pool().cluster().equals(c.cluster())) wrap(out, "  " + PoolText.line(pool), "    ");
            if (c.kube() != null) wrap(out, "  Kubernetes API: exact %s; estimated %s".formatted(
                    figureList(c.kube().exact()), figureList(c.kube().estimated())), "    ");
        }

        out.append("%n%-12s %-22s %7s %6s %6s %8s %8s %s%n".formatted(
                "ZONE", "VPC", "SUBNETS", "USABLE", "AVAIL", "@DESIRED", "@MAX", "SEVERITY"));
        for (ZoneForecast z : f.zones()) {
            out.append("%-12s %-22s %7d %6d %6d %8d %8d %s%n".formatted(p(z.availabilityZone()), p(z.vpcId()),
                    z.subnets(), z.usableIps(), z.availableIps(), z.atDesired().headline(), z.atMax().headline(),
                    z.severity().label()));
        }

        if (!f.gaps().isEmpty()) {
            out.append("%nINVENTORY GAPS (audited without them)%n".formatted());
            for (InventoryGap g : f.gaps())
                wrap(out, "  %s: %s%s".formatted(p(g.scope().id()), p(g.message()),
                        g.operation().isEmpty() ? "" : " [%s %s]".formatted(p(g.operation()), p(g.errorCode()))),
                        "    ");
        }
        if (f.unattributedNodes() > 0 || f.unattributedEnis() > 0)
            out.append("%nunattributed: %d nodes without a node group, %d ENIs of other owners (counted in their subnets)%n"
                    .formatted(f.unattributedNodes(), f.unattributedEnis()));
        out.append("""

                AVAIL: AvailableIpAddressCount now. WARM: idle addresses held by CNI pools (estimated: pods are
                not read). @DESIRED/@MAX: addresses left once every node group reaches its desired/max size, each
                new node costing the median holding of its group's nodes (--output json adds the 0-pod baseline
                and full-max-pods cases). FIT: more median nodes that fit now. Prefix-delegation subnets count
                addresses in free aligned /28 blocks, packed (/32s fill loose addresses first); their FIT and
                severity are the expected value when EC2 places /32s at random (band line: expected, p10, packed).
                @UPDATE: addresses left while managed node groups are updated at desired size, their surge
                nodes (twice their zones, or updateConfig maxUnavailable) up before the old ones drain.
                """);
        return out.toString();
    }

    /** Text from AWS or the command line as people may see it: controls and bidi controls escaped. */
    private static String p(String text) {
        return Printable.escape(text);
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

    /** The /28 band: random /32 placement's expected value (p10 pessimistic, packed) of each figure. */
    private static String band(PrefixPlacement p) {
        return "random /32 placement (expected, p10, packed): fit %s; /28 blocks @desired %s, @max %s".formatted(
                p.nodesFit().packed() < 0 ? "-" : band(p.nodesFit()), band(p.freeBlocksAtDesired()),
                band(p.freeBlocksAtMax()));
    }

    private static String band(PlacementBand b) {
        return "%d, %d, %d".formatted(b.expected(), b.pessimistic(), b.packed());
    }

    private static String figureList(List<KubeView.Figure> figures) {
        return figures.isEmpty() ? "none" : String.join(", ", figures.stream().map(KubeView.Figure::id).toList());
    }
}
