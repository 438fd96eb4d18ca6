package dev.eksip.cli;

import dev.eksip.app.RecordedRunway;
import dev.eksip.app.port.MetricHistory;
import dev.eksip.app.runway.Sample;
import dev.eksip.app.runway.SubnetRunway;
import dev.eksip.app.snapshot.Snapshot;
import dev.eksip.app.snapshot.SubnetSeries;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.Subnet;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code audit --inventory FILE} and plain {@code audit}: the runway from the snapshot's recorded {@code history}
 * (null when it has none, so the report stays as it was), in the {@link MetricHistory} shape
 * {@code inventory export --history} read it in.
 */
final class SnapshotRunway {
    private SnapshotRunway() {
    }

    static Map<String, SubnetRunway> of(Snapshot snapshot, Forecast forecast) {
        if (snapshot.history().isEmpty()) return null;
        Map<String, String> vpcOf = new HashMap<>();
        for (Subnet s : snapshot.inventory().subnets()) vpcOf.put(s.subnetId(), s.vpcId());
        Map<MetricHistory.Key, List<Sample>> series = new HashMap<>();
        for (SubnetSeries h : snapshot.history())
            series.put(new MetricHistory.Key(h.subnetId(), vpcOf.get(h.subnetId()), h.metric()),
                    h.points().stream().map(p -> new Sample(p.at(), p.free())).toList());
        return RecordedRunway.read(forecast, series, snapshot.inventory().capturedAt());
    }

    /** The history as {@code inventory export --history} writes it: what {@link MetricHistory} answered. */
    static List<SubnetSeries> toSeries(Map<MetricHistory.Key, List<Sample>> read) {
        return read.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(MetricHistory.Key::subnetId)))
                .map(e -> new SubnetSeries(e.getKey().subnetId(), e.getKey().metric(), e.getValue().stream()
                        .map(s -> new SubnetSeries.Point(s.at(), s.free())).toList()))
                .toList();
    }
}
