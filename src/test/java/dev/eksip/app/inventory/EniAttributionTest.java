package dev.eksip.app.inventory;

import dev.eksip.testing.inventory.InventoryFixtures;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.domain.Eni;
import dev.eksip.domain.InterfaceType;
import dev.eksip.domain.Node;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/** ENIs to nodes vs other ENIs, with plain records. */
class EniAttributionTest {
    static NodeGroupAssembly.AttributedInstance node(String id, String cluster, String subnet) {
        return new NodeGroupAssembly.AttributedInstance(new InstanceFacts(id, "m5.large", subnet, "eu-west-1a",
                Map.of(), List.of(subnet)), cluster, "g");
    }

    static EniFacts eni(String id, String subnet, String instance, InterfaceType type, int device, String trunk) {
        return new EniFacts(InventoryFixtures.eni(id).subnet(subnet).attachedTo(instance, device).type(type)
                .primaryIp(id + "-ip").build(), trunk);
    }

    @Test
    void enisGoToTheirInstanceOrTheirTrunksInstanceInAttachOrderAndTheRestAreOther() {
        List<EniFacts> enis = List.of(
                eni("eni-1", "subnet-a", "i-1", InterfaceType.INTERFACE, 0, ""),
                eni("eni-1b", "subnet-a", "i-1", InterfaceType.INTERFACE, 1, ""),
                eni("eni-branch", "subnet-a", "", InterfaceType.BRANCH, -1, "eni-trunk"),
                eni("eni-lb", "subnet-b", "", InterfaceType.INTERFACE, -1, ""),
                eni("eni-orphan", "subnet-a", "", InterfaceType.BRANCH, -1, "eni-gone"),
                eni("eni-stranger", "subnet-a", "i-unaudited", InterfaceType.INTERFACE, 0, ""),
                eni("eni-trunk", "subnet-a", "i-1", InterfaceType.TRUNK, 2, ""),
                eni("eni-z", "subnet-a", "i-0", InterfaceType.INTERFACE, 0, ""));

        EniAttribution.Attached attached = EniAttribution.attach(
                List.of(node("i-1", "prod", "subnet-a"), node("i-0", "prod", "subnet-a"),
                        node("i-5", "dev", "subnet-a")), enis);

        assertThat(attached.nodes()).extracting(Node::instanceId).containsExactly("i-5", "i-0", "i-1");
        assertThat(attached.nodes().get(2).enis()).extracting(Eni::eniId)
                .containsExactly("eni-1", "eni-1b", "eni-trunk", "eni-branch");
        assertThat(attached.nodes().get(0).enis()).isEmpty();
        assertThat(attached.otherEnis()).extracting(Eni::eniId)
                .containsExactly("eni-orphan", "eni-stranger", "eni-lb");
        assertThat(attached.nodes().get(2)).extracting(Node::cluster, Node::nodeGroup, Node::subnetId,
                Node::availabilityZone).containsExactly("prod", "g", "subnet-a", "eu-west-1a");
    }
}
