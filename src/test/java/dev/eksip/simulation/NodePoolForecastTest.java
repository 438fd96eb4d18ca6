package dev.eksip.simulation;

import static dev.eksip.testing.inventory.InventoryFixtures.cluster;
import static dev.eksip.testing.inventory.InventoryFixtures.node;
import static dev.eksip.testing.inventory.InventoryFixtures.nodeGroup;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.domain.GrowthForecast;
import dev.eksip.domain.NodeGroupRef;
import dev.eksip.domain.NodePool;
import dev.eksip.domain.NodePoolLimits;
import dev.eksip.domain.PoolOutlook;
import dev.eksip.domain.Provisioner;
import dev.eksip.testing.inventory.InventoryBuilder;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Karpenter and EKS Auto Mode node pools through the forecast: bounded by limits or unbounded, and Auto Mode's rules. */
class NodePoolForecastTest {
    private static final Instant AS_OF = Instant.parse("2026-12-01T12:00:00Z");
    private static final String VPC = "vpc-1";
    private static final NodePool KARPENTER = NodePool.observed(Provisioner.KARPENTER, "default");

    private static SubnetFigures subnet(ForecastFigures f, String id) {
        return f.subnets().stream().filter(s -> s.subnetId().equals(id)).findFirst().orElseThrow();
    }

    /** Two m5.large Karpenter nodes of 2 ENIs x 10 addresses in subnet-a (/24: 251 usable, 211 available). */
    private static InventoryBuilder karpenter(NodePool pool) {
        return new InventoryBuilder()
                .subnet("subnet-a", VPC, "us-east-1a", "10.0.0.0/24")
                .subnet("subnet-a2", VPC, "us-east-1a", "10.0.1.0/25")
                .cluster(cluster("c1").vpc(VPC).groups(nodeGroup("default").pool(pool).type("m5.large")
                        .sizes(2, 2, 2).subnets("subnet-a", "subnet-a2")))
                .node(node("c1").inGroup("default").type("m5.large").subnet("subnet-a").secondaryIpsPerEni(9, 9))
                .node(node("c1").inGroup("default").type("m5.large").subnet("subnet-a2").secondaryIpsPerEni(9, 9));
    }

    @Test
    void withoutLimitsAPoolDoesNotGrowAndItsOutlookGivesNodesUntilExhaustionPerSubnet() {
        ForecastFigures f = Forecaster.figures(karpenter(KARPENTER).build(AS_OF));

        // no new node; under "full" the pool's existing nodes still grow to max pods (ExistingNodesGrowth): 221
        assertThat(subnet(f, "subnet-a").atMax()).isEqualTo(new GrowthForecast(231, 231, 221));
        assertThat(subnet(f, "subnet-a").atMax()).isEqualTo(subnet(f, "subnet-a").atDesired());
        assertThat(f.pools()).containsExactly(new PoolOutlook(new NodeGroupRef("c1", "default"),
                Provisioner.KARPENTER, 2, List.of("m5.large"), -1, List.of(
                        new PoolOutlook.SubnetRoom("subnet-a", 231, 20, 231 / 20),
                        new PoolOutlook.SubnetRoom("subnet-a2", 103, 20, 103 / 20))));
        assertThat(f.pools().get(0).unbounded()).isTrue();
    }

    @Test
    void cpuLimitsBoundGrowthAndKarpenterLaunchesIntoTheZonesSubnetWithTheMostFreeAddresses() {
        // 8 vCPUs of m5.large (2 vCPUs each): 4 nodes in all, 2 new. Both go to subnet-a (231 > 103 free), as
        // ZonalSubnetsForLaunch picks the zone's subnet with the most available addresses.
        ForecastFigures f = Forecaster.figures(karpenter(KARPENTER.withLimits(new NodePoolLimits(8000, -1)))
                .build(AS_OF));

        assertThat(subnet(f, "subnet-a").atDesired().median()).isEqualTo(231);
        assertThat(subnet(f, "subnet-a").atMax().median()).isEqualTo(231 - 2 * 20);
        assertThat(subnet(f, "subnet-a2").atMax().median()).isEqualTo(103);
        assertThat(f.pools().get(0).maxNodes()).isEqualTo(4);
        assertThat(f.pools().get(0).unbounded()).isFalse();
    }

    @Test
    void autoModeCapsMaxPodsAt110AndUsesPrefixesUnlessTheNodeClassAsksForSecondaryIps() {
        var m5 = InstanceCatalog.embedded().find("m5.large").orElseThrow();
        var prefixes = nodeGroup("gp").pool(NodePool.observed(Provisioner.AUTO_MODE, "default")).type("m5.large")
                .build();
        var secondary = nodeGroup("gp").pool(new NodePool(Provisioner.AUTO_MODE, "ip32", null, true, Map.of()))
                .type("m5.large").build();
        var c = cluster("c1").vpc(VPC).build();

        assertThat(Forecaster.maxPods(m5, AutoModeNetworking.view(c, prefixes).cni(), prefixes))
                .as("3 x 9 x 16 + 2 = 434, capped at 110").isEqualTo(110);
        assertThat(AutoModeNetworking.view(c, prefixes).cni().prefixDelegation()).isTrue();
        assertThat(Forecaster.maxPods(m5, AutoModeNetworking.view(c, secondary).cni(), secondary)).isEqualTo(29);
        assertThat(AutoModeNetworking.view(c, secondary).cni().prefixDelegation()).isFalse();
    }

    @Test
    void anAutoModeSubnetIsCountedInAddressesAsAutoModeFallsBackToSecondaryIpsWhenNoWholeBlockIsFree() {
        InventoryBuilder b = new InventoryBuilder()
                .subnet("subnet-a", VPC, "us-east-1a", "10.0.0.0/24")
                .cluster(cluster("c1").vpc(VPC).groups(nodeGroup("general-purpose")
                        .pool(NodePool.observed(Provisioner.AUTO_MODE, "default")).type("m5.large").sizes(1, 1, 1)
                        .subnets("subnet-a")))
                .node(node("c1").inGroup("general-purpose").type("m5.large").subnet("subnet-a").prefixesPerEni(2));
        ForecastFigures f = Forecaster.figures(b.build(AS_OF));

        assertThat(subnet(f, "subnet-a").prefixMode()).isFalse();
        assertThat(subnet(f, "subnet-a").freeNow()).isEqualTo(subnet(f, "subnet-a").availableIps());
        assertThat(f.pools()).singleElement().satisfies(p -> {
            assertThat(p.provisioner()).isEqualTo(Provisioner.AUTO_MODE);
            assertThat(p.subnets()).singleElement().satisfies(r -> assertThat(r.nodeCost()).isEqualTo(1 + 32));
        });
    }
}
