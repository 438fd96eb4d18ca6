package dev.eksip.app.inventory;

import dev.eksip.testing.inventory.EniBuilder;
import dev.eksip.testing.inventory.InventoryFixtures;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.domain.Eni;
import dev.eksip.domain.InterfaceType;
import dev.eksip.domain.Node;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/** Custom networking pod subnets inferred per zone from pod ENIs. */
class PodSubnetsTest {
    static Eni eni(String id, String subnet, int device) {
        return eniOf(id, subnet, device).build();
    }

    /** An ENI of instance "i", to refine (type, no_manage) before building. */
    static EniBuilder eniOf(String id, String subnet, int device) {
        return InventoryFixtures.eni(id).subnet(subnet).attachedTo("i", device).primaryIp(id + "-ip");
    }

    static Node node(String id, String subnet, String az, Eni... enis) {
        return new Node(id, "prod", "g", "m5.large", subnet, az, List.of(enis));
    }

    @Test
    void eachZoneTakesTheSubnetHoldingMostPodEnis() {
        List<Node> nodes = List.of(
                node("i-1", "subnet-a", "eu-west-1a", eni("e1", "subnet-a", 0), eni("e1p", "subnet-pa", 1)),
                node("i-2", "subnet-a", "eu-west-1a", eni("e2", "subnet-a", 0), eni("e2p", "subnet-pa", 1),
                        eni("e2q", "subnet-qa", 2)),
                node("i-3", "subnet-b", "eu-west-1b", eni("e3", "subnet-b", 0), eni("e3p", "subnet-pb", 1)));

        assertThat(PodSubnets.infer(nodes)).isEqualTo(Map.of("eu-west-1a", "subnet-pa", "eu-west-1b", "subnet-pb"));
    }

    @Test
    void primaryOwnSubnetUnmanagedTrunkBranchAndZonelessEnisDoNotCountAndTiesGoToTheLowestId() {
        List<Node> nodes = List.of(
                node("i-1", "subnet-a", "eu-west-1a", eni("e0", "subnet-x", 0), eni("e1", "subnet-a", 1),
                        eniOf("e2", "subnet-x", 2).type(InterfaceType.INTERFACE).noManage().build(),
                        eniOf("e3", "subnet-x", 3).type(InterfaceType.TRUNK).build(),
                        eniOf("e4", "subnet-x", -1).type(InterfaceType.BRANCH).build(),
                        eni("e5", "subnet-q", 4), eni("e6", "subnet-p", 5)),
                node("i-2", "subnet-b", "", eni("e7", "subnet-x", 1)));

        assertThat(PodSubnets.infer(nodes)).isEqualTo(Map.of("eu-west-1a", "subnet-p"));
        assertThat(PodSubnets.infer(List.of())).isEmpty();
    }
}
