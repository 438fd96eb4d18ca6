package dev.eksip.simulation;

import static dev.eksip.testing.inventory.InventoryFixtures.cluster;
import static dev.eksip.testing.inventory.InventoryFixtures.cni;
import static dev.eksip.testing.inventory.InventoryFixtures.node;
import static dev.eksip.testing.inventory.InventoryFixtures.nodeGroup;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.testing.inventory.InventoryBuilder;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The "full" assumption is an upper bound: existing nodes grow to max pods too, not only new ones. */
class FullGrowsExistingNodesTest {
    private static final Instant AS_OF = Instant.parse("2026-11-25T12:00:00Z");
    private static final String VPC = "vpc-1";

    private static SubnetFigures subnet(ForecastFigures f, String id) {
        return f.subnets().stream().filter(s -> s.subnetId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void existingNodesBelowMaxPodsGrowToItUnderFull() {
        // m5.large, 29 max pods: a full node holds 3 ENIs x (1 + 9) = 30; each existing node holds 2 ENIs = 20.
        InventoryBuilder b = new InventoryBuilder()
                .subnet("subnet-a", VPC, "us-east-1a", "10.0.0.0/24")
                .cluster(cluster("c1").vpc(VPC)
                        .groups(nodeGroup("ng").managed().type("m5.large").sizes(1, 2, 3).subnets("subnet-a")))
                .node(node("c1").inGroup("ng").type("m5.large").subnet("subnet-a").secondaryIpsPerEni(9, 9))
                .node(node("c1").inGroup("ng").type("m5.large").subnet("subnet-a").secondaryIpsPerEni(9, 9));
        SubnetFigures s = subnet(Forecaster.figures(b.build(AS_OF)), "subnet-a");

        assertThat(s.availableIps() - s.atDesired().full()).as("2 existing nodes + 1 ENI each").isEqualTo(2 * 10);
        assertThat(s.availableIps() - s.atMax().full()).as("and a new full node").isEqualTo(2 * 10 + 30);
        assertThat(s.atDesired().median()).as("median: existing nodes stay as observed").isEqualTo(s.availableIps());
    }

    @Test
    void existingPrefixNodesGrowByPrefixesInFreeBlocks() {
        // PD, managed m5.large: the calculator's 110 max pods; a full node holds ceil(110 / 16) = 7 prefixes.
        InventoryBuilder b = new InventoryBuilder()
                .subnet("subnet-a", VPC, "us-east-1a", "10.0.0.0/24")
                .cluster(cluster("c1").vpc(VPC).cni(cni().prefixDelegation())
                        .groups(nodeGroup("ng").managed().type("m5.large").sizes(1, 1, 1).subnets("subnet-a")))
                .node(node("c1").inGroup("ng").type("m5.large").subnet("subnet-a").prefixesPerEni(1));
        SubnetFigures s = subnet(Forecaster.figures(b.build(AS_OF)), "subnet-a");

        assertThat(s.atDesired().median() - s.atDesired().full()).as("6 more /28s").isEqualTo(6 * 16);
    }
}
