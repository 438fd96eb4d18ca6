package dev.eksip.simulation;

import dev.eksip.domain.Cluster;
import dev.eksip.domain.Eni;
import dev.eksip.domain.Inventory;
import dev.eksip.domain.Node;
import dev.eksip.domain.NodeGroupRef;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The observed phase (vpc-cni-model.md §9.2): today's holdings are read from the ENIs, never recomputed. Per
 * subnet the addresses and prefixes its ENIs hold, the warm addresses estimated on its nodes ({@link WarmEstimate})
 * and the nodes whose primary ENI is in it; per node group its nodes.
 */
final class ObservedHoldings {
    private final Map<String, List<String>> addresses = new HashMap<>();
    private final Map<String, List<String>> prefixes = new HashMap<>();
    private final Map<String, Integer> warm = new HashMap<>();
    private final Map<String, Integer> nodesInSubnet = new HashMap<>();
    private final Map<NodeGroupRef, List<Node>> nodesByGroup = new HashMap<>();
    private int unattributedNodes;
    private String lastSubnet;
    private List<String> lastAddresses;
    private List<String> lastPrefixes;

    private ObservedHoldings() {
    }

    static ObservedHoldings observe(Inventory inventory, WarmEstimate estimate) {
        ObservedHoldings o = new ObservedHoldings();
        Map<String, Cluster> clusters = new HashMap<>();
        for (Cluster c : inventory.clusters()) clusters.put(c.name(), c);
        String groupCluster = null;
        String groupName = null;
        List<Node> group = null;
        for (Node n : inventory.nodes()) {
            if (!n.cluster().equals(groupCluster) || !n.nodeGroup().equals(groupName)) {
                groupCluster = n.cluster();         // nodes come grouped by node group: one lookup per run
                groupName = n.nodeGroup();
                group = o.nodesByGroup.computeIfAbsent(new NodeGroupRef(groupCluster, groupName),
                        k -> new ArrayList<>());
            }
            group.add(n);
            o.nodesInSubnet.merge(n.subnetId(), 1, Integer::sum);
            if (n.nodeGroup().isEmpty()) o.unattributedNodes++;
            for (Eni e : n.enis()) o.record(e);
            Cluster c = clusters.get(n.cluster());
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
            lastAddresses = addresses.computeIfAbsent(lastSubnet, k -> new ArrayList<>());
            lastPrefixes = prefixes.computeIfAbsent(lastSubnet, k -> new ArrayList<>());
        }
        lastAddresses.add(e.primaryIp());
        lastAddresses.addAll(e.secondaryIps());
        lastPrefixes.addAll(e.prefixes());
    }

    /** Every address the observed ENIs hold in the subnet (primary and secondary IPs). */
    List<String> addresses(String subnetId) {
        return addresses.getOrDefault(subnetId, List.of());
    }

    /** Every /28 prefix the observed ENIs hold in the subnet. */
    List<String> prefixes(String subnetId) {
        return prefixes.getOrDefault(subnetId, List.of());
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
        return nodesByGroup.getOrDefault(group, List.of());
    }

    /** Nodes that could not be tied to a node group. */
    int unattributedNodes() {
        return unattributedNodes;
    }
}
