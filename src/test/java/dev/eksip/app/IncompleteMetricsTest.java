package dev.eksip.app;

import dev.eksip.testing.forecast.Forecasts;

import static dev.eksip.testing.forecast.Forecasts.forecast;
import static dev.eksip.testing.forecast.Forecasts.subnet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.eksip.app.port.MetricPoint;
import dev.eksip.app.port.MetricPoint.Dimension;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.InventoryGap;
import dev.eksip.domain.Scope;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * Issue 8 item 5: a partial inventory publishes no figure that reads healthier than the truth. A subnet whose
 * forecast a gap may have cut short publishes its observed figures and no forecast; the account publishes
 * {@code IncompleteSubnets} and none of the figures its alarms read; per cluster, {@code IncompleteSubnets} and
 * {@code AuditErrors} say which cluster.
 */
class IncompleteMetricsTest {
    private static final InventoryGap NODE_GROUPS_UNREAD = new InventoryGap(Scope.nodeGroup("web-prod", "web-spot"),
            "autoscaling:DescribeAutoScalingGroups", "AccessDenied", "denied");

    /** web-prod at risk in subnet-a; batch complete in subnet-b. */
    private static Forecast twoClusters(InventoryGap... gaps) {
        return forecast(List.of(subnet("subnet-a").clusters("web-prod").critical().build(),
                subnet("subnet-b").az("us-east-1b").clusters("batch").build()), gaps);
    }

    @Test
    void aCompleteAccountWideAuditPublishesItsCountsTheLowestForecastAndNoIncompleteSubnets() {
        List<MetricPoint> points = MetricMapping.points(twoClusters(), true, 0);
        assertThat(account(points)).containsExactlyInAnyOrder(tuple("SubnetsAtRisk", 1.0),
                tuple("SubnetsExhaustedAtMax", 1.0), tuple("MinForecastAvailableIpsAtMax", -40.0),
                tuple("IncompleteSubnets", 0.0), tuple("AuditErrors", 0.0));
        assertThat(cluster(points, "web-prod")).containsEntry("IncompleteSubnets", 0.0).containsEntry("AuditErrors", 0.0)
                .containsEntry("SubnetsAtRisk", 1.0);
    }

    @Test
    void unreadNodeGroupsWithholdTheSubnetsForecastAndTheAccountFiguresTheAlarmsRead() {
        List<MetricPoint> points = MetricMapping.points(twoClusters(NODE_GROUPS_UNREAD), true, 0);

        // was SubnetsAtRisk 1 → 0 (a false recovery); now no account figure an alarm could recover on
        assertThat(account(points)).containsExactlyInAnyOrder(tuple("IncompleteSubnets", 1.0), tuple("AuditErrors", 1.0));
        assertThat(perSubnet(points, "subnet-a")).containsOnlyKeys("AvailableIps", "UsableIps", "UtilizationPercent",
                "WarmIps");
        assertThat(perSubnet(points, "subnet-b")).containsKeys("ForecastAvailableIpsAtMax", "ForecastAvailableIpsAtDesired");
        assertThat(cluster(points, "web-prod")).containsOnly(Map.entry("IncompleteSubnets", 1.0),
                Map.entry("AuditErrors", 1.0));
        assertThat(cluster(points, "batch")).containsEntry("IncompleteSubnets", 0.0).containsEntry("AuditErrors", 0.0)
                .containsKeys("MinForecastAvailableIpsAtMax", "SubnetsAtRisk");
        assertThat(points).filteredOn(p -> p.dimensions().size() == 2
                        && p.dimensions().get(1).equals(new Dimension("AvailabilityZone", "us-east-1a")))
                .extracting(MetricPoint::name).doesNotContain("ForecastAvailableIpsAtMax", "ForecastAvailableIpsAtDesired");
    }

    @Test
    void aClusterThatSharesAnIncompleteSubnetPublishesNoRollUpEither() {
        Forecast shared = forecast(List.of(subnet("subnet-a").clusters("web-prod", "batch").build(),
                subnet("subnet-b").az("us-east-1b").clusters("batch").build()), NODE_GROUPS_UNREAD);
        List<MetricPoint> points = MetricMapping.points(shared, true, 0);
        assertThat(cluster(points, "batch")).containsOnly(Map.entry("IncompleteSubnets", 1.0),
                Map.entry("AuditErrors", 0.0));
        assertThat(perSubnet(points, "subnet-b")).containsKey("ForecastAvailableIpsAtMax");
    }

