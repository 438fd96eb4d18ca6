package dev.eksip.app.inventory;

import static java.util.Objects.requireNonNull;

import dev.eksip.domain.NodeGroup;

import java.util.List;
import java.util.Map;

/**
 * An Auto Scaling group as {@code DescribeAutoScalingGroups} shows it: a self-managed node group when it belongs
 * to an audited cluster and is not a managed group's.
 *
 * @param subnetIds     from {@code VPCZoneIdentifier}
 * @param overrideTypes instance types named by a mixed-instances policy's overrides (empty when none)
 * @param launch        what it launches from, for when it names no type itself
 */
public record AutoScalingGroupFacts(String name, Map<String, String> tags, int minSize, int desiredSize, int maxSize,
                                    List<String> subnetIds, List<String> overrideTypes, LaunchSpec launch) {
    public AutoScalingGroupFacts {
        requireNonNull(name, "name");
        tags = Map.copyOf(tags);
        subnetIds = List.copyOf(subnetIds);
        overrideTypes = List.copyOf(overrideTypes);
        requireNonNull(launch, "launch");
    }

    /** The self-managed node group this Auto Scaling group is, named after it. */
    public NodeGroup nodeGroup(List<String> instanceTypes) {
        return new NodeGroup(name, false, false, instanceTypes, minSize, desiredSize, maxSize, subnetIds, name, 0);
    }
}
