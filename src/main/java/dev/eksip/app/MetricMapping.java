package dev.eksip.app;

import dev.eksip.app.port.MetricPoint;
import dev.eksip.app.port.MetricPoint.Dimension;
import dev.eksip.domain.ClusterForecast;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.SubnetForecast;
import dev.eksip.domain.ZoneForecast;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Pure mapping of a {@link Forecast} to CloudWatch datums: exactly the set in product.md.
 * <ul>
 *   <li>per subnet ({@code SubnetId}, {@code VpcId}): AvailableIps, UsableIps, UtilizationPercent, WarmIps,
 *       ForecastAvailableIpsAtDesired, ForecastAvailableIpsAtMax, NodesUntilExhaustion, and FreePrefixBlocks for
 *       prefix-delegation subnets;</li>
 *   <li>per availability zone ({@code VpcId}, {@code AvailabilityZone}): AvailableIps, UsableIps, WarmIps,
 *       ForecastAvailableIpsAtDesired, ForecastAvailableIpsAtMax;</li>
 *   <li>per cluster ({@code ClusterName}): MinForecastAvailableIpsAtDesired, MinForecastAvailableIpsAtMax,
 *       SubnetsAtRisk, SubnetsExhaustedAtMax;</li>
 *   <li>account level (no dimension): SubnetsAtRisk and SubnetsExhaustedAtMax from account-wide audits only (a
 *       one-cluster audit would under-count them), AuditErrors from every audit.</li>
 * </ul>
 * Forecast figures are the headline (median-holding) scenario. Every point carries the audit time.
 */
public final class MetricMapping {
    public static final String COUNT = "Count";
    public static final String PERCENT = "Percent";

    /** Names published per subnet (FreePrefixBlocks only for prefix-delegation subnets). */
    public static final List<String> SUBNET_METRICS = List.of("AvailableIps", "UsableIps", "UtilizationPercent",
            "WarmIps", "ForecastAvailableIpsAtDesired", "ForecastAvailableIpsAtMax", "NodesUntilExhaustion",
            "FreePrefixBlocks");
    public static final List<String> ZONE_METRICS = List.of("AvailableIps", "UsableIps", "WarmIps",
            "ForecastAvailableIpsAtDesired", "ForecastAvailableIpsAtMax");
    public static final List<String> CLUSTER_METRICS = List.of("MinForecastAvailableIpsAtDesired",
            "MinForecastAvailableIpsAtMax", "SubnetsAtRisk", "SubnetsExhaustedAtMax");
    public static final List<String> ACCOUNT_METRICS = List.of("SubnetsAtRisk", "SubnetsExhaustedAtMax", "AuditErrors");

    private MetricMapping() {
    }

    /**
     * @param accountWide the audit covered every (configured) cluster, so account-level counts are complete
     * @param extraErrors audit errors not in {@code forecast.gaps()} (e.g. clusters whose audit failed)
     */
    public static List<MetricPoint> points(Forecast forecast, boolean accountWide, int extraErrors) {
        Instant t = forecast.asOf();
        List<MetricPoint> out = new ArrayList<>();
        for (SubnetForecast s : forecast.subnets()) {
            List<Dimension> d = List.of(new Dimension("SubnetId", s.subnetId()), new Dimension("VpcId", s.vpcId()));
            out.add(count("AvailableIps", s.availableIps(), d, t));
            out.add(count("UsableIps", s.usableIps(), d, t));
            out.add(new MetricPoint("UtilizationPercent", PERCENT, finite(s.utilizationPercent()), d, t));
            out.add(count("WarmIps", s.warmIps(), d, t));
            out.add(count("ForecastAvailableIpsAtDesired", s.atDesired().headline(), d, t));
            out.add(count("ForecastAvailableIpsAtMax", s.atMax().headline(), d, t));
            // -1 = no node group grows into this subnet: nothing to count, no datum (a -1 would drag MIN down)
            if (s.nodesUntilExhaustion() >= 0)
                out.add(count("NodesUntilExhaustion", s.nodesUntilExhaustion(), d, t));
            if (s.prefixMode() && s.freePrefixBlocks() >= 0)
                out.add(count("FreePrefixBlocks", s.freePrefixBlocks(), d, t));
        }
        for (ZoneForecast z : forecast.zones()) {
            List<Dimension> d = List.of(new Dimension("VpcId", z.vpcId()),
                    new Dimension("AvailabilityZone", z.availabilityZone()));
            out.add(count("AvailableIps", z.availableIps(), d, t));
            out.add(count("UsableIps", z.usableIps(), d, t));
            out.add(count("WarmIps", z.warmIps(), d, t));
            out.add(count("ForecastAvailableIpsAtDesired", z.atDesired().headline(), d, t));
            out.add(count("ForecastAvailableIpsAtMax", z.atMax().headline(), d, t));
        }
        for (ClusterForecast c : forecast.clusters()) {
            List<Dimension> d = List.of(new Dimension("ClusterName", c.cluster()));
            if (!c.subnetIds().isEmpty()) {
                // a cluster without subnets (e.g. unreadable) has no minimum: publish nothing rather than a sentinel
                out.add(count("MinForecastAvailableIpsAtDesired", c.minForecastAtDesired(), d, t));
                out.add(count("MinForecastAvailableIpsAtMax", c.minForecastAtMax(), d, t));
            }
            out.add(count("SubnetsAtRisk", c.subnetsAtRisk(), d, t));
            out.add(count("SubnetsExhaustedAtMax", c.subnetsExhaustedAtMax(), d, t));
        }
        if (accountWide) {
            out.add(count("SubnetsAtRisk", forecast.subnetsAtRisk(), List.of(), t));
            out.add(count("SubnetsExhaustedAtMax", forecast.subnetsExhaustedAtMax(), List.of(), t));
        }
        out.add(count("AuditErrors", forecast.gaps().size() + extraErrors, List.of(), t));
        return List.copyOf(out);
    }

    /** The one datum published when an audit failed before producing a forecast. */
    public static MetricPoint auditErrors(int errors, Instant asOf) {
        return count("AuditErrors", errors, List.of(), asOf);
    }

    private static MetricPoint count(String name, double value, List<Dimension> d, Instant t) {
        return new MetricPoint(name, COUNT, value, d, t);
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : 0;
    }
}
