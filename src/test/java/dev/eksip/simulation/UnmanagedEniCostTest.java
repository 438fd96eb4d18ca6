package dev.eksip.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.domain.Cluster;
import dev.eksip.domain.CniSettings;
import dev.eksip.domain.CniSource;
import dev.eksip.domain.Eni;
import dev.eksip.domain.EniHolding;
import dev.eksip.domain.EniRole;
import dev.eksip.domain.InterfaceType;
import dev.eksip.domain.IpFamily;
import dev.eksip.domain.Node;
import dev.eksip.domain.Subnet;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/**
 * Issue 11 item 9: a median node's EFA ENIs and ENIs tagged {@code node.k8s.amazonaws.com/no_manage=true} were not
 * attached by ipamd (the launch template or the user did), so a new node's copies are not pod ENIs: they are not
 * sent to the ENIConfig subnet or a discovery candidate, they stay in the node's subnet.
 */
class UnmanagedEniCostTest {
    private static Eni eni(String id, InterfaceType type, int device, int secondaries, boolean noManage) {
        List<String> ips = java.util.stream.IntStream.range(0, secondaries).mapToObj(i -> "10.0.0." + (50 + i))
                .toList();
        return new Eni(id, "subnet-node", "i-1", type, device, "10.0.0." + (10 + device), ips, List.of(), noManage);
    }

    @Test
    void efaAndNoManageEnisOfTheMedianNodeAreUnmanagedNotPodEnis() {
        Node node = new Node("i-1", "prod", "ng", "p4d.24xlarge", "subnet-node", "eu-west-1a", List.of(
                eni("eni-0", InterfaceType.INTERFACE, 0, 3, false),
                eni("eni-1", InterfaceType.INTERFACE, 1, 5, false),
                eni("eni-2", InterfaceType.EFA, 2, 0, false),
                eni("eni-3", InterfaceType.INTERFACE, 3, 2, true)));

        assertThat(NodeCost.median(List.of(node))).extracting(EniHolding::role).containsExactly(
                EniRole.PRIMARY, EniRole.POD, EniRole.UNMANAGED, EniRole.UNMANAGED);
    }

    @Test
    void anUnmanagedEniStaysInTheNodeSubnetUnderCustomNetworkingWhereAPodEniMoves() {
        Subnet node = new Subnet("subnet-node", "vpc-1", "eu-west-1a", "10.0.0.0/24", 200, Map.of(), List.of());
        Subnet pods = new Subnet("subnet-pods", "vpc-1", "eu-west-1a", "100.64.0.0/20", 4000, Map.of(), List.of());
        Map<String, Subnet> byId = Map.of(node.subnetId(), node, pods.subnetId(), pods);
        Cluster c = new Cluster("prod", "vpc-1", IpFamily.IPV4, new CniSettings(1, 0, 0, false, 1, 0, true, false,
                true, false), CniSource.CONFIGURED, Map.of("eu-west-1a", "subnet-pods"), List.of());
        Destinations destinations = new Destinations(byId, new SubnetDiscovery(byId.values()));

        assertThat(destinations.of(new EniHolding(EniRole.POD, 5, 0), c, "eu-west-1a", node, Map.of()))
                .isEqualTo(pods);
        assertThat(destinations.of(new EniHolding(EniRole.UNMANAGED, 2, 0), c, "eu-west-1a", node, Map.of()))
                .isEqualTo(node);
    }
}
