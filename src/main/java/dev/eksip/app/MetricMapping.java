package dev.eksip.app;

import dev.eksip.app.port.MetricPoint;
import dev.eksip.app.port.MetricPoint.Dimension;
import dev.eksip.domain.ClusterForecast;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.SubnetForecast;
import dev.eksip.domain.ZoneForecast;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Pure mapping of a {@link Forecast} to CloudWatch datums: exactly the set in product.md.
 * <ul>
 *   <li>per subnet ({@code SubnetId}, {@code VpcId}): AvailableIps, UsableIps, UtilizationPercent, WarmIps,
 *       ForecastAvailableIpsAtDesired, ForecastAvailableIpsAtMax, NodesUntilExhaustion, and FreePrefixBlocks for
 *       prefix-delegation subnets;</li>
 *   <li>per availability zone ({@code VpcId}, {@code AvailabilityZone}): AvailableIps, UsableIps, WarmIps,
 *       ForecastAvailableIpsAtDesired, ForecastAvailableIpsAtMax;</li>
 *   <li>per cluster ({@code ClusterName}): MinForecastAvailableIpsAtDesired, MinForecastAvailableIpsAtMax,
 *       SubnetsAtRisk, SubnetsExhaustedAtMax, IncompleteSubnets, AuditErrors;</li>
 *   <li>account level (no dimension): SubnetsAtRisk, SubnetsExhaustedAtMax, MinForecastAvailableIpsAtMax and
 *       IncompleteSubnets from account-wide audits only (a one-cluster audit would under-count them), AuditErrors
 *       from every audit.</li>
 * </ul>
 * Forecast figures are the headline (median-holding) scenario. Every point carries the audit time.
 *
 * <p>Incomplete reads ({@link IncompleteSubnets}) never publish a figure that reads healthier than the truth: an
 * incomplete subnet publishes its observed figures but no forecast, a zone or cluster with one no forecast
 * roll-up, and while any subnet is incomplete the account publishes {@code IncompleteSubnets} but none of the
 * figures its alarms read (SubnetsAtRisk, SubnetsExhaustedAtMax, MinForecastAvailableIpsAtMax). The alarms treat
 * the missing data as "keep the state": no false recovery, and {@code IncompleteAuditAlarm} says why.
 *
 * <p>{@link Detail} chooses how much of that is published ({@code METRIC_DETAIL}): {@code full} is the whole set,
 * {@code lean} (the default) only the {@link #LEAN} metrics, which are exactly what {@code template.yaml}'s alarms
 * and dashboard read (TemplateTest checks both ways). Custom metrics are billed per name and dimension set, so
 * lean is the smaller bill (docs/operations.md "Costs").
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
            "MinForecastAvailableIpsAtMax", "SubnetsAtRisk", "SubnetsExhaustedAtMax", "IncompleteSubnets",
            "AuditErrors");
    public static final List<String> ACCOUNT_METRICS = List.of("SubnetsAtRisk", "SubnetsExhaustedAtMax",
            "MinForecastAvailableIpsAtMax", "IncompleteSubnets", "AuditErrors");

    /**
     * A metric as CloudWatch bills it, less the dimension values: a name and its dimension names (sorted), e.g.
     * {@code AvailableIps [SubnetId, VpcId]}; one per subnet, zone or cluster it is published for.
     */
    public record Kind(String name, List<String> dimensions) {
        public Kind {
            dimensions = dimensions.stream().sorted().toList();
        }

        public static Kind of(MetricPoint p) {
            return new Kind(p.name(), p.dimensions().stream().map(Dimension::name).toList());
        }
    }

    private static final List<String> SUBNET = List.of("SubnetId", "VpcId");
    private static final List<String> CLUSTER = List.of("ClusterName");

    /**
     * What {@code lean} publishes: per subnet the figures the dashboard plots (available now, forecast at desired
     * and at max, nodes that still fit), per cluster the lowest forecast at max (dashboard), and the account
     * figures (alarms and dashboard). No zone metrics.
     */
    public static final Set<Kind> LEAN = Set.of(
            new Kind("AvailableIps", SUBNET), new Kind("ForecastAvailableIpsAtDesired", SUBNET),
            new Kind("ForecastAvailableIpsAtMax", SUBNET), new Kind("NodesUntilExhaustion", SUBNET),
            new Kind("MinForecastAvailableIpsAtMax", CLUSTER),
            new Kind("SubnetsAtRisk", List.of()), new Kind("SubnetsExhaustedAtMax", List.of()),
            new Kind("MinForecastAvailableIpsAtMax", List.of()), new Kind("IncompleteSubnets", List.of()),
            new Kind("AuditErrors", List.of()),
            // the runway (RunwayMetrics): RunwayAlarm reads the account's, the dashboard each cluster's
            new Kind("MinRunwayDays", CLUSTER), new Kind("MinRunwayDays", List.of()));

    /** {@code METRIC_DETAIL}: which of the mapped metrics are published. */
    public enum Detail {
        /** Only {@link #LEAN}: what the template's alarms and dashboard read. The default. */
        LEAN,
        /** Every metric listed above. */
        FULL;

        /** {@code lean} or {@code full}, any case; anything else throws {@link IllegalArgumentException}. */
        public static Detail parse(String text) {
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "lean" -> LEAN;
                case "full" -> FULL;
                default -> throw new IllegalArgumentException("expected lean or full, got '%s'".formatted(text));
            };
        }

        /** Whether a point of this kind is published at this detail. */
        public boolean publishes(Kind kind) {
            return this == FULL || MetricMapping.LEAN.contains(kind);
        }

        /** The points published at this detail, in their order. */
        public List<MetricPoint> select(List<MetricPoint> points) {
            return this == FULL ? List.copyOf(points) : points.stream().filter(p -> publishes(Kind.of(p))).toList();
        }
    }

    private MetricMapping() {
    }

    /** The points {@code detail} publishes of {@link #points(Forecast, boolean, int)}. */
    public static List<MetricPoint> points(Forecast forecast, boolean accountWide, int extraErrors, Detail detail) {
        return detail.select(points(forecast, accountWide, extraErrors));
    }

    /**
     * Every point ({@link Detail#FULL}).
     *
     * @param accountWide the audit covered every (configured) cluster, so account-level counts are complete
     * @param extraErrors audit errors not in {@code forecast.gaps()} (e.g. clusters whose audit failed)
     */
    public static List<MetricPoint> points(Forecast forecast, boolean accountWide, int extraErrors) {
        Instant t = forecast.asOf();
        IncompleteSubnets incomplete = IncompleteSubnets.of(forecast);
        List<MetricPoint> out = new ArrayList<>();
        Set<String> incompleteZones = new HashSet<>();
        for (SubnetForecast s : forecast.subnets()) {
            List<Dimension> d = List.of(new Dimension("SubnetId", s.subnetId()), new Dimension("VpcId", s.vpcId()));
            out.add(count("AvailableIps", s.availableIps(), d, t));
            out.add(count("UsableIps", s.usableIps(), d, t));
            out.add(new MetricPoint("UtilizationPercent", PERCENT, finite(s.utilizationPercent()), d, t));
            out.add(count("WarmIps", s.warmIps(), d, t));
            if (s.prefixMode() && s.freePrefixBlocks() >= 0)
                out.add(count("FreePrefixBlocks", s.freePrefixBlocks(), d, t));
            if (incomplete.subnets().contains(s.subnetId())) {
                // growth a gap hides is not in it: no forecast rather than an optimistic one
                incompleteZones.add(s.vpcId() + "/" + s.availabilityZone());
                continue;
            }
            out.add(count("ForecastAvailableIpsAtDesired", s.atDesired().headline(), d, t));
            out.add(count("ForecastAvailableIpsAtMax", s.atMax().headline(), d, t));
            // -1 = no node group grows into this subnet: nothing to count, no datum (a -1 would drag MIN down)
            if (s.nodesUntilExhaustion() >= 0)
                out.add(count("NodesUntilExhaustion", s.nodesUntilExhaustion(), d, t));
        }
        for (ZoneForecast z : forecast.zones()) {
            List<Dimension> d = List.of(new Dimension("VpcId", z.vpcId()),
                    new Dimension("AvailabilityZone", z.availabilityZone()));
            out.add(count("AvailableIps", z.availableIps(), d, t));
            out.add(count("UsableIps", z.usableIps(), d, t));
            out.add(count("WarmIps", z.warmIps(), d, t));
            if (incompleteZones.contains(z.vpcId() + "/" + z.availabilityZone())) continue;
            out.add(count("ForecastAvailableIpsAtDesired", z.atDesired().headline(), d, t));
            out.add(count("ForecastAvailableIpsAtMax", z.atMax().headline(), d, t));
        }
        for (ClusterForecast c : forecast.clusters()) {
            List<Dimension> d = List.of(new Dimension("ClusterName", c.cluster()));
            if (!incomplete.clusters().contains(c.cluster())) {
                if (!c.subnetIds().isEmpty()) {
                    // a cluster without subnets has no minimum: publish nothing rather than a sentinel
                    out.add(count("MinForecastAvailableIpsAtDesired", c.minForecastAtDesired(), d, t));
                    out.add(count("MinForecastAvailableIpsAtMax", c.minForecastAtMax(), d, t));
                }
                out.add(count("SubnetsAtRisk", c.subnetsAtRisk(), d, t));
                out.add(count("SubnetsExhaustedAtMax", c.subnetsExhaustedAtMax(), d, t));
            }
            out.add(count("IncompleteSubnets", incomplete.of(c), d, t));
            out.add(count("AuditErrors", incomplete.gapsByCluster().getOrDefault(c.cluster(), 0), d, t));
        }
        if (accountWide) {
            if (incomplete.none()) {
                out.add(count("SubnetsAtRisk", forecast.subnetsAtRisk(), List.of(), t));
                out.add(count("SubnetsExhaustedAtMax", forecast.subnetsExhaustedAtMax(), List.of(), t));
                // the lowest forecast at max of every subnet: what MinForecastAlarm reads (none: no subnets)
                forecast.subnets().stream().mapToInt(s -> s.atMax().headline()).min()
                        .ifPresent(min -> out.add(count("MinForecastAvailableIpsAtMax", min, List.of(), t)));
            }
            // every account-wide audit that forecast publishes it (MissedRunsAlarm counts its samples)
            out.add(count("IncompleteSubnets", incomplete.subnets().size(), List.of(), t));
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
