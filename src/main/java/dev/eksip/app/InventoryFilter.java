package dev.eksip.app;

import dev.eksip.domain.Cluster;
import dev.eksip.domain.Eni;
import dev.eksip.domain.Inventory;
import dev.eksip.domain.Node;
import dev.eksip.domain.NodeGroup;
import dev.eksip.domain.Subnet;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Narrows an inventory to some clusters and the subnets they use (for {@code audit --cluster}). */
public final class InventoryFilter {
    private InventoryFilter() {
    }

    /**
     * @throws IllegalArgumentException naming an unknown cluster and the known ones
     */
    public static Inventory clusters(Inventory inventory, List<String> names) {
        if (names.isEmpty()) return inventory;
        Set<String> known = new TreeSet<>();
        inventory.clusters().forEach(c -> known.add(c.name()));
        for (String n : names)
            if (!known.contains(n))
                throw new IllegalArgumentException("--cluster: unknown cluster '%s'; the inventory has %s"
                        .formatted(n, String.join(", ", known)));
        List<Cluster> clusters = inventory.clusters().stream().filter(c -> names.contains(c.name())).toList();
        List<Node> nodes = inventory.nodes().stream().filter(n -> names.contains(n.cluster())).toList();
        Set<String> subnets = new HashSet<>();
        Set<String> vpcs = new HashSet<>();
        for (Cluster c : clusters) {
            vpcs.add(c.vpcId());
            subnets.addAll(c.podSubnets().values());
            for (NodeGroup g : c.nodeGroups()) subnets.addAll(g.subnetIds());
        }
        for (Node n : nodes) {
            subnets.add(n.subnetId());
            for (Eni e : n.enis()) subnets.add(e.subnetId());
        }
        List<Subnet> keptSubnets = inventory.subnets().stream().filter(s -> subnets.contains(s.subnetId())
                || names.stream().anyMatch(n -> s.tags().containsKey("kubernetes.io/cluster/" + n))
                || (vpcs.contains(s.vpcId()) && s.tags().containsKey("kubernetes.io/role/cni"))).toList();
        Set<String> keptIds = new HashSet<>();
        keptSubnets.forEach(s -> keptIds.add(s.subnetId()));
        return new Inventory(inventory.accountId(), inventory.region(), inventory.capturedAt(), keptSubnets, clusters,
                nodes, inventory.otherEnis().stream().filter(e -> keptIds.contains(e.subnetId())).toList(),
                inventory.instanceLimits(), inventory.gaps(),
                inventory.kube().stream().filter(k -> names.contains(k.cluster())).toList());
    }
}
