package dev.eksip.app.report;

import dev.eksip.domain.Forecast;
import dev.eksip.domain.SubnetForecast;

import java.util.Comparator;
import java.util.List;

/** The order both renderings list subnets in: worst severity first, then fewest addresses left, then by id. */
final class SubnetOrder {
    private SubnetOrder() {
    }

    static List<SubnetForecast> worstFirst(Forecast f) {
        return f.subnets().stream()
                .sorted(Comparator.comparing(SubnetForecast::severity).reversed()
                        .thenComparing(s -> s.atMax().headline()).thenComparing(SubnetForecast::subnetId))
                .toList();
    }
}
