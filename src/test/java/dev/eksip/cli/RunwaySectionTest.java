package dev.eksip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.app.runway.HistorySource;
import dev.eksip.app.runway.Runway;
import dev.eksip.app.runway.SubnetRunway;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.SubnetForecast;
import dev.eksip.testing.forecast.Forecasts;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

class RunwaySectionTest {
    private static final Runway TEN = new Runway.Declining(-10, -11, -9, 10, 100 / 11.0, 100 / 9.0);

    @Test
    void theHeadlineGivesTheTrendThenTheStructuralForecastWhenMaxRunsOut() {
        SubnetForecast critical = Forecasts.subnet("subnet-0a").available(100).critical().nodeGroups("ng-1").build();
        SubnetForecast fine = Forecasts.subnet("subnet-0b").available(100).build();
        SubnetRunway r = new SubnetRunway("subnet-0a", HistorySource.METRICS, 14, SubnetRunway.ADDRESSES, TEN);

        assertThat(critical.atMax().headline()).isNegative();
        assertThat(RunwaySection.headline(critical, r))
                .isEqualTo("runs dry in 10 days at the current trend, or immediately if ng-1 scales to max");
        assertThat(RunwaySection.headline(fine, r)).isEqualTo("runs dry in 10 days at the current trend");
        assertThat(RunwaySection.headline(fine, new SubnetRunway("subnet-0b", HistorySource.SCALING_ACTIVITIES, 14,
                SubnetRunway.ADDRESSES, new Runway.NoTrend(3, Runway.Reason.GROWING))))
                .isEqualTo("no decline at the current trend (growing)");
    }

    @Test
    void theSectionListsEverySubnetWithItsSourceAndDays() {
        Forecast f = Forecasts.forecast(Forecasts.subnet("subnet-0a").available(100).build());
        String text = RunwaySection.render(f, Map.of("subnet-0a",
                new SubnetRunway("subnet-0a", HistorySource.METRICS, 14, SubnetRunway.ADDRESSES, TEN)));
        assertThat(text).contains("subnet-0a", "10.0 d (9.1–11.1)", "metrics 14 d", "runs dry in 10 days");
    }

    @Test
    void theJsonReportGainsARunwayArray() throws Exception {
        Forecast f = Forecasts.forecast(Forecasts.subnet("subnet-0a").available(100).critical().nodeGroups("ng-1")
                .build(), Forecasts.subnet("subnet-0b").available(300).build());
        String json = RunwayJson.withRunway(dev.eksip.app.report.ReportJson.render(f, "live"), f, Map.of(
                "subnet-0a", new SubnetRunway("subnet-0a", HistorySource.METRICS, 14, SubnetRunway.ADDRESSES, TEN),
                "subnet-0b", new SubnetRunway("subnet-0b", HistorySource.SCALING_ACTIVITIES, 14,
                        SubnetRunway.ADDRESSES, new Runway.NoTrend(Double.NaN, Runway.Reason.TOO_SHORT))));
        com.fasterxml.jackson.databind.JsonNode tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        assertThat(tree.path("reportVersion").asInt()).isEqualTo(1);
        assertThat(tree.path("subnets")).hasSize(2);
        com.fasterxml.jackson.databind.JsonNode a = tree.path("runway").get(0);
        assertThat(a.path("subnetId").asText()).isEqualTo("subnet-0a");
        assertThat(a.path("source").asText()).isEqualTo("metrics");
        assertThat(a.path("historyDays").asInt()).isEqualTo(14);
        assertThat(a.path("trend").asText()).isEqualTo("declining");
        assertThat(a.path("days").asDouble()).isEqualTo(10.0);
        assertThat(a.path("daysLow").asDouble()).isEqualTo(9.09);
        assertThat(a.path("daysHigh").asDouble()).isEqualTo(11.11);
        assertThat(a.path("headline").asText()).endsWith("or immediately if ng-1 scales to max");
        com.fasterxml.jackson.databind.JsonNode b = tree.path("runway").get(1);
        assertThat(b.path("trend").asText()).isEqualTo("none");
        assertThat(b.path("reason").asText()).isEqualTo("too little history");
        assertThat(b.path("days").isNull()).isTrue();
    }

    @Test
    void historyNeedsLiveAndASensibleWindow() {
        assertThat(run("audit", "--history")).isEqualTo(2);
        assertThat(run("audit", "--live", "--history", "3")).isEqualTo(2);
        assertThat(run("audit", "--live", "--history", "456")).isEqualTo(2);
    }

    private static int run(String... args) {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream p = new PrintStream(sink, true, StandardCharsets.UTF_8);
        return Main.run(List.of(args), Map.of("AWS_REGION", "us-east-1"), p, p);
    }
}
