package dev.eksip.app.alert;

import dev.eksip.testing.forecast.Forecasts;
import dev.eksip.domain.Scope;

import static dev.eksip.testing.forecast.Forecasts.AS_OF;
import static dev.eksip.testing.forecast.Forecasts.forecast;
import static dev.eksip.testing.forecast.Forecasts.subnet;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.InventoryGap;
import dev.eksip.domain.Severity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

class AlertPolicyTest {
    private static final Duration REPEAT = Duration.ofHours(24);

    private static AlertPolicy.Findings findings(Forecast f) {
        return AlertPolicy.findings(f, Severity.WARNING).getFirst();
    }

    private static AlertPolicy.Decision decide(Forecast f, AlertState previous) {
        return AlertPolicy.decide(findings(f), Optional.ofNullable(previous), REPEAT);
    }

    @Test
    void aNewFindingIsSentAtOnce() {
        var d = decide(forecast(subnet("subnet-a").warning().build()), null);
        assertThat(d.alert()).get().extracting(Alert::kind, Alert::severity)
                .containsExactly(Alert.Kind.WORSENED, Severity.WARNING);
        assertThat(d.newState()).get().extracting(AlertState::subnets)
                .isEqualTo(SubnetSeverities.of(java.util.Map.of("subnet-a", Severity.WARNING)));
    }

    @Test
    void anUnchangedFindingIsNotResentWithinTheRepeatInterval() {
        AlertState sent = decide(forecast(subnet("subnet-a").warning().build()), null).newState().orElseThrow();
        Forecast later = Forecasts.at(forecast(subnet("subnet-a").warning().build()), AS_OF.plus(Duration.ofHours(23)));
        var d = decide(later, sent);
        assertThat(d.alert()).isEmpty();
        assertThat(d.newState()).isEmpty();
    }

    @Test
    void anUnchangedFindingIsRemindedOnceTheIntervalHasPassed() {
        AlertState sent = decide(forecast(subnet("subnet-a").warning().build()), null).newState().orElseThrow();
        Forecast later = Forecasts.at(forecast(subnet("subnet-a").warning().build()), AS_OF.plus(REPEAT));
        var d = decide(later, sent);
        assertThat(d.alert()).get().extracting(Alert::kind).isEqualTo(Alert.Kind.REMINDER);
        assertThat(d.newState().orElseThrow().lastSentAt()).isEqualTo(AS_OF.plus(REPEAT));
    }

    @Test
    void aHigherSeverityOrANewSubnetAtRiskIsAWorseningSentAtOnce() {
        AlertState sent = decide(forecast(subnet("subnet-a").warning().build()), null).newState().orElseThrow();
        Instant soon = AS_OF.plusSeconds(900);
        assertThat(decide(Forecasts.at(forecast(subnet("subnet-a").critical().build()), soon), sent).alert())
                .get().extracting(Alert::kind).isEqualTo(Alert.Kind.WORSENED);
        assertThat(decide(Forecasts.at(forecast(subnet("subnet-a").warning().build(),
                subnet("subnet-b").warning().build()), soon), sent).alert())
                .get().extracting(Alert::kind).isEqualTo(Alert.Kind.WORSENED);
    }

    @Test
    void aMilderFindingIsRememberedWithoutSendingSoARelapseCountsAsWorsening() {
        AlertState critical = decide(forecast(subnet("subnet-a").critical().build(),
                subnet("subnet-b").warning().build()), null).newState().orElseThrow();
        var milder = decide(Forecasts.at(forecast(subnet("subnet-a").warning().build()), AS_OF.plusSeconds(900)), critical);
        assertThat(milder.alert()).isEmpty();
        AlertState remembered = milder.newState().orElseThrow();
        assertThat(remembered.lastSentAt()).isEqualTo(AS_OF);
        assertThat(decide(Forecasts.at(forecast(subnet("subnet-a").critical().build()), AS_OF.plusSeconds(1800)),
                remembered).alert()).get().extracting(Alert::kind).isEqualTo(Alert.Kind.WORSENED);
    }

    @Test
    void recoveryIsAnnouncedOnceThenNothing() {
        AlertState sent = decide(forecast(subnet("subnet-a").warning().build()), null).newState().orElseThrow();
        var recovered = decide(Forecasts.at(forecast(subnet("subnet-a").build()), AS_OF.plusSeconds(900)), sent);
        assertThat(recovered.alert()).get().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(Alert.Kind.RECOVERED);
            assertThat(a.subject()).startsWith("[OK] web-prod");
        });
        var after = decide(Forecasts.at(forecast(subnet("subnet-a").build()), AS_OF.plusSeconds(1800)),
                recovered.newState().orElseThrow());
        assertThat(after.alert()).isEmpty();
        assertThat(after.newState()).isEmpty();
    }

    @Test
    void aClusterReadWithGapsIsNotDeclaredRecovered() {
        AlertState sent = decide(forecast(subnet("subnet-a").warning().build()), null).newState().orElseThrow();
        Forecast partial = Forecasts.at(forecast(List.of(subnet("subnet-a").build()),
                new InventoryGap(Scope.parse("nodegroup/web-prod/web-spot").orElseThrow(), "eks:DescribeNodegroup", "AccessDeniedException", "denied")),
                AS_OF.plusSeconds(900));
        var d = decide(partial, sent);
        assertThat(d.alert()).isEmpty();
        assertThat(d.newState()).isEmpty();
    }

    @Test
    void nothingIsSentForAHealthyClusterWithoutHistory() {
        var d = decide(forecast(subnet("subnet-a").build()), null);
        assertThat(d.alert()).isEmpty();
        assertThat(d.newState()).isEmpty();
    }

    @Test
    void warningsAreIgnoredWhenTheMinimumSeverityIsCritical() {
        var f = AlertPolicy.findings(forecast(subnet("subnet-a").warning().build()), Severity.CRITICAL).getFirst();
        assertThat(f.subnets()).isEmpty();
    }

    @Test
    void theBodyNamesSubnetZoneNodeGroupsForecastAndFix() throws Exception {
        Alert a = decide(forecast(subnet("subnet-a").az("us-east-1c").cidr("10.0.4.0/24").nodeGroups("web-spot", "web-od")
                .critical().build()), null).alert().orElseThrow();
        assertThat(a.subject()).isEqualTo("[CRITICAL] web-prod: 1 EKS subnet at risk of IP exhaustion");
        assertThat(a.text()).contains("subnet-a (10.0.4.0/24, us-east-1c, vpc-0abc): CRITICAL")
                .contains("Node groups: web-spot, web-od")
                .contains("Now: 12 of 251 usable addresses free")
                .contains("5 short at desired size, 40 short at max size")
                .contains("Fix: Add a secondary CIDR");
        JsonNode json = new ObjectMapper().readTree(a.json());
        assertThat(json.path("kind").asText()).isEqualTo("worsened");
        assertThat(json.path("severity").asText()).isEqualTo("critical");
        assertThat(json.path("subnets").get(0).path("forecastAtMax").path("median").asInt()).isEqualTo(-40);
        assertThat(json.path("subnets").get(0).path("nodeGroups")).hasSize(2);
    }

    @Test
    void theSubjectStaysUnder100AsciiCharactersForLongClusterNames() {
        String longName = "c" + "x".repeat(99);
        Alert a = decide(forecast(subnet("subnet-a").clusters(longName).warning().build()), null).alert().orElseThrow();
        assertThat(a.subject()).hasSizeLessThan(100).matches("[\\x20-\\x7E]+");
        assertThat(AlertRendering.subject("[OK] cluster ü")).isEqualTo("[OK] cluster ?");
    }
}
