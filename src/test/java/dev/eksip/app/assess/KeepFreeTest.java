package dev.eksip.app.assess;

import static dev.eksip.testing.inventory.InventoryFixtures.cluster;
import static dev.eksip.testing.inventory.InventoryFixtures.node;
import static dev.eksip.testing.inventory.InventoryFixtures.nodeGroup;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.domain.ClusterForecast;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.Inventory;
import dev.eksip.domain.Severity;
import dev.eksip.domain.SubnetForecast;
import dev.eksip.simulation.Forecaster;
import dev.eksip.testing.inventory.InventoryBuilder;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/**
 * The addresses a subnet must keep free beyond the nodes' own: the cluster's control-plane ENIs, a managed node
 * group update's surge, load balancers, and what leaked CNI ENIs hold (vpc-cni-model.md, "Beyond the original:
 * addresses a subnet must keep free").
 */
class KeepFreeTest {
    private static final Instant AS_OF = Instant.parse("2026-11-25T12:00:00Z");
    private static final String VPC = "vpc-1";

    private static Forecast forecast(InventoryBuilder b) {
        Inventory inventory = b.build(AS_OF);
        return Assessment.forecast(inventory, Forecaster.figures(inventory), AS_OF);
    }

    private static SubnetForecast subnet(Forecast f, String id) {
        return f.subnets().stream().filter(s -> s.subnetId().equals(id)).findFirst().orElseThrow();
    }

    /** Two nodes of "ng" (20 addresses each) in subnet-a; the cluster's own subnets are given by the caller. */
    private static InventoryBuilder clusterWithOwnSubnets(int takenInControlPlaneSubnet) {
        InventoryBuilder b = new InventoryBuilder()
                .subnet("subnet-a", VPC, "us-east-1a", "10.0.0.0/24")
                .subnet("subnet-cp-a", VPC, "us-east-1a", "10.0.9.0/28")
                .subnet("subnet-cp-b", VPC, "us-east-1b", "10.0.9.16/28")
                .cluster(cluster("c1").vpc(VPC).clusterSubnets("subnet-cp-a", "subnet-cp-b")
                        .groups(nodeGroup("ng").managed().type("m5.large").sizes(1, 2, 4).subnets("subnet-a")))
                .node(node("c1").inGroup("ng").type("m5.large").subnet("subnet-a").secondaryIpsPerEni(9, 9))
                .node(node("c1").inGroup("ng").type("m5.large").subnet("subnet-a").secondaryIpsPerEni(9, 9));
        if (takenInControlPlaneSubnet > 0) b.otherEni("subnet-cp-a", takenInControlPlaneSubnet);
        return b;
    }

