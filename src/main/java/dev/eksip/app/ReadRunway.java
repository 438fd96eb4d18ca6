package dev.eksip.app;

import static java.util.Objects.requireNonNull;

import dev.eksip.app.port.MetricHistory;
import dev.eksip.app.port.ScalingHistory;
import dev.eksip.app.runway.DailyMinima;
import dev.eksip.app.runway.HistorySource;
import dev.eksip.app.runway.NodeChange;
import dev.eksip.app.runway.RunwayEstimator;
import dev.eksip.app.runway.Sample;
import dev.eksip.app.runway.ScalingDemand;
import dev.eksip.app.runway.SubnetRunway;
import dev.eksip.domain.Cluster;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.Inventory;
import dev.eksip.domain.NodeGroup;
import dev.eksip.domain.SubnetForecast;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runway of every forecast subnet from the best history there is: the function's own series
 * ({@link MetricHistory}: {@code AvailableIps}, or {@code FreePrefixBlocks} for prefix-delegation subnets) when it
 * covers at least {@link RunwayEstimator#MIN_DAYS} days, else the Auto Scaling groups' scaling activities
 * ({@link ScalingHistory}, over the same window, at most the six weeks Auto Scaling keeps) turned into demand with the forecast's per-node cost for that subnet
 * ({@code free now / nodes that still fit}, i.e. what one more node of its groups takes there). A subnet no group
 * launches into has a flat demand history: no trend.
 */
public final class ReadRunway {
    /** {@code --history}'s and the function's default window. */
    public static final int DEFAULT_DAYS = 14;

    private final MetricHistory metrics;
    private final ScalingHistory scaling;

    public ReadRunway(MetricHistory metrics, ScalingHistory scaling) {
        this.metrics = requireNonNull(metrics, "metrics");
        this.scaling = requireNonNull(scaling, "scaling");
    }

    /** Subnet id → runway, in the forecast's subnet order. */
    public Map<String, SubnetRunway> read(Inventory inventory, Forecast forecast, int days) {
        if (days < 1) throw new IllegalArgumentException("history days must be >= 1, got " + days);
        Instant asOf = forecast.asOf();
        List<MetricHistory.Key> keys = new ArrayList<>();
        for (SubnetForecast s : forecast.subnets()) keys.add(key(s));
        Map<MetricHistory.Key, List<Sample>> published = keys.isEmpty() ? Map.of()
                : metrics.read(keys, asOf.minus(Duration.ofDays(days)), asOf.plusSeconds(1));
        Map<String, SubnetRunway> out = new LinkedHashMap<>();
        List<SubnetForecast> fallback = new ArrayList<>();
        for (SubnetForecast s : forecast.subnets()) {
            List<Sample> series = published.getOrDefault(key(s), List.of());
            DailyMinima daily = DailyMinima.of(series, asOf);
            if (daily.size() >= RunwayEstimator.MIN_DAYS) {
                out.put(s.subnetId(), new SubnetRunway(s.subnetId(), HistorySource.METRICS, daily.size(), unit(s),
                        RunwayEstimator.estimate(series, asOf, current(s))));
            } else {
                fallback.add(s);
            }
        }
        if (!fallback.isEmpty()) out.putAll(fromScaling(inventory, fallback, asOf, Math.min(days, ScalingDemand.WINDOW_DAYS)));
        Map<String, SubnetRunway> ordered = new LinkedHashMap<>();
        forecast.subnets().forEach(s -> ordered.put(s.subnetId(), out.get(s.subnetId())));
        return ordered;
    }

    private Map<String, SubnetRunway> fromScaling(Inventory inventory, List<SubnetForecast> subnets, Instant asOf,
                                                  int days) {
        Map<String, List<String>> groupSubnets = new HashMap<>();
        for (Cluster c : inventory.clusters())
            for (NodeGroup g : c.nodeGroups())
                if (!g.autoScalingGroup().isEmpty()) groupSubnets.put(g.autoScalingGroup(), g.subnetIds());
        Instant from = asOf.minus(Duration.ofDays(days));
        List<ScalingHistory.Activity> activities = groupSubnets.isEmpty() ? List.of()
                : scaling.activities(groupSubnets.keySet().stream().sorted().toList(), from);
        Map<String, SubnetRunway> out = new HashMap<>();
        for (SubnetForecast s : subnets) {
            double current = current(s);
            double perNode = s.nodesUntilExhaustion() > 0 ? current / s.nodesUntilExhaustion() : 0;
            List<NodeChange> changes = new ArrayList<>();
            for (ScalingHistory.Activity a : activities) {
                List<String> spread = a.subnetId().isEmpty()
                        ? groupSubnets.getOrDefault(a.autoScalingGroup(), List.of()) : List.of(a.subnetId());
                if (spread.contains(s.subnetId())) changes.add(new NodeChange(a.at(), a.delta(), perNode, spread));
            }
            List<Sample> series = ScalingDemand.series(s.subnetId(), changes, current, from, asOf);
            out.put(s.subnetId(), new SubnetRunway(s.subnetId(), HistorySource.SCALING_ACTIVITIES,
                    days, unit(s), RunwayEstimator.estimate(series, asOf, current)));
        }
        return out;
    }

    /** The series a subnet's runway reads: {@code AvailableIps}, or {@code FreePrefixBlocks} for a PD subnet. */
    public static MetricHistory.Key key(SubnetForecast s) {
        return new MetricHistory.Key(s.subnetId(), s.vpcId(), s.prefixMode() ? "FreePrefixBlocks" : "AvailableIps");
    }

    static String unit(SubnetForecast s) {
        return s.prefixMode() ? SubnetRunway.PREFIX_BLOCKS : SubnetRunway.ADDRESSES;
    }

    static double current(SubnetForecast s) {
        return s.prefixMode() ? Math.max(0, s.freePrefixBlocks()) : s.availableIps();
    }
}
