package dev.eksip.app;

import dev.eksip.domain.Scope;

import static dev.eksip.testing.forecast.Forecasts.AS_OF;
import static dev.eksip.testing.forecast.Forecasts.forecast;
import static dev.eksip.testing.forecast.Forecasts.subnet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.eksip.app.port.MetricPoint;
import dev.eksip.app.port.MetricPoint.Dimension;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.InventoryGap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

class MetricMappingTest {
    private final Forecast forecast = forecast(List.of(
            subnet("subnet-a").available(12).usable(251).warm(30).critical().build(),
            subnet("subnet-b").az("us-east-1b").prefixBlocks(7).build()),
            // a gap that touches no audited subnet: counted, nothing withheld (IncompleteMetricsTest has the others)
            new InventoryGap(Scope.parse("subnet/subnet-unused").orElseThrow(), "ec2:GetSubnetCidrReservations",
                    "AccessDenied", "denied"));

    @Test
    void publishesEveryPerSubnetMetricWithSubnetAndVpcDimensions() {
        List<MetricPoint> points = MetricMapping.points(forecast, true, 0);
        Map<String, Double> a = perSubnet(points, "subnet-a");
        assertThat(a).containsOnlyKeys("AvailableIps", "UsableIps", "UtilizationPercent", "WarmIps",
                "ForecastAvailableIpsAtDesired", "ForecastAvailableIpsAtMax", "NodesUntilExhaustion");
        assertThat(a.get("AvailableIps")).isEqualTo(12);
        assertThat(a.get("UsableIps")).isEqualTo(251);
        assertThat(a.get("WarmIps")).isEqualTo(30);
        assertThat(a.get("ForecastAvailableIpsAtDesired")).isEqualTo(-5);   // the median (headline) scenario
        assertThat(a.get("ForecastAvailableIpsAtMax")).isEqualTo(-40);
        assertThat(a.get("NodesUntilExhaustion")).isEqualTo(0);
        assertThat(a.get("UtilizationPercent")).isCloseTo(100.0 * 239 / 251, within(1e-9));
        assertThat(perSubnet(points, "subnet-b")).containsEntry("FreePrefixBlocks", 7.0);
    }

    @Test
    void aSubnetNoNodeGroupGrowsIntoHasNoNodesUntilExhaustionDatum() {
        Forecast idle = forecast(List.of(subnet("subnet-idle").nodesUntilExhaustion(-1).build()));

        assertThat(perSubnet(MetricMapping.points(idle, true, 0), "subnet-idle"))
                .doesNotContainKey("NodesUntilExhaustion").containsKey("AvailableIps");
    }