    @Test
    void aClusterSubnetWithTwoFreeAddressesIsCriticalAndBelongsToItsCluster() {
        Forecast f = forecast(clusterWithOwnSubnets(9));

        SubnetForecast cp = subnet(f, "subnet-cp-a");
        assertThat(cp.availableIps()).isEqualTo(2);
        assertThat(cp.clusters()).containsExactly("c1");
        assertThat(cp.controlPlaneOf()).containsExactly("c1");
        assertThat(cp.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(cp.reason()).contains("control plane of c1").contains("2 free").contains("at least 6");
        assertThat(cp.fix()).contains("UpdateClusterConfig");
        ClusterForecast c1 = f.clusters().get(0);
        assertThat(c1.subnetIds()).contains("subnet-cp-a", "subnet-cp-b");
        assertThat(c1.severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void aClusterSubnetWithSixFreeAddressesStaysOk() {
        Forecast f = forecast(clusterWithOwnSubnets(5));

        SubnetForecast cp = subnet(f, "subnet-cp-a");
        assertThat(cp.availableIps()).isEqualTo(6);
        assertThat(cp.severity()).isEqualTo(Severity.OK);
        assertThat(cp.controlPlaneOf()).containsExactly("c1");
        assertThat(subnet(f, "subnet-cp-b").severity()).isEqualTo(Severity.OK);
    }

    @Test
    void nodesGrowingIntoAClusterSubnetUntilFewerThanSixAreLeftAreAWarning() {
        // /28: 11 usable; a node holds 2; at max two more nodes leave 5, under the control plane's 6 (self-managed:
        // no update surge comes first)
        Forecast f = forecast(new InventoryBuilder()
                .subnet("subnet-cp", VPC, "us-east-1a", "10.0.9.0/28")
                .cluster(cluster("c1").vpc(VPC).clusterSubnets("subnet-cp")
                        .groups(nodeGroup("ng").selfManaged().type("m5.large").sizes(1, 1, 3).subnets("subnet-cp")))
                .node(node("c1").inGroup("ng").type("m5.large").subnet("subnet-cp").secondaryIpsPerEni(1)));

        SubnetForecast cp = subnet(f, "subnet-cp");
        assertThat(cp.atDesired().headline()).isGreaterThanOrEqualTo(6);
        assertThat(cp.atMax().headline()).isBetween(0, 5);
        assertThat(cp.severity()).isEqualTo(Severity.WARNING);
        assertThat(cp.reason()).contains("control plane of c1").contains("at max size");
    }

    @Test
    void aLoadBalancerSubnetBelowEightFreeAddressesIsFlagged() {
        Forecast f = forecast(clusterWithOwnSubnets(0)
                .subnet("subnet-elb", VPC, "us-east-1a", "10.0.8.0/28", "kubernetes.io/role/elb=1")
                .subnet("subnet-ilb", VPC, "us-east-1b", "10.0.8.16/28", "kubernetes.io/role/internal-elb=1")
                .otherEni("subnet-elb", 5)
                .otherEni("subnet-ilb", 2));

        SubnetForecast elb = subnet(f, "subnet-elb");
        assertThat(elb.availableIps()).isEqualTo(6);
        assertThat(elb.loadBalancerSubnet()).isTrue();
        assertThat(elb.severity()).isEqualTo(Severity.WARNING);
        assertThat(elb.reason()).contains("load balancer").contains("6 free").contains("at least 8");
        SubnetForecast ilb = subnet(f, "subnet-ilb");
        assertThat(ilb.availableIps()).isEqualTo(9);
        assertThat(ilb.loadBalancerSubnet()).isTrue();
        assertThat(ilb.severity()).isEqualTo(Severity.OK);
        assertThat(subnet(f, "subnet-a").loadBalancerSubnet()).isFalse();
    }

    @Test
    void leakedCniEnisAreCountedAsReclaimableWithTheFix() {
        Forecast f = forecast(clusterWithOwnSubnets(0).leakedEni("subnet-a", 10).leakedEni("subnet-a", 1)
                .otherEni("subnet-a", 3));

        SubnetForecast a = subnet(f, "subnet-a");
        assertThat(a.leakedEnis()).isEqualTo(2);
        assertThat(a.reclaimableIps()).isEqualTo(11);
        assertThat(a.fix()).contains("2 unattached VPC CNI ENIs").contains("11 addresses")
                .contains("delete-network-interface");
        assertThat(subnet(f, "subnet-cp-a").leakedEnis()).isZero();
        assertThat(subnet(f, "subnet-cp-a").fix()).isEmpty();
    }

    @Test
    void aManagedNodeGroupUpdateSurgesByTwiceItsZonesOrItsMaxUnavailable() {
        Forecast byZones = forecast(clusterWithOwnSubnets(0));
        SubnetForecast a = subnet(byZones, "subnet-a");
        // desired 2 = today's nodes; one zone: the update launches 2 more, each holding 20 addresses
        assertThat(a.atDesired().headline()).isEqualTo(a.availableIps());
        assertThat(a.atUpdate().headline()).isEqualTo(a.availableIps() - 2 * 20);
        assertThat(a.updateSurge()).containsEntry("c1/ng", 2);

        Forecast byMaxUnavailable = forecast(new InventoryBuilder()
                .subnet("subnet-a", VPC, "us-east-1a", "10.0.0.0/24")
                .cluster(cluster("c1").vpc(VPC)
                        .groups(nodeGroup("ng").managed().type("m5.large").sizes(1, 2, 4).maxUnavailable(5)
                                .subnets("subnet-a")))
                .node(node("c1").inGroup("ng").type("m5.large").subnet("subnet-a").secondaryIpsPerEni(9, 9))
                .node(node("c1").inGroup("ng").type("m5.large").subnet("subnet-a").secondaryIpsPerEni(9, 9)));
        SubnetForecast b = subnet(byMaxUnavailable, "subnet-a");
        assertThat(b.atUpdate().headline()).isEqualTo(b.availableIps() - 5 * 20);
        assertThat(b.updateSurge()).containsEntry("c1/ng", 5);
    }

    @Test
    void aSelfManagedGroupHasNoUpdateSurgeAndAShortUpdateIsAWarning() {
        Forecast selfManaged = forecast(new InventoryBuilder()
                .subnet("subnet-a", VPC, "us-east-1a", "10.0.0.0/24")
                .cluster(cluster("c1").vpc(VPC)
                        .groups(nodeGroup("ng").selfManaged().type("m5.large").sizes(1, 2, 4).subnets("subnet-a")))
                .node(node("c1").inGroup("ng").type("m5.large").subnet("subnet-a").secondaryIpsPerEni(9, 9))
                .node(node("c1").inGroup("ng").type("m5.large").subnet("subnet-a").secondaryIpsPerEni(9, 9)));
        SubnetForecast s = subnet(selfManaged, "subnet-a");
        assertThat(s.atUpdate()).isEqualTo(s.atDesired());
        assertThat(s.updateSurge()).isEmpty();

        // /26: 59 usable, 2 nodes hold 5 each; desired = max = 2, so only the update's surge of 20 runs short
        Forecast tight = forecast(new InventoryBuilder()
                .subnet("subnet-a", VPC, "us-east-1a", "10.0.0.0/26")
                .cluster(cluster("c1").vpc(VPC)
                        .groups(nodeGroup("ng").managed().type("m5.large").sizes(2, 2, 2).maxUnavailable(20)
                                .subnets("subnet-a")))
                .node(node("c1").inGroup("ng").type("m5.large").subnet("subnet-a").secondaryIpsPerEni(4))
                .node(node("c1").inGroup("ng").type("m5.large").subnet("subnet-a").secondaryIpsPerEni(4)));
        SubnetForecast t = subnet(tight, "subnet-a");
        assertThat(t.atMax().headline()).isEqualTo(t.availableIps());
        assertThat(t.atUpdate().headline()).isEqualTo(t.availableIps() - 20 * 5);
        assertThat(t.severity()).isEqualTo(Severity.WARNING);
        assertThat(t.reason()).contains("update");
    }
}