    @Test
    void aRegionWideGapOrAClusterThatCouldNotBeDescribedMakesEverySubnetIncomplete() {
        for (InventoryGap gap : List.of(
                new InventoryGap(Scope.region("us-east-1"), "autoscaling:DescribeAutoScalingGroups", "Throttling", "x"),
                new InventoryGap(Scope.cluster("other"), "eks:DescribeCluster", "AccessDeniedException", "x"),
                new InventoryGap(Scope.instanceType("x9.large"), "", "", "x"))) {
            List<MetricPoint> points = MetricMapping.points(twoClusters(gap), true, 0);
            assertThat(account(points)).as(gap.scope().id())
                    .containsExactlyInAnyOrder(tuple("IncompleteSubnets", 2.0), tuple("AuditErrors", 1.0));
            assertThat(points).as(gap.scope().id()).extracting(MetricPoint::name)
                    .doesNotContain("ForecastAvailableIpsAtMax", "NodesUntilExhaustion");
        }
    }

    @Test
    void aSubnetGapTouchesThatSubnetOnly() {
        List<MetricPoint> points = MetricMapping.points(twoClusters(
                new InventoryGap(new Scope.OfSubnet("subnet-b"), "ec2:GetSubnetCidrReservations", "Throttling", "x")),
                true, 0);
        assertThat(perSubnet(points, "subnet-b")).doesNotContainKey("ForecastAvailableIpsAtMax");
        assertThat(perSubnet(points, "subnet-a")).containsKey("ForecastAvailableIpsAtMax");
        assertThat(account(points)).contains(tuple("IncompleteSubnets", 1.0)).doesNotContain(tuple("SubnetsAtRisk", 1.0));
    }

    @Test
    void theRuleIsAPureFunctionOfTheForecast() {
        IncompleteSubnets i = IncompleteSubnets.of(twoClusters(NODE_GROUPS_UNREAD));
        assertThat(i.subnets()).containsExactly("subnet-a");
        assertThat(i.clusters()).containsExactly("web-prod");
        assertThat(i.gapsByCluster()).containsExactly(Map.entry("web-prod", 1));
        assertThat(i.none()).isFalse();
        assertThat(IncompleteSubnets.of(twoClusters()).none()).isTrue();
        // a gap of a cluster with no known subnet has an unknown reach, even in a forecast with no subnets
        assertThat(IncompleteSubnets.of(forecast(List.of(), new InventoryGap(Scope.cluster("c"), "", "", "x"))).none())
                .isFalse();
    }

    @Test
    void aClusterScopedAuditPublishesNoAccountLevelFiguresButItsClustersSignals() {
        List<MetricPoint> points = MetricMapping.points(twoClusters(NODE_GROUPS_UNREAD), false, 0);
        assertThat(account(points)).containsExactly(tuple("AuditErrors", 1.0));
        assertThat(cluster(points, "web-prod")).containsEntry("IncompleteSubnets", 1.0);
    }

    private static List<org.assertj.core.groups.Tuple> account(List<MetricPoint> points) {
        return points.stream().filter(p -> p.dimensions().isEmpty()).map(p -> tuple(p.name(), p.value())).toList();
    }

    private static Map<String, Double> cluster(List<MetricPoint> points, String name) {
        return points.stream().filter(p -> p.dimensions().equals(List.of(new Dimension("ClusterName", name))))
                .collect(Collectors.toMap(MetricPoint::name, MetricPoint::value));
    }

    private static Map<String, Double> perSubnet(List<MetricPoint> points, String id) {
        return points.stream().filter(p -> p.dimensions().equals(List.of(new Dimension("SubnetId", id),
                        new Dimension("VpcId", "vpc-0abc"))))
                .collect(Collectors.toMap(MetricPoint::name, MetricPoint::value));
    }
}
