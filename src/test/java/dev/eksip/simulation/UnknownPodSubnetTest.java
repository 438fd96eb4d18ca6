package dev.eksip.simulation;

import static dev.eksip.testing.inventory.InventoryFixtures.cluster;
import static dev.eksip.testing.inventory.InventoryFixtures.node;
import static dev.eksip.testing.inventory.InventoryFixtures.nodeGroup;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.domain.CniSettings;
import dev.eksip.domain.CniSource;
import dev.eksip.testing.inventory.InventoryBuilder;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/**
 * Custom networking in a zone where no pod ENI was observed yet (a new cluster, a group at min 0, a new zone): the
 * ENIConfig subnet of that zone is unknown. The forecast says so and never charges the pod ENIs to the node subnet.
 */
class UnknownPodSubnetTest {
    private static final Instant AS_OF = Instant.parse("2026-11-25T12:00:00Z");
    private static final String VPC = "vpc-1";
    private static final CniSettings CUSTOM = NodeModelTest.settings("AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG=true");

    private static SubnetFigures subnet(ForecastFigures f, String id) {
        return f.subnets().stream().filter(s -> s.subnetId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aZoneWithoutAnObservedPodSubnetIsAGapNamingTheZoneAndTheFixAndItsPodEnisAreNotChargedToTheNodeSubnet() {
        InventoryBuilder b = new InventoryBuilder()
                .subnet("subnet-a", VPC, "us-east-1a", "10.0.0.0/24")
                .subnet("subnet-b", VPC, "us-east-1b", "10.0.1.0/24")
                .subnet("subnet-pods-a", VPC, "us-east-1a", "100.64.0.0/20")
                .cluster(cluster("c1").vpc(VPC).cni(CUSTOM).cniFrom(CniSource.ADDON)
                        .podSubnet("us-east-1a", "subnet-pods-a")
                        .groups(nodeGroup("ng").managed().type("m5.large").sizes(0, 4, 4)
                                .subnets("subnet-a", "subnet-b")))
                .node(node("c1").inGroup("ng").type("m5.large").subnet("subnet-a").podSubnet("subnet-pods-a")
                        .secondaryIpsPerEni(0, 9, 9));
        ForecastFigures f = Forecaster.figures(b.build(AS_OF));

        SubnetFigures nodeB = subnet(f, "subnet-b");
        // full m5.large under custom networking: 2 pod ENIs x 10 elsewhere; in subnet-b only the primary ENI's 1.
        assertThat(nodeB.availableIps() - nodeB.atMax().full()).as("2 new nodes in b: primary IPs only")
                .isEqualTo(2);
        assertThat(f.gaps()).singleElement().satisfies(g -> {
            assertThat(g.scope().id()).isEqualTo("cluster/c1");
            assertThat(g.message()).contains("us-east-1b", "ENIConfig", "podSubnets", "not forecast");
        });
    }

    @Test
    void everyZoneKnownMeansNoGap() {
        InventoryBuilder b = new InventoryBuilder()
                .subnet("subnet-a", VPC, "us-east-1a", "10.0.0.0/24")
                .subnet("subnet-pods-a", VPC, "us-east-1a", "100.64.0.0/20")
                .cluster(cluster("c1").vpc(VPC).cni(CUSTOM).cniFrom(CniSource.ADDON)
                        .podSubnet("us-east-1a", "subnet-pods-a")
                        .groups(nodeGroup("ng").managed().type("m5.large").sizes(0, 2, 2).subnets("subnet-a")));
        assertThat(Forecaster.figures(b.build(AS_OF)).gaps()).isEmpty();
    }
}
