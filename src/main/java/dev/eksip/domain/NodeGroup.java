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
 */
public record NodeGroup(String name, boolean managed, boolean customAmi, List<String> instanceTypes,
                        int minSize, int desiredSize, int maxSize, List<String> subnetIds,
                        String autoScalingGroup, int maxPods, NodePool nodePool) {
    public NodeGroup {
        requireNonNull(name, "name");
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
    }

    /** An Auto Scaling group (managed or self-managed). */
    public NodeGroup(String name, boolean managed, boolean customAmi, List<String> instanceTypes, int minSize,
                     int desiredSize, int maxSize, List<String> subnetIds, String autoScalingGroup, int maxPods) {
        this(name, managed, customAmi, instanceTypes, minSize, desiredSize, maxSize, subnetIds, autoScalingGroup,
                maxPods, null);
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
