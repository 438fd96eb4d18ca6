package dev.eksip.simulation;

import dev.eksip.domain.Cluster;
import dev.eksip.domain.Eni;
import dev.eksip.domain.Inventory;
import dev.eksip.domain.Node;
import dev.eksip.domain.NodeGroup;
import dev.eksip.domain.NodeGroupRef;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which clusters and node groups use each known subnet, in the order first seen: the clusters whose nodes' ENIs
 * are in it (and the node groups of those nodes), then the clusters' ENIConfig pod subnets, then the subnets their
 * node groups launch into, then the clusters' own subnets (where EKS places the control-plane ENIs, which a
 * subnet must keep room for: vpc-cni-model.md, "Beyond the original: addresses a subnet must keep free").
 */
final class SubnetUsers {
    private final Set<String> known;
    private final Map<String, Set<String>> clusters = new HashMap<>();
    private final Map<String, Set<NodeGroupRef>> groups = new HashMap<>();
    private final Map<String, Set<String>> controlPlanes = new HashMap<>();

    private SubnetUsers(Set<String> known) {
        this.known = known;
    }

    static SubnetUsers of(Inventory inventory, Set<String> knownSubnets) {
        SubnetUsers u = new SubnetUsers(knownSubnets);
        Map<String, Cluster> byName = new HashMap<>();
        for (Cluster c : inventory.clusters()) byName.put(c.name(), c);
        // Adding is idempotent and only the first time fixes the order: within a run of nodes of one cluster (one
        // group), a subnet already added for it is skipped without touching the sets.
        String runCluster = null;
        NodeGroupRef runGroup = null;
        Set<String> addedForCluster = new HashSet<>();
        Set<String> addedForGroup = new HashSet<>();
        for (Node n : inventory.nodes()) {
            Cluster c = byName.get(n.cluster());
            if (c == null) continue;
            if (!c.name().equals(runCluster)) {
                runCluster = c.name();
                addedForCluster.clear();
            }
            if (n.nodeGroup().isEmpty()) {
                if (addedForCluster.add(n.subnetId())) u.add(n.subnetId(), c.name(), null);
            } else {
                if (runGroup == null || !runGroup.cluster().equals(c.name())
                        || !runGroup.nodeGroup().equals(n.nodeGroup())) {
                    runGroup = new NodeGroupRef(c.name(), n.nodeGroup());
                    addedForGroup.clear();
                }
                if (addedForGroup.add(n.subnetId())) {
                    addedForCluster.add(n.subnetId());
                    u.add(n.subnetId(), c.name(), runGroup);
                }
            }
            for (Eni e : n.enis()) if (addedForCluster.add(e.subnetId())) u.add(e.subnetId(), c.name(), null);
        }
        for (Cluster c : inventory.clusters()) {
            for (String podSubnet : c.podSubnets().values()) u.add(podSubnet, c.name(), null);
            for (NodeGroup g : c.nodeGroups())
                for (String id : g.subnetIds()) u.add(id, c.name(), new NodeGroupRef(c.name(), g.name()));
        }
        for (Cluster c : inventory.clusters())
            for (String id : c.subnetIds()) {
                u.add(id, c.name(), null);
                if (knownSubnets.contains(id))
                    u.controlPlanes.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(c.name());
            }
        return u;
    }

    private void add(String subnetId, String cluster, NodeGroupRef group) {
        if (!known.contains(subnetId)) return;
        clusters.computeIfAbsent(subnetId, k -> new LinkedHashSet<>()).add(cluster);
        if (group != null) groups.computeIfAbsent(subnetId, k -> new LinkedHashSet<>()).add(group);
    }

    List<String> clusters(String subnetId) {
        return List.copyOf(clusters.getOrDefault(subnetId, Set.of()));
    }

    /** Clusters whose own (control-plane) subnets include this one. */
    List<String> controlPlaneOf(String subnetId) {
        return List.copyOf(controlPlanes.getOrDefault(subnetId, Set.of()));
    }

    List<NodeGroupRef> nodeGroups(String subnetId) {
        return List.copyOf(groups.getOrDefault(subnetId, Set.of()));
    }
}
