package dev.eksip.domain;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A managed or self-managed node group (an Auto Scaling group underneath).
 *
 * @param managed          EKS managed node group (max pods capped at 110/250 unless a custom AMI, §8)
 * @param customAmi        managed node group launched with a custom AMI (no managed max-pods cap)
 * @param instanceTypes    instance types; the first is what new nodes are forecast with
 * @param subnetIds        subnets the Auto Scaling group launches into
 * @param autoScalingGroup the Auto Scaling group name ("" when unknown)
 * @param maxPods          explicit kubelet max pods, 0 when not set (then §8 decides)
 * @param maxUnavailable   managed node group {@code updateConfig.maxUnavailable} (nodes), 0 when not set
 * @param maxUnavailablePercentage managed node group {@code updateConfig.maxUnavailablePercentage}, 0 when not
 *                         set (neither set: EKS's default of one node)
 */
public record NodeGroup(String name, boolean managed, boolean customAmi, List<String> instanceTypes,
                        int minSize, int desiredSize, int maxSize, List<String> subnetIds,
                        String autoScalingGroup, int maxPods, int maxUnavailable, int maxUnavailablePercentage) {
    public NodeGroup {
        requireNonNull(name, "name");
        requireNonNull(autoScalingGroup, "autoScalingGroup");
        instanceTypes = List.copyOf(instanceTypes);
        subnetIds = List.copyOf(subnetIds);
        if (minSize < 0 || minSize > desiredSize || desiredSize > maxSize)
            throw new IllegalArgumentException("node group %s: expected 0 <= min <= desired <= max, got %d/%d/%d"
                    .formatted(name, minSize, desiredSize, maxSize));
        if (maxPods < 0) throw new IllegalArgumentException("node group %s: maxPods must be >= 0".formatted(name));
        if (maxUnavailable < 0 || maxUnavailablePercentage < 0 || maxUnavailablePercentage > 100)
            throw new IllegalArgumentException("node group %s: expected maxUnavailable >= 0 and 0 <= "
                    .formatted(name) + "maxUnavailablePercentage <= 100, got %d/%d"
                    .formatted(maxUnavailable, maxUnavailablePercentage));
    }

    /** A node group without an update configuration (self-managed, or not read): EKS's default applies. */
    public NodeGroup(String name, boolean managed, boolean customAmi, List<String> instanceTypes, int minSize,
                     int desiredSize, int maxSize, List<String> subnetIds, String autoScalingGroup, int maxPods) {
        this(name, managed, customAmi, instanceTypes, minSize, desiredSize, maxSize, subnetIds, autoScalingGroup,
                maxPods, 0, 0);
    }
}
