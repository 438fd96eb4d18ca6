package dev.eksip.app;

import static java.util.Objects.requireNonNull;

import dev.eksip.app.port.MetricPoint;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.Inventory;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A step {@link RunAudit} runs after the forecast and before publishing: it adds metric points and lines for the
 * alert text (the runway, {@link RunwayAddOn}). Its failure is contained by {@link RunAudit}: the forecast's metrics
 * and alerts still go out, the failure is counted in {@code AuditErrors} and named in the outcome's notes.
 */
@FunctionalInterface
public interface ForecastAddOn {
    /** Nothing added. */
    ForecastAddOn NONE = (forecast, inventory, accountWide) -> Extras.NONE;

    /**
     * @param inventory   what the forecast was computed from, when the forecast step exposes it
     * @param accountWide the audit covers every watched cluster (account-level figures may be published)
     */
    Extras after(Forecast forecast, Optional<Inventory> inventory, boolean accountWide);

    /**
     * What the step adds.
     *
     * @param points      datums published with the forecast's (before {@code METRIC_DETAIL} selects)
     * @param headline    alert lines for a cluster, by cluster name (under the severity line)
     * @param subnetLines one alert line per subnet, by subnet id (under the subnet's forecast)
     * @param notes       what the run log should say (e.g. which history was used, or why none)
     */
    record Extras(List<MetricPoint> points, Map<String, List<String>> headline, Map<String, String> subnetLines,
                  List<String> notes) {
        public static final Extras NONE = new Extras(List.of(), Map.of(), Map.of(), List.of());

        public Extras {
            points = List.copyOf(points);
            headline = Map.copyOf(requireNonNull(headline, "headline"));
            subnetLines = Map.copyOf(requireNonNull(subnetLines, "subnetLines"));
            notes = List.copyOf(notes);
        }
    }
}
