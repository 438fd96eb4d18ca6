package dev.eksip.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eksip.app.runway.Runway;
import dev.eksip.app.runway.SubnetRunway;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.SubnetForecast;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code audit --history --output json}: the report with an added top-level {@code runway} array (an additive
 * field of reportVersion 1, docs/audit-output.md), one entry per forecast subnet in the report's order.
 */
final class RunwayJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** One subnet's runway; {@code days}/{@code daysLow}/{@code daysHigh}/{@code perDay*} null when not declining. */
    record Entry(String subnetId, String source, int historyDays, String unit, String trend, Double days,
                 Double daysLow, Double daysHigh, Double perDay, Double perDayLow, Double perDayHigh, String reason,
                 String headline) {
    }

    private RunwayJson() {
    }

    static String withRunway(String reportJson, Forecast forecast, Map<String, SubnetRunway> runways) {
        try {
            ObjectNode report = (ObjectNode) MAPPER.readTree(reportJson);
            List<Entry> entries = new ArrayList<>();
            for (SubnetForecast s : forecast.subnets()) {
                SubnetRunway r = runways.get(s.subnetId());
                if (r != null) entries.add(entry(s, r));
            }
            report.set("runway", MAPPER.valueToTree(entries));
            return MAPPER.writeValueAsString(report) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot add the runway to the report", e);
        }
    }

    static Entry entry(SubnetForecast s, SubnetRunway r) {
        String headline = RunwaySection.headline(s, r);
        return switch (r.runway()) {
            case Runway.Declining d -> new Entry(r.subnetId(), r.source().label(), r.historyDays(), r.unit(),
                    "declining", round(d.days()), round(d.daysLow()), round(d.daysHigh()), round(d.perDay()),
                    round(d.perDayLow()), round(d.perDayHigh()), null, headline);
            case Runway.Exhausted e -> new Entry(r.subnetId(), r.source().label(), r.historyDays(), r.unit(),
                    "exhausted", 0.0, 0.0, 0.0, null, null, null, null, headline);
            case Runway.NoTrend n -> new Entry(r.subnetId(), r.source().label(), r.historyDays(), r.unit(),
                    "none", null, null, null, Double.isNaN(n.perDay()) ? null : round(n.perDay()), null, null,
                    n.reason().text(), headline);
        };
    }

    private static Double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 100) / 100.0 : null;
    }
}
