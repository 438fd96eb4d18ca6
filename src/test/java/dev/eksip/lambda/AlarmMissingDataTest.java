package dev.eksip.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eksip.testing.forecast.Forecasts;
import dev.eksip.app.MetricMapping;
import dev.eksip.app.port.MetricPoint;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.InventoryGap;
import dev.eksip.domain.Scope;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 8 item 5, the template's side: the alarms on the figures an incomplete audit withholds keep their state on
 * missing data (never OK, never ALARM for want of data), and each reads a metric the code publishes only when the
 * audit was complete. Incompleteness has its own alarm, and the missed-run alarm counts a metric every account-wide
 * audit publishes, complete or not.
 */
class AlarmMissingDataTest {
    private final Template template = Template.load();

    private static final Forecast COMPLETE = Forecasts.forecast(
            List.of(Forecasts.subnet("subnet-a").critical().build()));
    private static final Forecast INCOMPLETE = Forecasts.forecast(
            List.of(Forecasts.subnet("subnet-a").critical().build()),
            new InventoryGap(Scope.nodeGroup("web-prod", "web-spot"), "autoscaling:DescribeAutoScalingGroups",
                    "AccessDenied", "denied"));

    private JsonNode alarm(String name) {
        return template.resource(name).path("Properties");
    }

    private static boolean publishedAtAccountLevel(Forecast f, String metric) {
        return MetricMapping.points(f, true, 0).stream().map(MetricPoint.class::cast)
                .anyMatch(p -> p.dimensions().isEmpty() && p.name().equals(metric));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SubnetsAtRiskAlarm", "SubnetsExhaustedAtMaxAlarm", "MinForecastAlarm"})
    void forecastAlarmsKeepTheirStateWhileTheAuditIsIncomplete(String name) {
        JsonNode p = alarm(name);
        assertThat(p.path("TreatMissingData").asText()).isEqualTo("ignore");
        assertThat(p.path("Dimensions").isMissingNode() || p.path("Dimensions").isEmpty()).isTrue();
        String metric = p.path("MetricName").asText();
        assertThat(publishedAtAccountLevel(COMPLETE, metric)).as(metric + " when complete").isTrue();
        assertThat(publishedAtAccountLevel(INCOMPLETE, metric)).as(metric + " when incomplete").isFalse();
        assertThat(p.path("OKActions").get(0).asText()).isEqualTo("AlertTopic");
    }

    @Test
    void anIncompleteAuditHasItsOwnAlarmThatRecoversWhenTheReadIsCompleteAgain() {
        JsonNode p = alarm("IncompleteAuditAlarm");
        assertThat(p.path("MetricName").asText()).isEqualTo("IncompleteSubnets");
        assertThat(p.path("ComparisonOperator").asText()).isEqualTo("GreaterThanOrEqualToThreshold");
        assertThat(p.path("Threshold").asInt()).isEqualTo(1);
        assertThat(p.path("AlarmActions").get(0).asText()).isEqualTo("AlertTopic");
        assertThat(p.path("OKActions").get(0).asText()).isEqualTo("AlertTopic");
        assertThat(publishedAtAccountLevel(INCOMPLETE, "IncompleteSubnets")).isTrue();
    }

    @Test
    void aMissedRunIsNoIncompleteOneTheMissedRunAlarmCountsWhatEveryAccountWideAuditPublishes() {
        JsonNode p = alarm("MissedRunsAlarm");
        String metric = p.path("MetricName").asText();
        assertThat(p.path("Statistic").asText()).isEqualTo("SampleCount");
        assertThat(p.path("TreatMissingData").asText()).isEqualTo("breaching");
        assertThat(publishedAtAccountLevel(COMPLETE, metric)).isTrue();
        assertThat(publishedAtAccountLevel(INCOMPLETE, metric)).isTrue();
        assertThat(MetricMapping.points(COMPLETE, false, 0)).noneMatch(x -> x.dimensions().isEmpty()
                && x.name().equals(metric));
    }
}
