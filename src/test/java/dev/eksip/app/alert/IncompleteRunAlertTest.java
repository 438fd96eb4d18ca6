package dev.eksip.app.alert;

import static dev.eksip.testing.forecast.Forecasts.AS_OF;
import static dev.eksip.testing.forecast.Forecasts.forecast;
import static dev.eksip.testing.forecast.Forecasts.subnet;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eksip.testing.forecast.Forecasts;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.InventoryGap;
import dev.eksip.domain.Scope;
import dev.eksip.domain.Severity;
import dev.eksip.domain.SubnetForecast;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Issue 8 item 1: a run with a gap that can hide a cluster's growth never recovers it nor lowers its severity. */
class IncompleteRunAlertTest {
    private static final Duration REPEAT = Duration.ofHours(24);
    private static final InventoryGap ASG_DENIED = new InventoryGap(Scope.region("us-east-1"),
            "autoscaling:DescribeAutoScalingGroups", "AccessDenied", "denied");

    private static AlertPolicy.Decision decide(Forecast f, AlertState previous) {
        return AlertPolicy.decide(AlertPolicy.findings(f, Severity.WARNING).getFirst(), Optional.ofNullable(previous),
                REPEAT);
    }

    private static Forecast later(Duration after, List<SubnetForecast> subnets, InventoryGap... gaps) {
        return Forecasts.at(forecast(subnets, gaps), AS_OF.plus(after));
    }

    private static AlertState sent(SubnetForecast... subnets) {
        return decide(forecast(subnets), null).newState().orElseThrow();
    }

    @Test
    void aFailedDescribeAutoScalingGroupsIsNoRecovery() {
        var d = decide(later(Duration.ofMinutes(15), List.of(subnet("subnet-a").build()), ASG_DENIED),
                sent(subnet("subnet-a").warning().build()));
        assertThat(d.alert()).isEmpty();
        assertThat(d.newState()).isEmpty();
    }

    @Test
    void aMilderIncompleteRunKeepsTheWorseStateAndSendsNothing() {
        AlertState critical = sent(subnet("subnet-a").critical().build());
        var d = decide(later(Duration.ofMinutes(15), List.of(subnet("subnet-a").warning().build()),
                new InventoryGap(Scope.nodeGroup("web-prod", "web-spot"), "eks:DescribeNodegroup", "Throttling", "x")),
                critical);
        assertThat(d.alert()).isEmpty();
        assertThat(d.newState()).isEmpty();
    }

    @Test
    void noReminderAtALowerSeverityFromAnIncompleteRun() {
        AlertState critical = sent(subnet("subnet-a").critical().build());
        var d = decide(later(REPEAT, List.of(subnet("subnet-a").warning().build()), ASG_DENIED), critical);
        assertThat(d.alert()).isEmpty();
        assertThat(d.newState()).isEmpty();
    }

    @Test
    void aWorseningSeenInAnIncompleteRunIsSentSaysSoAndIsRecordedMergedWithTheWorseState() throws Exception {
        AlertState critical = sent(subnet("subnet-a").critical().build());
        var d = decide(later(Duration.ofMinutes(15), List.of(subnet("subnet-b").warning().build()), ASG_DENIED),
                critical);
        Alert a = d.alert().orElseThrow();
        assertThat(a.kind()).isEqualTo(Alert.Kind.WORSENED);
        assertThat(a.text()).contains("Incomplete read: 1 inventory gap(s) may hide this cluster's growth or holdings: "
                + "autoscaling:DescribeAutoScalingGroups on region/us-east-1 (AccessDenied). This run can neither "
                + "declare recovery nor lower the severity last sent.");
        JsonNode json = new ObjectMapper().readTree(a.json());
        assertThat(json.path("complete").asBoolean()).isFalse();
        assertThat(json.path("gaps").get(0).path("operation").asText()).isEqualTo("autoscaling:DescribeAutoScalingGroups");
        AlertState recorded = d.newState().orElseThrow();
        assertThat(recorded.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(recorded.subnets()).isEqualTo(SubnetSeverities.of(Map.of(
                "subnet-a", Severity.CRITICAL, "subnet-b", Severity.WARNING)));
    }

    @Test
    void aGapOfAnotherClustersSubnetDoesNotStopThisClustersRecovery() {
        InventoryGap otherSubnet = new InventoryGap(new Scope.OfSubnet("subnet-z"), "ec2:GetSubnetCidrReservations",
                "AccessDenied", "x");
        Forecast f = later(Duration.ofMinutes(15), List.of(subnet("subnet-a").build(),
                subnet("subnet-z").clusters("batch-jobs").build()), otherSubnet);
        var d = AlertPolicy.decide(AlertPolicy.findings(f, Severity.WARNING).stream()
                .filter(x -> x.cluster().equals("web-prod")).findFirst().orElseThrow(),
                Optional.of(sent(subnet("subnet-a").warning().build())), REPEAT);
        assertThat(d.alert()).get().extracting(Alert::kind).isEqualTo(Alert.Kind.RECOVERED);
    }

    @Test
    void theCompleteRunAfterwardsRecoversAsUsual() {
        AlertState warning = sent(subnet("subnet-a").warning().build());
        assertThat(decide(later(Duration.ofMinutes(15), List.of(subnet("subnet-a").build()), ASG_DENIED), warning)
                .alert()).isEmpty();
        assertThat(decide(later(Duration.ofMinutes(30), List.of(subnet("subnet-a").build())), warning).alert())
                .get().extracting(Alert::kind).isEqualTo(Alert.Kind.RECOVERED);
    }
}
