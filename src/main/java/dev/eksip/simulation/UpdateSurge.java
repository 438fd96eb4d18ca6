package dev.eksip.simulation;

import dev.eksip.domain.NodeGroup;
import dev.eksip.domain.Subnet;

import java.util.List;

/**
 * How many extra nodes a managed node group launches during a version or AMI update, before the old nodes drain
 * (EKS User Guide, "Understand each phase of node updates", scale-up phase: "It increments the Auto Scaling
 * Group's maximum size and desired size by the larger of either: up to twice the number of Availability Zones that
 * the Auto Scaling group is deployed in; the maximum unavailable of upgrade"; setup phase: the maximum unavailable
 * comes from {@code updateConfig}, "has a quota of 100 nodes. The default value is one node";
 * https://docs.aws.amazon.com/eks/latest/userguide/managed-node-update-behavior.html). "Up to" is taken at its
 * bound: the forecast is of the most a subnet must hold. Self-managed groups are updated by their owners: no surge.
 */
final class UpdateSurge {
    /** EKS's quota on {@code maxUnavailable}. */
    static final int MAX_UNAVAILABLE_QUOTA = 100;

    private UpdateSurge() {
    }

    /** The extra nodes of {@code group} launching into {@code subnets} during an update (0 for self-managed). */
    static int nodes(NodeGroup group, List<Subnet> subnets) {
        if (!group.managed()) return 0;
        int zones = (int) subnets.stream().map(Subnet::availabilityZone).distinct().count();
        return Math.max(2 * zones, maxUnavailable(group));
    }

    /**
     * {@code updateConfig}: a node count, or a percentage of the desired size (rounded up: the larger surge), else
     * one node; at most the quota.
     */
    static int maxUnavailable(NodeGroup group) {
        int nodes;
        if (group.maxUnavailable() > 0) nodes = group.maxUnavailable();
        else if (group.maxUnavailablePercentage() > 0)
            nodes = Math.max(1, (group.desiredSize() * group.maxUnavailablePercentage() + 99) / 100);
        else nodes = 1;
        return Math.min(nodes, MAX_UNAVAILABLE_QUOTA);
    }
}
