package dev.eksip.domain;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A managed or self-managed node group (an Auto Scaling group underneath), or a Karpenter / EKS Auto Mode NodePool
 * ({@code nodePool} set).
 *
 * @param managed          EKS managed node group (max pods capped at 110/250 unless a custom AMI, §8)
 * @param customAmi        managed node group launched with a custom AMI (no managed max-pods cap)
 * @param instanceTypes    instance types; the first is what new nodes are forecast with (for a node pool: the types
 *                         its nodes were seen with)
 * @param subnetIds        subnets the Auto Scaling group launches into (for a node pool: its candidate subnets, from
 *                         the AWS APIs alone those its nodes were seen in)
 * @param autoScalingGroup the Auto Scaling group name ("" when unknown, and for a node pool)
 * @param maxPods          explicit kubelet max pods, 0 when not set (then §8 decides)
 * @param nodePool         the Karpenter / Auto Mode NodePool this group is; null for an Auto Scaling group. A node
 *                         pool's min and desired sizes are its node count; its max is what its limits allow, else
 *                         its node count (growth unbounded: see {@link NodePool#unbounded()})
 * @param maxUnavailable   managed node group {@code updateConfig.maxUnavailable} (nodes), 0 when not set
 * @param maxUnavailablePercentage managed node group {@code updateConfig.maxUnavailablePercentage}, 0 when not
 *                         set (neither set: EKS's default of one node)
 * @param maxPodsFrom      where {@code maxPods} was read, or why none was ("" when nothing was read): for a
 *                         self-managed or custom-AMI group its launch template's user data, e.g. {@code launch
 *                         template lt-1 version 3 user data: nodeadm NodeConfig spec.kubelet.config.maxPods}
 */
public record NodeGroup(String name, boolean managed, boolean customAmi, List<String> instanceTypes,
                        int minSize, int desiredSize, int maxSize, List<String> subnetIds,
                        String autoScalingGroup, int maxPods, NodePool nodePool, int maxUnavailable,
                        int maxUnavailablePercentage, String maxPodsFrom) {
    public NodeGroup {
        requireNonNull(name, "name");
        requireNonNull(maxPodsFrom, "maxPodsFrom");
        requireNonNull(autoScalingGroup, "autoScalingGroup");
        instanceTypes = List.copyOf(instanceTypes);
        subnetIds = List.copyOf(subnetIds);
        if (minSize < 0 || minSize > desiredSize || desiredSize > maxSize)
            throw new IllegalArgumentException("node group %s: expected 0 <= min <= desired <= max, got %d/%d/%d"
                    .formatted(name, minSize, desiredSize, maxSize));
        if (maxPods < 0) throw new IllegalArgumentException("node group %s: maxPods must be >= 0".formatted(name));
        if (nodePool != null && (managed || !autoScalingGroup.isEmpty()))
            throw new IllegalArgumentException("node group %s: a node pool is neither managed nor an Auto Scaling group"
                    .formatted(name));
        if (maxUnavailable < 0 || maxUnavailablePercentage < 0 || maxUnavailablePercentage > 100)
            throw new IllegalArgumentException("node group %s: expected maxUnavailable >= 0 and 0 <= "
                    .formatted(name) + "maxUnavailablePercentage <= 100, got %d/%d"
                    .formatted(maxUnavailable, maxUnavailablePercentage));
    }

    /** Without a record of where max pods came from. */
    public NodeGroup(String name, boolean managed, boolean customAmi, List<String> instanceTypes, int minSize,
                     int desiredSize, int maxSize, List<String> subnetIds, String autoScalingGroup, int maxPods,
                     NodePool nodePool, int maxUnavailable, int maxUnavailablePercentage) {
        this(name, managed, customAmi, instanceTypes, minSize, desiredSize, maxSize, subnetIds, autoScalingGroup,
                maxPods, nodePool, maxUnavailable, maxUnavailablePercentage, "");
    }

    /** An Auto Scaling group (managed or self-managed) without an update configuration: EKS's default applies. */
    public NodeGroup(String name, boolean managed, boolean customAmi, List<String> instanceTypes, int minSize,
                     int desiredSize, int maxSize, List<String> subnetIds, String autoScalingGroup, int maxPods) {
        this(name, managed, customAmi, instanceTypes, minSize, desiredSize, maxSize, subnetIds, autoScalingGroup,
                maxPods, null, 0, 0);
    }

    /** A Karpenter or Auto Mode NodePool (null: an Auto Scaling group without an update configuration). */
    public NodeGroup(String name, boolean managed, boolean customAmi, List<String> instanceTypes, int minSize,
                     int desiredSize, int maxSize, List<String> subnetIds, String autoScalingGroup, int maxPods,
                     NodePool nodePool) {
        this(name, managed, customAmi, instanceTypes, minSize, desiredSize, maxSize, subnetIds, autoScalingGroup,
                maxPods, nodePool, 0, 0);
    }

    /** A managed or self-managed Auto Scaling group with its update configuration. */
    public NodeGroup(String name, boolean managed, boolean customAmi, List<String> instanceTypes, int minSize,
                     int desiredSize, int maxSize, List<String> subnetIds, String autoScalingGroup, int maxPods,
                     int maxUnavailable, int maxUnavailablePercentage) {
        this(name, managed, customAmi, instanceTypes, minSize, desiredSize, maxSize, subnetIds, autoScalingGroup,
                maxPods, null, maxUnavailable, maxUnavailablePercentage);
    }

    /** This group with max pods read from {@code from} (0: none found, {@code from} says why). */
    public NodeGroup withMaxPods(int maxPods, String from) {
        return new NodeGroup(name, managed, customAmi, instanceTypes, minSize, desiredSize, maxSize, subnetIds,
                autoScalingGroup, maxPods, nodePool, maxUnavailable, maxUnavailablePercentage, from);
    }

    /**
     * Max pods is assumed, not read: a self-managed or custom-AMI managed group (whose kubelet max pods its own
     * user data decides) without an explicit value. Managed groups on EKS AMIs get EKS's computed value, node
     * pools theirs (vpc-cni-model.md §8).
     */
    public boolean maxPodsAssumed() {
        return nodePool == null && maxPods == 0 && (!managed || customAmi);
    }

    /** A Karpenter or Auto Mode NodePool. */
    public boolean isNodePool() {
        return nodePool != null;
    }

    /** How reports name the kind: managed, self-managed, karpenter or auto-mode. */
    public String kind() {
        if (nodePool != null) return nodePool.provisioner().id();
        return managed ? "managed" : "self-managed";
    }
}
