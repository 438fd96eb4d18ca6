package dev.eksip.app;

import dev.eksip.app.port.MetricPoint;
import dev.eksip.app.port.MetricPoint.Dimension;
import dev.eksip.app.runway.Runway;
import dev.eksip.app.runway.SubnetRunway;
import dev.eksip.domain.ClusterForecast;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.SubnetForecast;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The runway as CloudWatch datums (unit {@code Count}, days): {@code RunwayDays} per subnet ({@code SubnetId},
 * {@code VpcId}), {@code MinRunwayDays} per cluster ({@code ClusterName}, over its subnets) and for the account
 * (no dimension, account-wide audits only). A subnet publishes only a finite runway (an exhausted one 0, one with
 * no trend nothing). The minimums are what {@code RunwayAlarm} and the dashboard read ({@link MetricMapping#LEAN}),
 * so they never read healthier than known:
 * <ul>
 *   <li>every subnet in scope has a known runway: the lowest, capped at {@link #NO_DECLINE_DAYS}, which is also
 *       what a scope with no declining subnet publishes (no trend = a documented large value, so the alarm can
 *       recover);</li>
 *   <li>some subnet's runway is unknown (no runway given, or too little history): nothing, and the alarm keeps its
 *       state ({@code TreatMissingData: ignore}); so does a run whose history could not be read
 *       ({@link RunwayAddOn}).</li>
 * </ul>
 */
public final class RunwayMetrics {
    public static final List<String> NAMES = List.of("RunwayDays", "MinRunwayDays");
    /** What {@code MinRunwayDays} says when no subnet declines (ten years: above any sensible alarm threshold). */
    public static final double NO_DECLINE_DAYS = 3650;

    private RunwayMetrics() {
    }

    public static List<MetricPoint> points(Forecast forecast, Map<String, SubnetRunway> runways, boolean accountWide) {
        List<MetricPoint> out = new ArrayList<>();
        for (SubnetForecast s : forecast.subnets()) {
            OptionalDouble days = days(runways.get(s.subnetId()));
            if (days.isPresent())
                out.add(point("RunwayDays", days.getAsDouble(), List.of(new Dimension("SubnetId", s.subnetId()),
                        new Dimension("VpcId", s.vpcId())), forecast));
        }
        for (ClusterForecast c : forecast.clusters()) {
            OptionalDouble min = minimum(c.subnetIds(), runways);
            if (min.isPresent())
                out.add(point("MinRunwayDays", min.getAsDouble(), List.of(new Dimension("ClusterName", c.cluster())),
                        forecast));
        }
        if (accountWide) {
            OptionalDouble min = minimum(forecast.subnets().stream().map(SubnetForecast::subnetId).toList(), runways);
            if (min.isPresent()) out.add(point("MinRunwayDays", min.getAsDouble(), List.of(), forecast));
        }
        return List.copyOf(out);
    }

    /** The lowest runway of {@code subnets}, capped; empty when one is unknown or there are none. */
    private static OptionalDouble minimum(List<String> subnets, Map<String, SubnetRunway> runways) {
        if (subnets.isEmpty()) return OptionalDouble.empty();
        double min = NO_DECLINE_DAYS;
        for (String id : subnets) {
            SubnetRunway r = runways.get(id);
            if (r == null || r.runway() instanceof Runway.NoTrend n && n.reason() == Runway.Reason.TOO_SHORT)
                return OptionalDouble.empty();
            OptionalDouble d = days(r);
            if (d.isPresent()) min = Math.min(min, d.getAsDouble());
        }
        return OptionalDouble.of(min);
    }

    private static OptionalDouble days(SubnetRunway r) {
        if (r == null || r.runway().days() < 0) return OptionalDouble.empty();
        return OptionalDouble.of(Math.round(r.runway().days() * 10) / 10.0);
    }

    private static MetricPoint point(String name, double days, List<Dimension> d, Forecast f) {
        return new MetricPoint(name, MetricMapping.COUNT, days, d, f.asOf());
    }
}
