package dev.eksip.simulation;

import dev.eksip.domain.Cluster;
import dev.eksip.domain.Eni;
import dev.eksip.domain.Inventory;
import dev.eksip.domain.Node;
import dev.eksip.domain.NodeGroupRef;
import dev.eksip.domain.Subnet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The observed phase (vpc-cni-model.md §9.2): today's holdings are read from the ENIs, never recomputed. Per
 * subnet the addresses and prefixes its ENIs hold, the warm addresses estimated on its nodes ({@link WarmEstimate})
 * and the nodes whose primary ENI is in it; per node group its nodes.
 */
final class ObservedHoldings {
    private final Map<String, List<Eni>> enis = new HashMap<>();
    private final Map<String, Integer> warm = new HashMap<>();
    private final Map<String, Integer> nodesInSubnet = new HashMap<>();
    private final Map<NodeGroupRef, GroupNodes> nodesByGroup = new HashMap<>();
    private int unattributedNodes;
    private String lastSubnet;
    private List<Eni> lastEnis;

    private ObservedHoldings() {
    }

    static ObservedHoldings observe(Inventory inventory, WarmEstimate estimate) {
        ObservedHoldings o = new ObservedHoldings();
        Map<String, Cluster> clusters = new HashMap<>();
        for (Cluster c : inventory.clusters()) clusters.put(c.name(), c);
        String groupCluster = null;
        String groupName = null;
        GroupNodes group = null;
        Cluster c = null;
        for (Node n : inventory.nodes()) {
            if (!n.cluster().equals(groupCluster) || !n.nodeGroup().equals(groupName)) {
                groupCluster = n.cluster();         // nodes come grouped by node group: one lookup per run
                groupName = n.nodeGroup();
                group = o.nodesByGroup.computeIfAbsent(new NodeGroupRef(groupCluster, groupName),
                        k -> new GroupNodes());
                c = clusters.get(groupCluster);
            }
            o.nodesInSubnet.merge(n.subnetId(), 1, Integer::sum);
            if (n.nodeGroup().isEmpty()) o.unattributedNodes++;
            int addresses = 0;
            for (Eni e : n.enis()) {
                o.record(e);
                addresses += e.take().addresses();
            }
            group.add(n, addresses);
            if (c == null) continue;
            int idle = estimate.idle(n, c);
            if (idle > 0) {
                // Warm addresses sit on the pod ENIs; attribute them to the subnet holding most pod addresses.
                String where = n.subnetId();
                int most = Integer.MIN_VALUE;
                for (Eni e : n.enis()) {
                    int podAddresses = e.secondaryIps().size() + 16 * e.prefixes().size();
                    if (podAddresses > most) {      // the first of equals, as Stream.max keeps
                        most = podAddresses;
                        where = e.subnetId();
                    }
                }
                o.warm.merge(where, idle, Integer::sum);
            }
        }
        for (Eni e : inventory.otherEnis()) o.record(e);
        return o;
    }

    private void record(Eni e) {
        if (!e.subnetId().equals(lastSubnet)) {     // a node's ENIs mostly share a subnet: look it up once
            lastSubnet = e.subnetId();
            lastEnis = enis.computeIfAbsent(lastSubnet, k -> new ArrayList<>());
        }
        lastEnis.add(e);
    }

    /**
     * Every address the observed ENIs hold in the subnet (primary and secondary IPs), ENI by ENI. Gathered when
     * asked (only prefix-mode subnets' addresses are counted one by one), not for every subnet up front.
     */
    List<String> addresses(String subnetId) {
        List<String> out = new ArrayList<>();
        for (Eni e : enis.getOrDefault(subnetId, List.of())) {
            out.add(e.primaryIp());
            out.addAll(e.secondaryIps());
        }
        return out;
    }

    /** The subnet's space with what the observed ENIs hold there marked used ({@link AddressSpace#observed}). */
    AddressSpace space(Subnet subnet) {
        return AddressSpace.observed(subnet, enis.getOrDefault(subnet.subnetId(), List.of()));
    }

    /** Every /28 prefix the observed ENIs hold in the subnet. */
    List<String> prefixes(String subnetId) {
        List<String> out = new ArrayList<>();
        for (Eni e : enis.getOrDefault(subnetId, List.of())) out.addAll(e.prefixes());
        return out;
    }

    /** Warm addresses estimated on the nodes' pod ENIs in the subnet. */
    int warm(String subnetId) {
        return warm.getOrDefault(subnetId, 0);
    }

    /** Nodes whose primary ENI is in the subnet. */
    int nodesIn(String subnetId) {
        return nodesInSubnet.getOrDefault(subnetId, 0);
    }

    List<Node> nodes(NodeGroupRef group) {
        GroupNodes g = nodesByGroup.get(group);
        return g == null ? List.of() : g.nodes;
    }

    /** The addresses each of {@link #nodes}'s nodes holds (its ENIs' {@code take()}), in the same order. */
    int[] addressesHeld(NodeGroupRef group) {
        GroupNodes g = nodesByGroup.get(group);
        return g == null ? new int[0] : Arrays.copyOf(g.addresses, g.nodes.size());
    }

    /** One node group's nodes and the addresses each holds, gathered in the same pass over the ENIs. */
    private static final class GroupNodes {
        private final List<Node> nodes = new ArrayList<>();
        private int[] addresses = new int[8];

        void add(Node n, int held) {
            if (nodes.size() == addresses.length) addresses = Arrays.copyOf(addresses, 2 * addresses.length);
            addresses[nodes.size()] = held;
            nodes.add(n);
        }
    }

    /** Nodes that could not be tied to a node group. */
    int unattributedNodes() {
        return unattributedNodes;
    }
}
