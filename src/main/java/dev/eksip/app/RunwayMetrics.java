package dev.eksip.app;

import dev.eksip.app.port.MetricPoint;
import dev.eksip.app.port.MetricPoint.Dimension;
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
 * (no dimension, account-wide audits only). Only finite runways are published: a subnet with no trend publishes
 * nothing (a sentinel would drag a MIN down), an exhausted one 0. Not in {@link MetricMapping#LEAN}: published at
 * {@code METRIC_DETAIL=full} by {@code audit --live --publish --history} (no alarm reads them yet).
 */
public final class RunwayMetrics {
    public static final List<String> NAMES = List.of("RunwayDays", "MinRunwayDays");

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
            OptionalDouble min = c.subnetIds().stream().map(runways::get).map(RunwayMetrics::days)
                    .filter(OptionalDouble::isPresent).mapToDouble(OptionalDouble::getAsDouble).min();
            if (min.isPresent())
                out.add(point("MinRunwayDays", min.getAsDouble(), List.of(new Dimension("ClusterName", c.cluster())),
                        forecast));
        }
        if (accountWide) {
            OptionalDouble min = forecast.subnets().stream().map(s -> days(runways.get(s.subnetId())))
                    .filter(OptionalDouble::isPresent).mapToDouble(OptionalDouble::getAsDouble).min();
            if (min.isPresent()) out.add(point("MinRunwayDays", min.getAsDouble(), List.of(), forecast));
        }
        return List.copyOf(out);
    }

    private static OptionalDouble days(SubnetRunway r) {
        if (r == null || r.runway().days() < 0) return OptionalDouble.empty();
        return OptionalDouble.of(Math.round(r.runway().days() * 10) / 10.0);
    }

    private static MetricPoint point(String name, double days, List<Dimension> d, Forecast f) {
        return new MetricPoint(name, MetricMapping.COUNT, days, d, f.asOf());
    }
}
