package dev.eksip.app.alert;

import dev.eksip.testing.forecast.Forecasts;

import static dev.eksip.testing.forecast.Forecasts.forecast;
import static dev.eksip.testing.forecast.Forecasts.subnet;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.domain.Forecast;
import dev.eksip.domain.InventoryGap;
import dev.eksip.domain.Scope;
import org.junit.jupiter.api.Test;

import java.util.List;

/** Which gaps make which cluster's run incomplete: one case per kind of scope. */
class CompletenessTest {
    private static Forecast twoClustersWith(InventoryGap gap) {
        return forecast(List.of(subnet("subnet-web").clusters("web-prod").warning().build(),
                subnet("subnet-batch").clusters("batch-jobs").build(),
                subnet("subnet-shared").clusters("web-prod", "batch-jobs").build()), gap);
    }

    private static InventoryGap gap(String scope, String operation) {
        return new InventoryGap(Scope.parse(scope).orElseThrow(), operation, "AccessDenied", "denied");
    }

    private static boolean webComplete(InventoryGap g) {
        return Completeness.of(twoClustersWith(g), "web-prod").complete();
    }

    private static boolean batchComplete(InventoryGap g) {
        return Completeness.of(twoClustersWith(g), "batch-jobs").complete();
    }

    @Test
    void aClusterGapTouchesThatClusterOnly() {
        InventoryGap g = gap("cluster/web-prod", "eks:DescribeCluster");
        assertThat(webComplete(g)).isFalse();
        assertThat(batchComplete(g)).isTrue();
    }

    @Test
    void aNodeGroupGapTouchesItsClusterOnly() {
        InventoryGap g = gap("nodegroup/batch-jobs/spot", "eks:DescribeNodegroup");
        assertThat(webComplete(g)).isTrue();
        assertThat(batchComplete(g)).isFalse();
    }

    @Test
    void aRegionWideGapTouchesEveryCluster() {
        for (String op : List.of("autoscaling:DescribeAutoScalingGroups", "autoscaling:DescribeLaunchConfigurations",
                "ec2:DescribeInstanceTypes")) {
            InventoryGap g = gap("region/us-east-1", op);
            assertThat(webComplete(g)).as(op).isFalse();
            assertThat(batchComplete(g)).as(op).isFalse();
        }
    }

    @Test
    void aSubnetGapTouchesTheClustersThatUseTheSubnet() {
        InventoryGap own = gap("subnet/subnet-web", "ec2:GetSubnetCidrReservations");
        assertThat(webComplete(own)).isFalse();
        assertThat(batchComplete(own)).isTrue();
        InventoryGap shared = gap("subnet/subnet-shared", "ec2:GetSubnetCidrReservations");
        assertThat(webComplete(shared)).isFalse();
        assertThat(batchComplete(shared)).isFalse();
    }

    @Test
    void aGapOfASubnetTheForecastDoesNotKnowTouchesEveryCluster() {
        InventoryGap unknown = gap("subnet/subnet-elsewhere", "ec2:GetSubnetCidrReservations");
        assertThat(webComplete(unknown)).isFalse();
        assertThat(batchComplete(unknown)).isFalse();
    }

    @Test
    void aLaunchTemplateGapTouchesEveryClusterForTheForecastDoesNotKeepWhichGroupUsesIt() {
        InventoryGap g = gap("launch-template/lt-0abc", "ec2:DescribeLaunchTemplateVersions");
        assertThat(webComplete(g)).isFalse();
        assertThat(batchComplete(g)).isFalse();
    }

    @Test
    void anInstanceTypeGapTouchesEveryClusterForTheForecastDoesNotKeepWhichGroupUsesIt() {
        InventoryGap g = new InventoryGap(Scope.instanceType("x9.large"), "", "", "unknown type");
        assertThat(webComplete(g)).isFalse();
        assertThat(batchComplete(g)).isFalse();
    }

    @Test
    void theSummaryNamesTheCallsAndCountsTheRest() {
        Forecast f = forecast(List.of(subnet("subnet-web").build()), gap("region/us-east-1",
                "autoscaling:DescribeAutoScalingGroups"), gap("cluster/web-prod", "eks:DescribeCluster"),
                gap("nodegroup/web-prod/a", "eks:DescribeNodegroup"), gap("nodegroup/web-prod/b", "eks:DescribeNodegroup"));
        Completeness c = Completeness.of(f, "web-prod");
        assertThat(c.gaps()).hasSize(4);
        assertThat(c.summary()).isEqualTo("4 inventory gap(s) may hide this cluster's growth or holdings: "
                + "autoscaling:DescribeAutoScalingGroups on region/us-east-1 (AccessDenied); eks:DescribeCluster on "
                + "cluster/web-prod (AccessDenied); eks:DescribeNodegroup on nodegroup/web-prod/a (AccessDenied); and 1 more");
        assertThat(Completeness.of(forecast(subnet("subnet-web").build()), "web-prod").summary()).isEqualTo("complete");
    }
}
