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
import dev.eksip.domain.SubnetForecast;
import dev.eksip.domain.ZoneForecast;

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
                f.gaps().stream().map(ReportJson::gap).toList());
    }

    /** One subnet's forecast in the report's shape, which the SNS alert message reuses (docs/audit-output.md). */
    public static ReportV1.Subnet subnet(SubnetForecast s) {
        return new ReportV1.Subnet(s.subnetId(), s.vpcId(), s.availabilityZone(), s.cidr(), s.usableIps(),
                s.availableIps(), Math.round(s.utilizationPercent() * 10) / 10.0, s.warmIps(), s.prefixMode(),
                s.prefixMode() ? s.freePrefixBlocks() : null, growth(s.atDesired()), growth(s.atMax()),
                s.nodesUntilExhaustion() >= 0 ? s.nodesUntilExhaustion() : null, s.severity().label(), s.reason(),
                s.fix(), s.clusters(), s.nodeGroups());
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
                        n.ipv6()),
                c.subnetIds(), c.notes());
    }

    private static ReportV1.Gap gap(InventoryGap g) {
        return new ReportV1.Gap(g.scope().id(), g.operation(), g.errorCode(), g.message());
    }

    private static ReportV1.Growth growth(GrowthForecast g) {
        return new ReportV1.Growth(g.baseline(), g.median(), g.full());
    }
}
