package dev.eksip.simulation;

import dev.eksip.testing.inventory.InventoryFixtures;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.domain.Eni;
import dev.eksip.domain.EniHolding;
import dev.eksip.domain.EniRole;
import dev.eksip.domain.InterfaceType;
import dev.eksip.domain.Node;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

/** (b) of §9: the median node's observed ENIs, each with the role that decides where a new one goes (§5). */
class NodeCostTest {
    private static Eni eni(String id, InterfaceType type, int device, int secondaries, int prefixes) {
        return InventoryFixtures.eni(id).subnet("subnet-a").attachedTo("i-1", device).type(type).primaryIp("10.0.0.1")
                .secondaryIps(Collections.nCopies(secondaries, "10.0.0.2"))
                .prefixes(Collections.nCopies(prefixes, "10.0.1.0/28")).build();
    }

    private static Node node(String id, Eni... enis) {
        return new Node(id, "c1", "ng", "m5.large", "subnet-a", "us-east-1a", List.of(enis));
    }

    @Test
    void theMedianNodeByAddressesHeldGivesItsEnisWithTheirRoles() {
        Node small = node("i-1", eni("e1", InterfaceType.INTERFACE, 0, 1, 0));
        Node median = node("i-2", eni("e2", InterfaceType.INTERFACE, 0, 9, 0), eni("e3", InterfaceType.INTERFACE, 1, 0, 2),
                eni("e4", InterfaceType.TRUNK, 2, 0, 0), eni("e5", InterfaceType.BRANCH, -1, 0, 0));
        Node large = node("i-3", eni("e6", InterfaceType.INTERFACE, 0, 29, 3));

        assertThat(NodeCost.median(List.of(large, small, median))).containsExactly(
                new EniHolding(EniRole.PRIMARY, 9, 0), new EniHolding(EniRole.POD, 0, 2),
                new EniHolding(EniRole.TRUNK, 0, 0), new EniHolding(EniRole.BRANCH, 0, 0));
    }

    @Test
    void aMedianNodeWithoutAPrimaryEniStillTakesItsNodeAddress() {
        Node n = node("i-1", eni("e1", InterfaceType.INTERFACE, 1, 9, 0));
        assertThat(NodeCost.median(List.of(n)))
                .containsExactly(new EniHolding(EniRole.PRIMARY, 0, 0), new EniHolding(EniRole.POD, 9, 0));
    }
}
