package dev.eksip.simulation;

import static dev.eksip.testing.inventory.InventoryFixtures.node;

import static dev.eksip.testing.inventory.InventoryFixtures.cluster;

import static dev.eksip.testing.inventory.InventoryFixtures.nodeGroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.eksip.domain.CniSettings;
import dev.eksip.domain.CniSource;
import dev.eksip.domain.GrowthForecast;
import dev.eksip.domain.NodeGroup;
import dev.eksip.testing.inventory.InventoryBuilder;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Issue 8 item 9: growth costs O(distinct node shapes), not O(nodes). The figures are asserted first; the time bound
 * is generous (the node-by-node simulation took 15.6 s for 5,000,000 nodes and did not finish 2^31−1 in a minute).
 */
class GrowthScaleTest {
    private static final Instant AS_OF = Instant.parse("2026-11-25T12:00:00Z");
    private static final Duration BOUND = Duration.ofSeconds(5);

    private static SubnetFigures subnet(ForecastFigures f, String id) {
        return f.subnets().stream().filter(s -> s.subnetId().equals(id)).findFirst().orElseThrow();
    }

    private static InventoryBuilder oneSubnet(NodeGroup g) {
        return new InventoryBuilder()
                .subnet("subnet-a", "vpc-1", "us-east-1a", "10.0.0.0/24")
                .cluster(cluster("c1").vpc("vpc-1").cni(CniSettings.DEFAULTS).cniFrom(CniSource.DEFAULT).groups(g))
                .node(node("c1").inGroup(g.name()).type("m5.large").subnet("subnet-a").secondaryIpsPerEni(9, 9))
                .node(node("c1").inGroup(g.name()).type("m5.large").subnet("subnet-a").secondaryIpsPerEni(9, 9));
    }

    @Test
    void fiveMillionNodesAreForecastExactlyAndFast() {
        ForecastFigures f = assertTimeoutPreemptively(BOUND, () ->
                Forecaster.figures(oneSubnet(nodeGroup("ng").managed().type("m5.large").sizes(1, 4, 5_000_000)
                        .subnets("subnet-a").build()).build(AS_OF)));
        long n = 5_000_000 - 2;
        // under full, the two existing nodes also grow to a full node: one more ENI of 10 each
        assertThat(subnet(f, "subnet-a").atMax()).isEqualTo(new GrowthForecast((int) (211 - n * 10),
                (int) (211 - n * 20), (int) (211 - n * 30 - 2 * 10)));
    }

    @Test
    void aMaxSizeOfTwoToThe31MinusOneSaturatesAtTheLowestFigureInsteadOfOverflowing() {
        ForecastFigures f = assertTimeoutPreemptively(BOUND, () -> Forecaster.figures(
                oneSubnet(nodeGroup("ng").managed().type("m5.large").sizes(1, 4, Integer.MAX_VALUE)
                        .subnets("subnet-a").build()).build(AS_OF)));
        SubnetFigures s = subnet(f, "subnet-a");
        assertThat(s.atMax()).isEqualTo(new GrowthForecast(Integer.MIN_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE));
        assertThat(s.atDesired()).isEqualTo(new GrowthForecast(211 - 2 * 10, 211 - 2 * 20, 211 - 2 * 30 - 2 * 10));
    }

    @Test
    void aKubeletMaxPodsOfTwoBillionFillsTheNodesEnisAndNoMore() {
        NodeGroup g = new NodeGroup("ng", false, false, List.of("m5.large"), 1, 4, 6, List.of("subnet-a"),
                "ng-asg", 2_000_000_000);
        ForecastFigures f = assertTimeoutPreemptively(BOUND, () -> Forecaster.figures(oneSubnet(g).build(AS_OF)));
        // m5.large: 3 ENIs x (1 + 9): a full node takes 30 addresses however many pods kubelet would admit; the
        // two existing nodes (2 ENIs) grow to it too under full.
        assertThat(subnet(f, "subnet-a").atMax())
                .isEqualTo(new GrowthForecast(211 - 4 * 10, 211 - 4 * 20, 211 - 4 * 30 - 2 * 10));
    }

    @Test
    void bothAtOnceAcrossZonesSubnetsAndDiscoveryStayWithinTheBound() {
        NodeGroup g = new NodeGroup("ng", false, false, List.of("m5.large"), 0, 0, Integer.MAX_VALUE,
                List.of("subnet-a", "subnet-a2", "subnet-b"), "ng-asg", 2_000_000_000);
        CniSettings discovery = new CniSettings(1, 0, 0, false, 0, 0, false, false, true, false);
        InventoryBuilder b = new InventoryBuilder()
                .subnet("subnet-a", "vpc-1", "us-east-1a", "10.0.0.0/24")
                .subnet("subnet-a2", "vpc-1", "us-east-1a", "10.0.1.0/25")
                .subnet("subnet-b", "vpc-1", "us-east-1b", "10.0.2.0/24")
                .subnet("subnet-pods-a", "vpc-1", "us-east-1a", "10.1.0.0/20", "kubernetes.io/role/cni=1")
                .cluster(cluster("c1").vpc("vpc-1").cni(discovery).cniFrom(CniSource.DEFAULT).groups(g));
        ForecastFigures f = assertTimeoutPreemptively(BOUND, () -> Forecaster.figures(b.build(AS_OF)));
        assertThat(subnet(f, "subnet-pods-a").atMax().full()).isEqualTo(Integer.MIN_VALUE);
        assertThat(subnet(f, "subnet-b").atMax().full()).isEqualTo(Integer.MIN_VALUE);
    }
}
