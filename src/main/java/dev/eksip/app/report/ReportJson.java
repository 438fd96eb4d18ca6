package dev.eksip.app.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.eksip.domain.ClusterForecast;
import dev.eksip.domain.CniSettings;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.GrowthForecast;
import dev.eksip.domain.InventoryGap;
import dev.eksip.domain.PlacementBand;
import dev.eksip.domain.PrefixPlacement;
import dev.eksip.domain.PoolOutlook;
import dev.eksip.domain.KubeView;
import dev.eksip.domain.SubnetForecast;
import dev.eksip.domain.ZoneForecast;

import java.util.List;

/** The audit report for programs: a {@link Forecast} mapped onto {@link ReportV1} and written as indented JSON. */
public final class ReportJson {
    public static final int REPORT_VERSION = 1;
    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ReportJson() {
    }

    /** The report as JSON text (indented, ends with a newline); {@code source} says where the inventory came from. */
    public static String render(Forecast f, String source) {
        try {
            return MAPPER.writeValueAsString(report(f, source)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the report", e);
        }
    }

    /** The report as its versioned DTO (the organization-wide report nests one per target). */
    public static ReportV1 report(Forecast f, String source) {
        return new ReportV1(REPORT_VERSION, f.asOf().toString(), f.accountId(), f.region(), source,
                new ReportV1.Summary(f.subnets().size(), f.subnetsAtRisk(), f.subnetsExhaustedAtMax(), f.gaps().size(),
                        f.worst().label(), f.unattributedNodes(), f.unattributedEnis()),
                SubnetOrder.worstFirst(f).stream().map(ReportJson::subnet).toList(),
                f.zones().stream().map(ReportJson::zone).toList(),
                f.clusters().stream().map(ReportJson::cluster).toList(),
                f.gaps().stream().map(ReportJson::gap).toList(),
                f.pools().stream().map(ReportJson::pool).toList());
    }

    private static ReportV1.Pool pool(PoolOutlook p) {
        return new ReportV1.Pool(p.pool().cluster(), p.pool().nodeGroup(), p.provisioner().id(), p.nodes(),
                p.instanceTypes(), p.unbounded() ? null : p.maxNodes(), p.unbounded(),
                p.subnets().stream().map(r -> new ReportV1.PoolSubnet(r.subnetId(), r.freeNow(), r.nodeCost(),
                        r.nodesThatFit() < 0 ? null : r.nodesThatFit())).toList());
    }

    /** One subnet's forecast in the report's shape, which the SNS alert message reuses (docs/audit-output.md). */
    public static ReportV1.Subnet subnet(SubnetForecast s) {
        return new ReportV1.Subnet(s.subnetId(), s.vpcId(), s.availabilityZone(), s.cidr(), s.usableIps(),
                s.availableIps(), Math.round(s.utilizationPercent() * 10) / 10.0, s.warmIps(), s.prefixMode(),
                s.prefixMode() ? s.freePrefixBlocks() : null, growth(s.atDesired()), growth(s.atMax()),
                s.nodesUntilExhaustion() >= 0 ? s.nodesUntilExhaustion() : null, s.severity().label(), s.reason(),
                s.fix(), s.clusters(), s.nodeGroups(), s.placement().map(ReportJson::placement).orElse(null),
                growth(s.atUpdate()), s.updateSurge(), s.controlPlaneOf(), s.loadBalancerSubnet(), s.leakedEnis(),
                s.reclaimableIps());
    }

    private static ReportV1.PrefixPlacement placement(PrefixPlacement p) {
        return new ReportV1.PrefixPlacement(band(p.nodesFit()), band(p.freeBlocksAtDesired()),
                band(p.freeBlocksAtMax()));
    }

    private static ReportV1.Band band(PlacementBand b) {
        return new ReportV1.Band(b.packed(), b.expected(), b.pessimistic());
    }

    private static ReportV1.Zone zone(ZoneForecast z) {
        return new ReportV1.Zone(z.availabilityZone(), z.vpcId(), z.subnets(), z.usableIps(), z.availableIps(),
                z.warmIps(), growth(z.atDesired()), growth(z.atMax()), z.severity().label());
    }

    private static ReportV1.Cluster cluster(ClusterForecast c) {
        CniSettings n = c.cni();
        return new ReportV1.Cluster(c.cluster(), c.nodes(), c.nodeGroups(), c.minForecastAtDesired(),
                c.minForecastAtMax(), c.subnetsAtRisk(), c.subnetsExhaustedAtMax(), c.severity().label(),
                c.cniSource().id(),
                new ReportV1.Cni(n.warmEniTarget(), n.warmIpTarget(), n.minimumIpTarget(), n.prefixDelegation(),
                        n.warmPrefixTarget(), n.maxEni(), n.customNetworking(), n.podEni(), n.subnetDiscovery(),
                        n.ipv6(), n.clusterName()),
                c.subnetIds(), c.notes(), figures(c, true), figures(c, false), c.maxPodsAssumed());
    }

    /** Exact mode: the figures read from the Kubernetes API ({@code exact}) or still estimated; null without it. */
    private static List<String> figures(ClusterForecast c, boolean exact) {
        if (c.kube() == null) return null;
        return (exact ? c.kube().exact() : c.kube().estimated()).stream().map(KubeView.Figure::id).toList();
    }

    private static ReportV1.Gap gap(InventoryGap g) {
        return new ReportV1.Gap(g.scope().id(), g.operation(), g.errorCode(), g.message());
    }

    private static ReportV1.Growth growth(GrowthForecast g) {
        return new ReportV1.Growth(g.baseline(), g.median(), g.full());
    }
}
