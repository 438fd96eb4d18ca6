package dev.eksip.app.inventory;

import static java.util.Objects.requireNonNull;

import dev.eksip.domain.NodeGroup;

import java.util.List;

/**
 * An EKS managed node group as {@code DescribeNodegroup} shows it.
 *
 * @param group              the group with its own instance types (empty when its launch template names the type)
 * @param autoScalingGroups  every Auto Scaling group EKS runs it with (so they are not taken for self-managed groups)
 * @param launch             its launch template, {@link LaunchSpec#NONE} when it has none
 */
public record ManagedNodeGroupFacts(NodeGroup group, List<String> autoScalingGroups, LaunchSpec launch) {
    public ManagedNodeGroupFacts {
        requireNonNull(group, "group");
        autoScalingGroups = List.copyOf(autoScalingGroups);
        requireNonNull(launch, "launch");
    }
}
