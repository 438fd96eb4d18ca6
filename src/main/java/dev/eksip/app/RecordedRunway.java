package dev.eksip.app;

import dev.eksip.app.port.MetricHistory;
import dev.eksip.app.runway.DailyMinima;
import dev.eksip.app.runway.HistorySource;
import dev.eksip.app.runway.RunwayEstimator;
import dev.eksip.app.runway.Sample;
import dev.eksip.app.runway.SubnetRunway;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.SubnetForecast;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runway from a snapshot's recorded series ({@code inventory export --history}; source {@code snapshot}),
 * counted from the capture time, not the audit's: a snapshot's "now" is when it was taken. Series are keyed as
 * {@link MetricHistory} answers them; a subnet with no series of its unit ({@code AvailableIps}, or
 * {@code FreePrefixBlocks} for prefix-delegation subnets) has no runway (absent from the answer).
 */
public final class RecordedRunway {
    private RecordedRunway() {
    }

    /** Subnet id → runway, in the forecast's subnet order, for the subnets with a recorded series. */
    public static Map<String, SubnetRunway> read(Forecast forecast, Map<MetricHistory.Key, List<Sample>> series,
                                                 Instant capturedAt) {
        Map<String, SubnetRunway> out = new LinkedHashMap<>();
        for (SubnetForecast s : forecast.subnets()) {
            List<Sample> samples = series.get(ReadRunway.key(s));
            if (samples == null || samples.isEmpty()) continue;
            out.put(s.subnetId(), new SubnetRunway(s.subnetId(), HistorySource.SNAPSHOT,
                    DailyMinima.of(samples, capturedAt).size(), ReadRunway.unit(s),
                    RunwayEstimator.estimate(samples, capturedAt, ReadRunway.current(s))));
        }
        return out;
    }
}
