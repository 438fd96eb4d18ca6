package dev.eksip.simulation;

import dev.eksip.domain.Cluster;
import dev.eksip.domain.NodeGroup;
import dev.eksip.domain.Subnet;

import java.util.List;
import java.util.Map;

/**
 * How one node group grows: the subnets it launches into, its nodes per zone today (zones it does not launch into
 * left out), its node count, and what a new node costs. {@code excludedPrimaryCost} is what a node costs when its
 * primary subnet is tagged {@code kubernetes.io/role/cni=0} under subnet discovery (null when that cannot happen).
 */
record GroupGrowth(Cluster cluster, NodeGroup group, List<Subnet> subnets, Map<String, Integer> nodesPerZone,
                   int current, NodeCost cost, NodeCost excludedPrimaryCost) {
    GroupGrowth {
        subnets = List.copyOf(subnets);
        nodesPerZone = Map.copyOf(nodesPerZone);
    }

    int newNodes(boolean atMax) {
        return Math.max(0, (atMax ? group.maxSize() : group.desiredSize()) - current);
    }

    /** The extra nodes an update of this group launches ({@link UpdateSurge}; 0 when self-managed). */
    int updateSurge() {
        return UpdateSurge.nodes(group, subnets);
    }

    /** New nodes while the group is updated at its desired size: its surge on top of it. */
    int newNodesAtUpdate() {
        return Math.max(0, group.desiredSize() + updateSurge() - current);
    }

    /** The cost of a node launched into {@code nodeSubnet}. */
    NodeCost costIn(Subnet nodeSubnet) {
        return excludedPrimaryCost != null && SubnetDiscovery.excludedPrimary(cluster, nodeSubnet)
                ? excludedPrimaryCost : cost;
    }

    boolean launchesInto(String subnetId) {
        for (Subnet s : subnets) if (s.subnetId().equals(subnetId)) return true;
        return false;
    }
}
