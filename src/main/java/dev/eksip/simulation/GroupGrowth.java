package dev.eksip.simulation;

import dev.eksip.domain.Cluster;
import dev.eksip.domain.Node;
import dev.eksip.domain.NodeGroup;
import dev.eksip.domain.Subnet;

import java.util.List;
import java.util.Map;

/**
 * How one node group grows: the subnets it launches into, its nodes per zone today (zones it does not launch into
 * left out), its node count, and what a new node costs. {@code excludedPrimaryCost} is what a node costs when its
 * primary subnet is tagged {@code kubernetes.io/role/cni=0} under subnet discovery (null when that cannot happen).
 * {@code maxNodes} is the size at max: the Auto Scaling group's max size; for a node pool what its CPU limit allows
 * ({@link dev.eksip.domain.NodePoolLimits#maxNodes}), else (unbounded) its desired size. For an Auto Mode pool
 * {@code cluster} is the Auto Mode view ({@link AutoModeNetworking#view}). {@code existing}: the group's nodes today,
 * which grow to max pods under {@link CostAssumption#FULL} ({@link ExistingNodesGrowth}).
 */
record GroupGrowth(Cluster cluster, NodeGroup group, List<Subnet> subnets, Map<String, Integer> nodesPerZone,
                   int current, NodeCost cost, NodeCost excludedPrimaryCost, int maxNodes, List<Node> existing) {
    GroupGrowth {
        subnets = List.copyOf(subnets);
        nodesPerZone = Map.copyOf(nodesPerZone);
        existing = List.copyOf(existing);
    }

    int newNodes(boolean atMax) {
        return Math.max(0, (atMax ? maxNodes : group.desiredSize()) - current);
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
