package dev.eksip.cli;

import dev.eksip.app.runway.Runway;
import dev.eksip.app.runway.SubnetRunway;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.Printable;
import dev.eksip.domain.SubnetForecast;

import java.util.Locale;
import java.util.Map;

/**
 * {@code audit --history}'s table section: per subnet the runway at the current trend (days, the 95 % interval,
 * the source and how many days it covered), then the structural forecast as "or immediately if … scales to max"
 * when the forecast at max size runs out.
 */
final class RunwaySection {
    private RunwaySection() {
    }

    static String render(Forecast forecast, Map<String, SubnetRunway> runways) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%nRunway (days until no free %s at the current trend; 95 %% interval):%n", "addresses or /28 blocks"));
        out.append(String.format(Locale.ROOT, "%-26s %-24s %s%n", "SUBNET", "RUNWAY", "HISTORY"));
        for (SubnetForecast s : forecast.subnets()) {
            SubnetRunway r = runways.get(s.subnetId());
            if (r == null) continue;
            String history = r.source().label() + " " + r.historyDays() + " d";
            // the headline on its own indented line: the table stays within 100 columns
            out.append(String.format(Locale.ROOT, "%-26s %-24s %s%n  %s%n", Printable.escape(s.subnetId()),
                    r.runway().describe(), history, headline(s, r)));
        }
        return out.toString();
    }

    /** The combined headline: trend first, then the structural forecast's worst case. */
    static String headline(SubnetForecast s, SubnetRunway r) {
        String trend = switch (r.runway()) {
            case Runway.Declining d -> String.format(Locale.ROOT, "runs dry in %.0f days at the current trend",
                    Math.floor(d.days()));
            case Runway.Exhausted e -> "exhausted now";
            case Runway.NoTrend n -> "no decline at the current trend (" + n.reason().text() + ")";
        };
        if (s.atMax().headline() < 0 && !(r.runway() instanceof Runway.Exhausted)) {
            String groups = s.nodeGroups().isEmpty() ? "its node groups" : String.join(", ",
                    s.nodeGroups().stream().map(Printable::escape).toList());
            trend += ", or immediately if " + groups + " scale" + (s.nodeGroups().size() == 1 ? "s" : "") + " to max";
        }
        return trend;
    }
}
