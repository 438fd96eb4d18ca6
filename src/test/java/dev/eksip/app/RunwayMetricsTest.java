package dev.eksip.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.app.port.MetricPoint;
import dev.eksip.app.runway.HistorySource;
import dev.eksip.app.runway.Runway;
import dev.eksip.app.runway.SubnetRunway;
import dev.eksip.domain.Forecast;
import dev.eksip.testing.forecast.Forecasts;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

class RunwayMetricsTest {
    private static SubnetRunway days(String subnet, double d) {
        return new SubnetRunway(subnet, HistorySource.METRICS, 14, SubnetRunway.ADDRESSES,
                new Runway.Declining(-10, -11, -9, d, d * 0.9, d * 1.1));
    }

    @Test
    void subnetsPublishTheirRunwayAndClustersAndTheAccountTheLowest() {
        Forecast f = Forecasts.forecast(Forecasts.subnet("subnet-0a").build(), Forecasts.subnet("subnet-0b").build(),
                Forecasts.subnet("subnet-0c").build());
        Map<String, SubnetRunway> runways = Map.of("subnet-0a", days("subnet-0a", 10.04), "subnet-0b",
                days("subnet-0b", 42), "subnet-0c", new SubnetRunway("subnet-0c", HistorySource.METRICS, 14,
                        SubnetRunway.ADDRESSES, new Runway.NoTrend(0, Runway.Reason.NOT_SIGNIFICANT)));

        List<MetricPoint> points = RunwayMetrics.points(f, runways, true);

        assertThat(points).filteredOn(p -> p.name().equals("RunwayDays"))
                .extracting(p -> p.dimensions().getFirst().value() + "=" + p.value())
                .containsExactly("subnet-0a=10.0", "subnet-0b=42.0");
        assertThat(points).filteredOn(p -> p.name().equals("MinRunwayDays") && p.dimensions().isEmpty())
                .singleElement().satisfies(p -> assertThat(p.value()).isEqualTo(10.0));
        assertThat(points).filteredOn(p -> p.name().equals("MinRunwayDays") && !p.dimensions().isEmpty())
                .allSatisfy(p -> {
                    assertThat(p.dimensions().getFirst().name()).isEqualTo("ClusterName");
                    assertThat(p.value()).isEqualTo(10.0);
                }).isNotEmpty();
        assertThat(points).allSatisfy(p -> assertThat(p.timestamp()).isEqualTo(f.asOf()));
        assertThat(RunwayMetrics.points(f, runways, false)).noneMatch(p -> p.dimensions().isEmpty());
        // the minimums are what RunwayAlarm and the dashboard read; each subnet's runway only at full
        assertThat(points).filteredOn(p -> MetricMapping.Detail.LEAN.publishes(MetricMapping.Kind.of(p)))
                .extracting(MetricPoint::name).containsOnly("MinRunwayDays").hasSize(2);
    }

    @Test
    void noDecliningSubnetPublishesTheDocumentedLargeValueSoTheAlarmCanRecover() {
        Forecast f = Forecasts.forecast(Forecasts.subnet("subnet-0a").build());
        Map<String, SubnetRunway> flat = Map.of("subnet-0a", new SubnetRunway("subnet-0a", HistorySource.METRICS, 14,
                SubnetRunway.ADDRESSES, new Runway.NoTrend(0, Runway.Reason.NOT_SIGNIFICANT)));

        assertThat(RunwayMetrics.points(f, flat, true))
                .extracting(p -> p.name() + (p.dimensions().isEmpty() ? "" : "/" + p.dimensions().getFirst().value())
                        + "=" + p.value())
                .containsExactlyInAnyOrder("MinRunwayDays/web-prod=3650.0", "MinRunwayDays=3650.0");
    }

    @Test
    void aSubnetWhoseRunwayIsUnknownWithholdsTheMinimumsItBelongsTo() {
        // subnet-0b has too little history: the minimum of the others could read healthier than the truth
        Forecast f = Forecasts.forecast(Forecasts.subnet("subnet-0a").build(), Forecasts.subnet("subnet-0b").build(),
                Forecasts.subnet("subnet-0c").clusters("batch").build());
        Map<String, SubnetRunway> runways = Map.of("subnet-0a", days("subnet-0a", 40),
                "subnet-0b", new SubnetRunway("subnet-0b", HistorySource.METRICS, 3, SubnetRunway.ADDRESSES,
                        new Runway.NoTrend(Double.NaN, Runway.Reason.TOO_SHORT)),
                "subnet-0c", days("subnet-0c", 20));

        assertThat(RunwayMetrics.points(f, runways, true))
                .extracting(p -> p.name() + (p.dimensions().isEmpty() ? "" : "/" + p.dimensions().getFirst().value())
                        + "=" + p.value())
                .containsExactlyInAnyOrder("RunwayDays/subnet-0a=40.0", "RunwayDays/subnet-0c=20.0",
                        "MinRunwayDays/batch=20.0");
    }

    @Test
    void noFiniteRunwayPublishesNothing() {
        Forecast f = Forecasts.forecast(Forecasts.subnet("subnet-0a").build());
        assertThat(RunwayMetrics.points(f, Map.of(), true)).isEmpty();
    }
}
