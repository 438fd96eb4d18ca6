package dev.eksip.app;

import static dev.eksip.testing.inventory.InventoryFixtures.cluster;
import static dev.eksip.testing.inventory.InventoryFixtures.cni;
import static dev.eksip.testing.inventory.InventoryFixtures.node;
import static dev.eksip.testing.inventory.InventoryFixtures.nodeGroup;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.domain.ClusterForecast;
import dev.eksip.domain.CniSource;
import dev.eksip.domain.Eni;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.Inventory;
import dev.eksip.domain.InterfaceType;
import dev.eksip.domain.Node;
import dev.eksip.testing.inventory.InventoryBuilder;
import dev.eksip.testing.inventory.InventoryFixtures;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Settings changed with {@code kubectl set env} on an add-on-managed aws-node are invisible to the add-on's
 * configuration values: what the nodes show wins, and each disagreement is reported.
 */
class ObservedCniForecastTest {
    private static final Instant AS_OF = Instant.parse("2026-11-25T12:00:00Z");
    private static final String VPC = "vpc-1";

    private static ClusterForecast only(Forecast f) {
        assertThat(f.clusters()).hasSize(1);
        return f.clusters().get(0);
    }

    @Test
    void nodesHoldingPrefixesProvePrefixDelegationOverTheAddonsDeclaration() {
        Inventory inv = new InventoryBuilder()
                .subnet("subnet-a", VPC, "us-east-1a", "10.0.0.0/22")
                .cluster(cluster("c1").vpc(VPC).cni(cni()).cniFrom(CniSource.ADDON)
                        .groups(nodeGroup("ng").managed().type("m5.large").sizes(1, 3, 3).subnets("subnet-a")))
                .node(node("c1").inGroup("ng").type("m5.large").subnet("subnet-a").prefixesPerEni(2))
                .build(AS_OF);
        ClusterForecast c = only(RunForecast.forecast(inv, AS_OF));

        assertThat(c.cniSource()).isEqualTo(CniSource.OBSERVED);
        assertThat(c.cni().prefixDelegation()).isTrue();
        assertThat(c.notes()).anySatisfy(n -> assertThat(n)
                .contains("ENABLE_PREFIX_DELEGATION", "addon", "/28 prefixes", "1 of 1 nodes"));
        assertThat(RunForecast.forecast(inv, AS_OF).subnets().get(0).prefixMode()).isTrue();
    }

    @Test
    void podEnisInAnotherUntaggedSubnetProveCustomNetworkingAndGiveTheZonesPodSubnet() {
        Inventory inv = new InventoryBuilder()
                .subnet("subnet-a", VPC, "us-east-1a", "10.0.0.0/24")
                .subnet("subnet-pods", VPC, "us-east-1a", "100.64.0.0/20")
                .cluster(cluster("c1").vpc(VPC).cni(cni()).cniFrom(CniSource.CONFIGURED)
                        .groups(nodeGroup("ng").managed().type("m5.large").sizes(1, 2, 2).subnets("subnet-a")))
                .node(node("c1").inGroup("ng").type("m5.large").subnet("subnet-a").podSubnet("subnet-pods")
                        .secondaryIpsPerEni(0, 9, 9))
                .build(AS_OF);
        Forecast f = RunForecast.forecast(inv, AS_OF);
        ClusterForecast c = only(f);

        assertThat(c.cniSource()).isEqualTo(CniSource.OBSERVED);
        assertThat(c.cni().customNetworking()).isTrue();
        assertThat(c.notes()).anySatisfy(n -> assertThat(n)
                .contains("AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG", "configured", "subnet-pods"));
        var pods = f.subnets().stream().filter(s -> s.subnetId().equals("subnet-pods")).findFirst().orElseThrow();
        assertThat(pods.availableIps() - pods.atDesired().median()).as("the new node's 2 pod ENIs").isEqualTo(20);
    }

    @Test
    void podEnisInASubnetDiscoveryCandidateProveNothing() {
        Inventory inv = new InventoryBuilder()
                .subnet("subnet-a", VPC, "us-east-1a", "10.0.0.0/24")
                .subnet("subnet-extra", VPC, "us-east-1a", "100.64.0.0/20", "kubernetes.io/role/cni=1")
                .cluster(cluster("c1").vpc(VPC).cni(cni()).cniFrom(CniSource.ADDON)
                        .groups(nodeGroup("ng").managed().type("m5.large").sizes(1, 2, 2).subnets("subnet-a")))
                .node(node("c1").inGroup("ng").type("m5.large").subnet("subnet-a").podSubnet("subnet-extra")
                        .secondaryIpsPerEni(0, 9))
                .build(AS_OF);
        ClusterForecast c = only(RunForecast.forecast(inv, AS_OF));
        assertThat(c.cniSource()).isEqualTo(CniSource.ADDON);
        assertThat(c.cni().customNetworking()).isFalse();
    }

    @Test
    void aTrunkEniProvesSecurityGroupsForPods() {
        Inventory base = new InventoryBuilder()
                .subnet("subnet-a", VPC, "us-east-1a", "10.0.0.0/24")
                .cluster(cluster("c1").vpc(VPC).cni(cni()).cniFrom(CniSource.DEFAULT)
                        .groups(nodeGroup("ng").managed().type("m5.large").sizes(1, 1, 1).subnets("subnet-a")))
                .node(node("c1").inGroup("ng").type("m5.large").subnet("subnet-a").secondaryIpsPerEni(3))
                .build(AS_OF);
        Node n = base.nodes().get(0);
        List<Eni> enis = new ArrayList<>(n.enis());
        enis.add(InventoryFixtures.eni("eni-trunk").subnet("subnet-a").attachedTo(n.instanceId(), 1)
                .type(InterfaceType.TRUNK).primaryIp("10.0.0.200").build());
        Inventory inv = new Inventory(base.accountId(), base.region(), base.capturedAt(), base.subnets(),
                base.clusters(), List.of(new Node(n.instanceId(), n.cluster(), n.nodeGroup(), n.instanceType(),
                n.subnetId(), n.availabilityZone(), enis)), base.otherEnis(), base.instanceLimits(), base.gaps());

        ClusterForecast c = only(RunForecast.forecast(inv, AS_OF));
        assertThat(c.cniSource()).isEqualTo(CniSource.OBSERVED);
        assertThat(c.cni().podEni()).isTrue();
        assertThat(c.notes()).anySatisfy(n2 -> assertThat(n2).contains("ENABLE_POD_ENI", "default", "trunk ENI"));
    }

    @Test
    void nodesThatAgreeLeaveTheDeclaredSource() {
        Inventory inv = new InventoryBuilder()
                .subnet("subnet-a", VPC, "us-east-1a", "10.0.0.0/22")
                .cluster(cluster("c1").vpc(VPC).cni(cni().prefixDelegation()).cniFrom(CniSource.ADDON)
                        .groups(nodeGroup("ng").managed().type("m5.large").sizes(1, 3, 3).subnets("subnet-a")))
                .node(node("c1").inGroup("ng").type("m5.large").subnet("subnet-a").prefixesPerEni(2))
                .build(AS_OF);
        ClusterForecast c = only(RunForecast.forecast(inv, AS_OF));
        assertThat(c.cniSource()).isEqualTo(CniSource.ADDON);
        assertThat(c.notes()).noneMatch(n -> n.contains("nodes show"));
    }
}
