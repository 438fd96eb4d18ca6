package dev.eksip.app.inventory;

import static dev.eksip.testing.inventory.InventoryFixtures.cluster;
import static dev.eksip.testing.inventory.InventoryFixtures.node;
import static dev.eksip.testing.inventory.InventoryFixtures.nodeGroup;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.domain.Cluster;
import dev.eksip.domain.Inventory;
import dev.eksip.domain.KubeNodePool;
import dev.eksip.domain.KubePart;
import dev.eksip.domain.KubeView;
import dev.eksip.domain.NodeGroup;
import dev.eksip.domain.NodePool;
import dev.eksip.domain.NodePoolLimits;
import dev.eksip.domain.Provisioner;
import dev.eksip.testing.inventory.InventoryBuilder;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Exact mode fills in what the AWS APIs cannot show of a Karpenter NodePool: its {@code spec.limits} (which bound its
 * growth) and its EC2NodeClass's subnets (its candidates); and it keeps everything else the cluster and its groups
 * already carry (Auto Mode, observed settings, control-plane subnets, update configuration).
 */
class KubeNodePoolOverlayTest {
    static final Instant AS_OF = Instant.parse("2026-12-01T12:00:00Z");

    static Inventory karpenterCluster() {
        return new InventoryBuilder()
                .subnet("subnet-a", "vpc-1", "us-east-1a", "10.0.0.0/24")
                .subnet("subnet-b", "vpc-1", "us-east-1b", "10.0.1.0/24")
                .subnet("subnet-c", "vpc-1", "us-east-1c", "10.0.2.0/24")
                .cluster(cluster("c1").vpc("vpc-1").clusterSubnets("subnet-c").groups(
                        nodeGroup("default").pool(NodePool.observed(Provisioner.KARPENTER, "default"))
                                .type("m5.large").sizes(1, 1, 1).subnets("subnet-a"),
                        nodeGroup("ng").managed().type("m5.large").sizes(1, 1, 3).subnets("subnet-a")
                                .maxUnavailable(2)))
                .node(node("c1").inGroup("default").type("m5.large").subnet("subnet-a").secondaryIpsPerEni(9))
                .node(node("c1").inGroup("ng").type("m5.large").subnet("subnet-a").secondaryIpsPerEni(9))
                .build(AS_OF);
    }

    static KubeView view(List<KubeNodePool> pools) {
        return new KubeView("c1", Set.of(KubePart.NODE_POOLS, KubePart.NODE_CLASSES), List.of(), Map.of(), Map.of(),
                pools);
    }

    static NodeGroup group(Inventory inventory, String name) {
        return inventory.clusters().get(0).nodeGroups().stream().filter(g -> g.name().equals(name)).findFirst()
                .orElseThrow();
    }

    @Test
    void aNodePoolsLimitsAndNodeClassSubnetsComeFromTheKubernetesApi() {
        Inventory inventory = karpenterCluster();
        KubeNodePool pool = new KubeNodePool("default", KubeNodePool.Kind.KARPENTER,
                Map.of("cpu", "16", "memory", "64Gi"), List.of("m5.large"), "default",
                List.of("id=subnet-b", "tag:kubernetes.io/role/internal-elb=1"), List.of());

        Inventory exact = KubeOverlay.apply(inventory, List.of(view(List.of(pool))), List.of());

        NodeGroup g = group(exact, "default");
        assertThat(g.nodePool().limits()).isEqualTo(new NodePoolLimits(16_000, 64 * 1024));
        assertThat(g.nodePool().unbounded()).isFalse();
        assertThat(g.subnetIds()).containsExactly("subnet-b");   // the node class's selectors that match
        assertThat(group(exact, "ng").maxUnavailable()).isEqualTo(2);   // other groups untouched
    }

    @Test
    void overlayingKeepsTheClustersOtherFacts() {
        Inventory inventory = karpenterCluster();
        Cluster before = inventory.clusters().get(0);
        // real max pods from the nodes' capacity: the groups are rebuilt, and must keep what they were
        List<dev.eksip.domain.KubeNode> nodes = inventory.nodes().stream().map(n -> new dev.eksip.domain.KubeNode(
                n.instanceId(), "ip-" + n.instanceId(), n.availabilityZone(), "m5.large", 29, 3, "")).toList();
        KubeView view = new KubeView("c1", Set.of(KubePart.NODES), nodes, Map.of(), Map.of(), List.of());

        Cluster after = KubeOverlay.apply(inventory, List.of(view), List.of()).clusters().get(0);

        assertThat(after.subnetIds()).containsExactly("subnet-c").isEqualTo(before.subnetIds());
        assertThat(after.autoMode()).isEqualTo(before.autoMode());
        assertThat(after.cniObserved()).isEqualTo(before.cniObserved());
        assertThat(group(new Inventory(inventory.accountId(), inventory.region(), inventory.capturedAt(),
                inventory.subnets(), List.of(after), inventory.nodes(), inventory.otherEnis(),
                inventory.instanceLimits(), inventory.gaps()), "default").nodePool())
                .isEqualTo(group(inventory, "default").nodePool());
        assertThat(after.nodeGroups()).extracting(NodeGroup::maxPods).containsOnly(29);
        assertThat(after.nodeGroups()).extracting(NodeGroup::maxUnavailable).containsExactly(0, 2);
    }

    @Test
    void limitQuantitiesInKubernetesNotation() {
        assertThat(KubeNodePools.limits(Map.of("cpu", "1500m"))).isEqualTo(new NodePoolLimits(1500, -1));
        assertThat(KubeNodePools.limits(Map.of("cpu", "2", "memory", "1Ti"))).isEqualTo(new NodePoolLimits(2000, 1024 * 1024));
        assertThat(KubeNodePools.limits(Map.of("memory", "512Mi"))).isEqualTo(new NodePoolLimits(-1, 512));
        assertThat(KubeNodePools.limits(Map.of("memory", "1G"))).isEqualTo(new NodePoolLimits(-1, 953));
        assertThat(KubeNodePools.limits(Map.of())).isEqualTo(NodePoolLimits.NONE);
    }

    @Test
    void anAutoModeNodeClassGivesItsPoolPodSubnetsPerZoneAndSecondaryIpMode() {
        Inventory inventory = new InventoryBuilder()
                .subnet("subnet-a", "vpc-1", "us-east-1a", "10.0.0.0/24")
                .subnet("subnet-p", "vpc-1", "us-east-1a", "10.0.8.0/22")
                .cluster(cluster("c1").vpc("vpc-1").groups(
                        nodeGroup("general-purpose").pool(NodePool.observed(Provisioner.AUTO_MODE, "default"))
                                .type("m5.large").sizes(1, 1, 1).subnets("subnet-a")))
                .node(node("c1").inGroup("general-purpose").type("m5.large").subnet("subnet-a").prefixesPerEni(1))
                .build(AS_OF);
        KubeNodePool pool = new KubeNodePool("general-purpose", KubeNodePool.Kind.AUTO_MODE, Map.of(), List.of(),
                "default", List.of("id=subnet-a"), List.of("id=subnet-p"), true);

        NodePool after = group(KubeOverlay.apply(inventory, List.of(view(List.of(pool))), List.of()),
                "general-purpose").nodePool();

        assertThat(after.podSubnets()).containsExactly(Map.entry("us-east-1a", "subnet-p"));
        assertThat(after.secondaryIpMode()).isTrue();
        assertThat(after.unbounded()).isTrue();   // a NodePool without spec.limits
    }
}
