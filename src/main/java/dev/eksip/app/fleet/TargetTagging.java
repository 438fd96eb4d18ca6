package dev.eksip.app.fleet;

import dev.eksip.app.port.MetricPoint;
import dev.eksip.app.port.MetricPoint.Dimension;

import java.util.ArrayList;
import java.util.List;

/**
 * A target's metrics in the hub account: every datum gains {@code AccountId} and {@code Region} as its first
 * dimensions, so no two targets share a series (per-subnet, per-cluster and the account-level rollups such as
 * {@code SubnetsAtRisk} per account). The account-level datums (no dimensions of their own) are also kept without
 * them: each target contributes a sample to the organization-wide series, which the alarms read with a statistic —
 * {@code Maximum} of {@code SubnetsAtRisk} is the worst account's count, {@code Minimum} of
 * {@code MinForecastAvailableIpsAtMax} the organization's minimum.
 */
public final class TargetTagging {
    public static final String ACCOUNT_ID = "AccountId";
    public static final String REGION = "Region";

    private TargetTagging() {
    }

    public static List<MetricPoint> points(AuditTarget target, List<MetricPoint> points) {
        List<MetricPoint> out = new ArrayList<>(points.size() * 2);
        for (MetricPoint p : points) {
            List<Dimension> dims = new ArrayList<>(p.dimensions().size() + 2);
            dims.add(new Dimension(ACCOUNT_ID, target.accountId()));
            dims.add(new Dimension(REGION, target.region()));
            dims.addAll(p.dimensions());
            out.add(new MetricPoint(p.name(), p.unit(), p.value(), dims, p.timestamp()));
        }
        for (MetricPoint p : points) if (p.dimensions().isEmpty()) out.add(p);
        return out;
    }
}
