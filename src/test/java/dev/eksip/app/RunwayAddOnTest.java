package dev.eksip.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.eksip.app.alert.Alert;
import dev.eksip.app.port.MetricHistory;
import dev.eksip.app.port.MetricPoint;
import dev.eksip.app.port.ScalingHistory;
import dev.eksip.app.runway.Sample;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.Inventory;
import dev.eksip.domain.Severity;
import dev.eksip.testing.forecast.Forecasts;
import dev.eksip.testing.ports.InMemoryPorts;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The function's runway step ({@link RunwayAddOn}) inside {@link RunAudit}: its datums, its alert lines, its failures. */
class RunwayAddOnTest {
    private static final Inventory EMPTY = new Inventory("123456789012", "us-east-1", Forecasts.AS_OF, List.of(),
            List.of(), List.of(), List.of(), List.of(), List.of());
    private final InMemoryPorts.RecordingMetrics metrics = new InMemoryPorts.RecordingMetrics();
    private final InMemoryPorts.RecordingAlerts alerts = new InMemoryPorts.RecordingAlerts();
    private final ScalingHistory noScaling = (groups, from) -> List.of();

    /** 100 free now, 10 more each day back over 14 days: a runway of 10 days. */
    private static final MetricHistory LOSING_TEN_A_DAY = (keys, from, to) -> {
        List<Sample> series = new ArrayList<>();
        for (int d = 13; d >= 0; d--) series.add(new Sample(Forecasts.AS_OF.minus(Duration.ofDays(d)), 100 + 10 * d));
        return Map.of(keys.getFirst(), series);
    };

    private final Forecast forecast = Forecasts.forecast(
            Forecasts.subnet("subnet-0a").available(100).critical().available(100).nodeGroups("web-spot").build(),
            Forecasts.subnet("subnet-0b").az("us-east-1b").build());

    private RunAudit audit(MetricHistory history) {
        return new RunAudit(new RunAudit.ForecastStep() {
            @Override
            public Forecast forecast(List<String> clusters, java.time.Instant asOf) {
                return forecast;
            }

            @Override
            public RunAudit.Forecasted read(List<String> clusters, java.time.Instant asOf) {
                return new RunAudit.Forecasted(forecast, Optional.of(EMPTY));
            }
        }, metrics, MetricMapping.Detail.LEAN, alerts, new InMemoryPorts.MemoryStates(),
                new RunAudit.AlertSettings(Severity.WARNING, Duration.ofHours(24)),
                Clock.fixed(Forecasts.AS_OF, ZoneOffset.UTC))
                .with(new RunwayAddOn(new ReadRunway(history, noScaling), 14));
    }

    @Test
    void aSubnetLosingTenADayWithAHundredLeftPublishesTenDaysAndTheAlertSaysSo() {
        RunAudit.Outcome o = audit(LOSING_TEN_A_DAY).audit(List.of(), true);

        // lean: the minimums the alarm and the dashboard read; the subnet's own RunwayDays only at full
        List<MetricPoint> mins = metrics.all().stream().filter(p -> p.name().equals("MinRunwayDays")).toList();
        assertThat(mins).extracting(p -> p.dimensions().isEmpty() ? "account" : p.dimensions().getFirst().value())
                .containsExactlyInAnyOrder("web-prod", "account");
        assertThat(mins).allSatisfy(p -> assertThat(p.value()).isCloseTo(10, within(0.05)));
        assertThat(metrics.all()).noneMatch(p -> p.name().equals("RunwayDays"));
        assertThat(metrics.all()).filteredOn(p -> p.name().equals("AuditErrors") && p.dimensions().isEmpty())
                .singleElement().satisfies(p -> assertThat(p.value()).isZero());

        Alert alert = alerts.sent.getFirst();
        assertThat(alert.text())
                .containsPattern("Runway by zone \\(its shortest subnet, at the current trend\\): us-east-1a 10\\.0 d "
                        + "\\([0-9.]+–[0-9.]+\\); us-east-1b no trend")
                .contains("  Runway: 10.0 d (")
                .contains("at the current trend (free addresses falling 10.0 a day) [metrics, 14 d of history], "
                        + "or immediately if web-spot scales to max.");
        assertThat(o.notes()).singleElement().asString()
                .contains("runway over 14 d", "1 subnet(s) from metrics, 1 subnet(s) from scaling-activities",
                        "shortest 10.0 d");
    }

    @Test
    void theFullDetailAlsoPublishesEachSubnetsRunwayWithinItsInterval() {
        Map<String, dev.eksip.app.runway.SubnetRunway> r = new ReadRunway(LOSING_TEN_A_DAY, noScaling)
                .read(EMPTY, forecast, 14);
        var extras = new RunwayAddOn(new ReadRunway(LOSING_TEN_A_DAY, noScaling), 14)
                .after(forecast, Optional.of(EMPTY), true);
        assertThat(extras.points()).filteredOn(p -> p.name().equals("RunwayDays")).singleElement()
                .satisfies(p -> assertThat(p.value()).isCloseTo(10, within(0.05)));
        var declining = (dev.eksip.app.runway.Runway.Declining) r.get("subnet-0a").runway();
        assertThat(declining.daysLow()).isLessThanOrEqualTo(10);
        assertThat(declining.daysHigh()).isGreaterThanOrEqualTo(10);
    }

    @Test
    void aHistoryThatCannotBeReadPublishesNoRunwayButTheForecastAndTheAlertsStillGoOut() {
        MetricHistory denied = (keys, from, to) -> {
            throw new AwsCallException("cloudwatch:GetMetricData", "AccessDenied", "not authorized", null);
        };

        RunAudit.Outcome o = audit(denied).audit(List.of(), true);

        assertThat(metrics.all()).noneMatch(p -> p.name().endsWith("RunwayDays"));
        assertThat(metrics.all()).anyMatch(p -> p.name().equals("MinForecastAvailableIpsAtMax"));
        assertThat(metrics.all()).filteredOn(p -> p.name().equals("AuditErrors") && p.dimensions().isEmpty())
                .singleElement().satisfies(p -> assertThat(p.value()).isEqualTo(1));
        assertThat(alerts.sent).singleElement().satisfies(a -> assertThat(a.text()).doesNotContain("Runway"));
        assertThat(o.notes()).singleElement().asString()
                .contains("runway history not read, no runway published", "AccessDenied");
    }

    @Test
    void withoutTheInventoryTheScalingFallbackIsNotGuessedFlat() {
        Forecast f = forecast;
        var addOn = new RunwayAddOn(new ReadRunway((keys, from, to) -> Map.of(), noScaling), 14);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> addOn.after(f, Optional.empty(), true))
                .hasMessageContaining("no inventory");
    }
}
