package dev.eksip.simulation;

import static dev.eksip.testing.inventory.InventoryFixtures.cluster;
import static dev.eksip.testing.inventory.InventoryFixtures.node;
import static dev.eksip.testing.inventory.InventoryFixtures.nodeGroup;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.domain.CniSettings;
import dev.eksip.domain.Inventory;
import dev.eksip.domain.KubeNode;
import dev.eksip.domain.KubePart;
import dev.eksip.domain.KubeView;
import dev.eksip.testing.inventory.InventoryBuilder;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * With pods known (exact mode), a new node under the "median" assumption costs what ipamd holds for the group's
 * median real pod count (NodeModel), not the median of what the nodes happen to hold: after a scale-down ipamd keeps
 * ENIs that pods pin (vpc-cni-model.md §7), so the holdings overstate what a new node will take.
 */
class ExactMedianTest {
    static final Instant AS_OF = Instant.parse("2026-12-01T12:00:00Z");

    /** Three m5.large nodes each holding 3 ENIs × 9 secondary IPs (27) after a scale-down; 4 pods run on each. */
    static Inventory account() {
        InventoryBuilder b = new InventoryBuilder()
                .subnet("subnet-a", "vpc-1", "us-east-1a", "10.0.0.0/22")
                .cluster(cluster("c1").vpc("vpc-1").groups(nodeGroup("ng").managed().type("m5.large")
                        .sizes(3, 3, 13).subnets("subnet-a")));
        for (int i = 0; i < 3; i++)
            b.node(node("c1").inGroup("ng").type("m5.large").subnet("subnet-a").secondaryIpsPerEni(9, 9, 9));
        return b.build(AS_OF);
    }

    static Inventory withPods(Inventory inventory, int pods) {
        List<KubeNode> nodes = inventory.nodes().stream().map(n -> new KubeNode(n.instanceId(), "ip-" + n.instanceId(),
                n.availabilityZone(), "m5.large", 29, pods, "")).toList();
        KubeView view = new KubeView("c1", Set.of(KubePart.NODES, KubePart.PODS), nodes, Map.of(), Map.of(), List.of());
        return new Inventory(inventory.accountId(), inventory.region(), inventory.capturedAt(), inventory.subnets(),
                inventory.clusters(), inventory.nodes(), inventory.otherEnis(), inventory.instanceLimits(),
                inventory.gaps(), List.of(view));
    }

    static int medianLeftAtMax(Inventory inventory) {
        return Forecaster.figures(inventory).subnets().get(0).atMax().median();
    }

    @Test
    void theMedianNewNodeHoldsWhatIpamdKeepsForTheMedianRealPodCount() {
        Inventory estimated = account();
        Inventory exact = withPods(estimated, 4);
        int free = Forecaster.figures(estimated).subnets().get(0).freeNow();
        // ipamd's defaults (WARM_ENI_TARGET=1) for 4 pods on m5.large: the primary ENI's 9 IPs plus one warm ENI
        int modelled = NodeModel.converge(InstanceCatalog.embedded().find("m5.large").orElseThrow(),
                CniSettings.DEFAULTS, 29, 4, 0).enis().stream().mapToInt(e -> e.take().addresses()).sum();

        assertThat(free - medianLeftAtMax(estimated)).isEqualTo(10 * 30);   // observed: 3 ENIs × (1 + 9) per node
        assertThat(free - medianLeftAtMax(exact)).isEqualTo(10 * modelled).isLessThan(10 * 30);
    }

    @Test
    void withoutPodsTheObservedMedianHoldingStands() {
        Inventory nodesOnly = withPods(account(), 4);
        KubeView v = nodesOnly.kube().get(0);
        Inventory noPods = new Inventory(nodesOnly.accountId(), nodesOnly.region(), nodesOnly.capturedAt(),
                nodesOnly.subnets(), nodesOnly.clusters(), nodesOnly.nodes(), nodesOnly.otherEnis(),
                nodesOnly.instanceLimits(), nodesOnly.gaps(), List.of(new KubeView("c1", Set.of(KubePart.NODES),
                v.nodes(), Map.of(), Map.of(), List.of())));

        assertThat(medianLeftAtMax(noPods)).isEqualTo(medianLeftAtMax(account()));
    }
}