    @Test
    void publishesZoneClusterAndAccountLevelMetrics() {
        List<MetricPoint> points = MetricMapping.points(forecast, true, 0);
        assertThat(points).filteredOn(p -> p.dimensions().equals(List.of(new Dimension("VpcId", "vpc-0abc"),
                        new Dimension("AvailabilityZone", "us-east-1a"))))
                .extracting(MetricPoint::name).containsExactlyInAnyOrderElementsOf(MetricMapping.ZONE_METRICS);
        assertThat(points).filteredOn(p -> p.dimensions().equals(List.of(new Dimension("ClusterName", "web-prod"))))
                .extracting(MetricPoint::name, MetricPoint::value)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("MinForecastAvailableIpsAtDesired", -5.0),
                        org.assertj.core.groups.Tuple.tuple("MinForecastAvailableIpsAtMax", -40.0),
                        org.assertj.core.groups.Tuple.tuple("SubnetsAtRisk", 1.0),
                        org.assertj.core.groups.Tuple.tuple("SubnetsExhaustedAtMax", 1.0),
                        org.assertj.core.groups.Tuple.tuple("IncompleteSubnets", 0.0),
                        org.assertj.core.groups.Tuple.tuple("AuditErrors", 0.0));
        assertThat(points).filteredOn(p -> p.dimensions().isEmpty())
                .extracting(MetricPoint::name, MetricPoint::value)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("SubnetsAtRisk", 1.0),
                        org.assertj.core.groups.Tuple.tuple("SubnetsExhaustedAtMax", 1.0),
                        org.assertj.core.groups.Tuple.tuple("MinForecastAvailableIpsAtMax", -40.0),
                        org.assertj.core.groups.Tuple.tuple("IncompleteSubnets", 0.0),
                        org.assertj.core.groups.Tuple.tuple("AuditErrors", 1.0));
    }

    @Test
    void aClusterScopedAuditPublishesNoAccountLevelAtRiskCounts() {
        List<MetricPoint> points = MetricMapping.points(forecast, false, 2);
        assertThat(points).filteredOn(p -> p.dimensions().isEmpty())
                .extracting(MetricPoint::name, MetricPoint::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("AuditErrors", 3.0));
    }

    @Test
    void everyPointIsFiniteStampedWithTheAuditTimeAndNamedFromTheProductSet() {
        List<MetricPoint> points = MetricMapping.points(forecast, true, 0);
        assertThat(points).allSatisfy(p -> {
            assertThat(p.timestamp()).isEqualTo(AS_OF);
            assertThat(Double.isFinite(p.value())).isTrue();
            assertThat(p.unit()).isIn("Count", "Percent");
        });
        assertThat(points).extracting(MetricPoint::name).allSatisfy(n -> assertThat(n).isIn(
                concat(MetricMapping.SUBNET_METRICS, MetricMapping.ZONE_METRICS, MetricMapping.CLUSTER_METRICS,
                        MetricMapping.ACCOUNT_METRICS)));
    }

    @Test
    void leanKeepsOnlyTheLeanKindsInTheirOrderAndFullKeepsEverything() {
        List<MetricPoint> all = MetricMapping.points(forecast, true, 0);
        List<MetricPoint> lean = MetricMapping.points(forecast, true, 0, MetricMapping.Detail.LEAN);

        assertThat(MetricMapping.points(forecast, true, 0, MetricMapping.Detail.FULL)).isEqualTo(all);
        assertThat(lean).isEqualTo(all.stream().filter(p -> MetricMapping.LEAN.contains(MetricMapping.Kind.of(p))).toList());
        // every lean kind but the runway's (RunwayMetrics publishes those)
        assertThat(lean).extracting(MetricMapping.Kind::of).containsAll(MetricMapping.LEAN.stream()
                .filter(k -> !RunwayMetrics.NAMES.contains(k.name())).toList());
        assertThat(perSubnet(lean, "subnet-a")).containsOnlyKeys("AvailableIps", "ForecastAvailableIpsAtDesired",
                "ForecastAvailableIpsAtMax", "NodesUntilExhaustion");
        assertThat(lean).noneMatch(p -> p.dimensions().stream().anyMatch(d -> d.name().equals("AvailabilityZone")));
        // a failed audit's one datum is lean too
        assertThat(MetricMapping.Detail.LEAN.select(List.of(MetricMapping.auditErrors(1, AS_OF)))).hasSize(1);
    }

    @Test
    void leanKindsAreAllPublishedKindsAndAKindIgnoresDimensionOrder() {
        List<String> names = concat(MetricMapping.SUBNET_METRICS, MetricMapping.ZONE_METRICS,
                MetricMapping.CLUSTER_METRICS, MetricMapping.ACCOUNT_METRICS, RunwayMetrics.NAMES);
        assertThat(MetricMapping.LEAN).allSatisfy(k -> assertThat(names).contains(k.name()));
        assertThat(new MetricMapping.Kind("AvailableIps", List.of("VpcId", "SubnetId")))
                .isEqualTo(new MetricMapping.Kind("AvailableIps", List.of("SubnetId", "VpcId")));
        assertThat(MetricMapping.Detail.LEAN.publishes(new MetricMapping.Kind("AvailableIps",
                List.of("VpcId", "AvailabilityZone")))).isFalse();
        assertThat(MetricMapping.Detail.FULL.publishes(new MetricMapping.Kind("AvailableIps",
                List.of("VpcId", "AvailabilityZone")))).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"lean,LEAN", "LEAN,LEAN", " full ,FULL", "Full,FULL"})
    void detailParsesLeanAndFullInAnyCase(String text, MetricMapping.Detail expected) {
        assertThat(MetricMapping.Detail.parse(text)).isEqualTo(expected);
    }

    @Test
    void anotherDetailIsRejected() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MetricMapping.Detail.parse("minimal"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lean or full");
    }

    @Test
    void aNonFiniteValueIsRejected() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        new MetricPoint("X", "Count", Double.NaN, List.of(), AS_OF))
                .hasMessageContaining("finite");
    }

    private static List<String> concat(List<String>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
    }

    private static Map<String, Double> perSubnet(List<MetricPoint> points, String subnet) {
        return points.stream()
                .filter(p -> p.dimensions().equals(List.of(new Dimension("SubnetId", subnet), new Dimension("VpcId", "vpc-0abc"))))
                .collect(Collectors.toMap(MetricPoint::name, MetricPoint::value));
    }
}
