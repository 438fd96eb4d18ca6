package dev.eksip.app;

import static java.util.Objects.requireNonNull;

import dev.eksip.app.runway.HistorySource;
import dev.eksip.app.runway.Runway;
import dev.eksip.app.runway.SubnetRunway;
import dev.eksip.domain.ClusterForecast;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.Inventory;
import dev.eksip.domain.SubnetForecast;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The function's runway ({@link ForecastAddOn}): after each forecast, each subnet's history over
 * {@code RUNWAY_HISTORY_DAYS} ({@link ReadRunway}: the function's own series, else the node groups' scaling
 * activities), published as {@link RunwayMetrics} and written into the alerts: per subnet "Runway: 12 d (9–15) at
 * the current trend, or immediately if X scales to max", per cluster the shortest runway of each zone.
 * <p>
 * When the history cannot be read the step fails and {@link RunAudit} contains it: nothing of the runway is
 * published (no figure healthier than known; {@code RunwayAlarm} keeps its state) and {@code AuditErrors} counts it.
 */
public final class RunwayAddOn implements ForecastAddOn {
    private final ReadRunway history;
    private final int days;

    /** @param days the window read ({@code RUNWAY_HISTORY_DAYS}, default {@value ReadRunway#DEFAULT_DAYS}) */
    public RunwayAddOn(ReadRunway history, int days) {
        this.history = requireNonNull(history, "history");
        if (days < 1) throw new IllegalArgumentException("runway history days must be >= 1, got " + days);
        this.days = days;
    }

    @Override
    public Extras after(Forecast forecast, Optional<Inventory> inventory, boolean accountWide) {
        // without the inventory the scaling fallback would see no node group: a flat, falsely healthy history
        Inventory read = inventory.orElseThrow(() -> new IllegalStateException(
                "runway: the forecast step gave no inventory to read the node groups' scaling history from"));
        Map<String, SubnetRunway> runways;
        try {
            runways = history.read(read, forecast, days);
        } catch (RuntimeException e) {
            throw new IllegalStateException("runway history not read, no runway published: " + e.getMessage(), e);
        }
        Map<String, String> subnetLines = new LinkedHashMap<>();
        for (SubnetForecast s : forecast.subnets()) {
            SubnetRunway r = runways.get(s.subnetId());
            if (r != null) subnetLines.put(s.subnetId(), line(s, r));
        }
        Map<String, List<String>> headline = new LinkedHashMap<>();
        for (ClusterForecast c : forecast.clusters()) {
            String zones = byZone(forecast, c, runways);
            if (!zones.isEmpty()) headline.put(c.cluster(), List.of("Runway by zone (its shortest subnet, at the "
                    + "current trend): " + zones));
        }
        return new Extras(RunwayMetrics.points(forecast, runways, accountWide), headline, subnetLines,
                List.of(note(runways)));
    }

    /** "Runway: 10 d (9.1–11) at the current trend (metrics, 14 d), or immediately if ng scales to max." */
    static String line(SubnetForecast s, SubnetRunway r) {
        String what = r.unit().equals(SubnetRunway.PREFIX_BLOCKS) ? "free /28 blocks" : "free addresses";
        String trend = switch (r.runway()) {
            case Runway.Declining d -> "%s at the current trend (%s falling %s a day)"
                    .formatted(d.describe(), what, fmt(-d.perDay()));
            case Runway.Exhausted e -> e.describe();
            case Runway.NoTrend n -> "%s (%s not falling significantly)".formatted(n.describe(), what);
        };
        StringBuilder b = new StringBuilder("Runway: ").append(trend)
                .append(" [%s, %d d of history]".formatted(r.source().label(), r.historyDays()));
        if (s.atMax().headline() < 0 && !s.nodeGroups().isEmpty())
            b.append(", or immediately if %s scale%s to max".formatted(String.join(", ", s.nodeGroups()),
                    s.nodeGroups().size() == 1 ? "s" : ""));
        return b.append('.').toString();
    }

    /** Each zone of the cluster's subnets with the shortest runway among them ("" when none is known). */
    private static String byZone(Forecast forecast, ClusterForecast c, Map<String, SubnetRunway> runways) {
        Map<String, List<SubnetRunway>> zones = new TreeMap<>();
        for (SubnetForecast s : forecast.subnets())
            if (c.subnetIds().contains(s.subnetId()) && runways.get(s.subnetId()) != null)
                zones.computeIfAbsent(s.availabilityZone(), z -> new ArrayList<>()).add(runways.get(s.subnetId()));
        List<String> parts = new ArrayList<>();
        zones.forEach((zone, rs) -> parts.add(zone + " " + rs.stream()
                .min(Comparator.comparingDouble(RunwayAddOn::sortKey)).orElseThrow().runway().describe()));
        return String.join("; ", parts);
    }

    private static double sortKey(SubnetRunway r) {
        return r.runway().days() >= 0 ? r.runway().days() : Double.MAX_VALUE;
    }

    private String note(Map<String, SubnetRunway> runways) {
        Map<HistorySource, Long> sources = new TreeMap<>();
        runways.values().forEach(r -> sources.merge(r.source(), 1L, Long::sum));
        Optional<SubnetRunway> shortest = runways.values().stream().filter(r -> r.runway().days() >= 0)
                .min(Comparator.comparingDouble(r -> r.runway().days()));
        return "runway over %d d: %s; shortest %s".formatted(days,
                sources.isEmpty() ? "no subnets" : String.join(", ", sources.entrySet().stream()
                        .map(e -> e.getValue() + " subnet(s) from " + e.getKey().label()).toList()),
                shortest.map(r -> r.runway().describe() + " (" + r.subnetId() + ")").orElse("none (no trend)"));
    }

    private static String fmt(double d) {
        return d >= 100 ? String.format(Locale.ROOT, "%.0f", d) : String.format(Locale.ROOT, "%.1f", d);
    }
}
