package dev.eksip.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.eksip.app.port.MetricHistory;
import dev.eksip.app.port.ScalingHistory;
import dev.eksip.app.runway.HistorySource;
import dev.eksip.app.runway.Runway;
import dev.eksip.app.runway.Sample;
import dev.eksip.app.runway.SubnetRunway;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.Inventory;
import dev.eksip.testing.forecast.Forecasts;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

class ReadRunwayTest {
    private static final Inventory EMPTY = new Inventory("123456789012", "us-east-1", Forecasts.AS_OF, List.of(),
            List.of(), List.of(), List.of(), List.of(), List.of());
    private final List<Integer> scalingCalls = new ArrayList<>();
    private final ScalingHistory noScaling = (groups, from) -> {
        scalingCalls.add(groups.size());
        return List.of();
    };

    @Test
    void publishedSeriesWinAndPrefixSubnetsReadFreeBlocks() {
        Forecast f = Forecasts.forecast(Forecasts.subnet("subnet-0a").available(100).build(),
                Forecasts.subnet("subnet-0b").prefixBlocks(20).build());
        List<MetricHistory.Key> asked = new ArrayList<>();
        MetricHistory metrics = (keys, from, to) -> {
            asked.addAll(keys);
            assertThat(Duration.between(from, f.asOf())).isEqualTo(Duration.ofDays(14));
            List<Sample> ips = new ArrayList<>();
            List<Sample> blocks = new ArrayList<>();
            for (int d = 13; d >= 0; d--) {
                ips.add(new Sample(f.asOf().minus(Duration.ofDays(d)), 100 + 10 * d));
                blocks.add(new Sample(f.asOf().minus(Duration.ofDays(d)), 20 + 4 * d));
            }
            return Map.of(keys.get(0), ips, keys.get(1), blocks);
        };

        Map<String, SubnetRunway> r = new ReadRunway(metrics, noScaling).read(EMPTY, f, 14);

        assertThat(asked).extracting(MetricHistory.Key::metric).containsExactly("AvailableIps", "FreePrefixBlocks");
        assertThat(r.get("subnet-0a").source()).isEqualTo(HistorySource.METRICS);
        assertThat(r.get("subnet-0a").historyDays()).isEqualTo(14);
        assertThat(r.get("subnet-0a").runway().days()).isCloseTo(10, within(1e-9));
        assertThat(r.get("subnet-0b").unit()).isEqualTo(SubnetRunway.PREFIX_BLOCKS);
        assertThat(r.get("subnet-0b").runway().days()).isCloseTo(5, within(1e-9));
        assertThat(scalingCalls).isEmpty();
    }

    @Test
    void tooShortAPublishedHistoryFallsBackToScalingActivities() {
        Forecast f = Forecasts.forecast(Forecasts.subnet("subnet-0a").available(100).build());
        MetricHistory threeDays = (keys, from, to) -> Map.of(keys.get(0), List.of(
                new Sample(f.asOf().minus(Duration.ofDays(2)), 120), new Sample(f.asOf().minus(Duration.ofDays(1)), 110),
                new Sample(f.asOf(), 100)));

        SubnetRunway r = new ReadRunway(threeDays, noScaling).read(EMPTY, f, 14).get("subnet-0a");

        assertThat(r.source()).isEqualTo(HistorySource.SCALING_ACTIVITIES);
        assertThat(r.runway()).isInstanceOf(Runway.NoTrend.class);
        assertThat(r.runway().describe()).isEqualTo("no trend");
    }
}
