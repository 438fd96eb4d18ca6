package dev.eksip.testing.inventory;

import dev.eksip.domain.NodeGroup;
import dev.eksip.domain.NodePool;

import java.util.List;

/**
 * A {@link NodeGroup} in named steps: {@code nodeGroup("ng").managed().type("m5.large").sizes(0, 1, 2)
 * .subnets("subnet-a")}. Saying {@link #managed()} or {@link #selfManaged()} is required; everything else defaults
 * to nothing set (no types, sizes 0/0/0, no subnets, no Auto Scaling group name, no explicit max pods, no custom AMI).
 */
public final class NodeGroupBuilder {
    private final String name;
    private Boolean managed;
    private boolean customAmi;
    private List<String> types = List.of();
    private int min;
    private int desired;
    private int max;
    private List<String> subnets = List.of();
    private String autoScalingGroup = "";
    private int maxPods;
    private NodePool nodePool;
    private int maxUnavailable;
    private int maxUnavailablePercentage;

    NodeGroupBuilder(String name) {
        this.name = name;
    }

    /** An EKS managed node group (max pods capped unless {@link #customAmi()}). */
    public NodeGroupBuilder managed() {
        managed = true;
        return this;
    }

    /** A self-managed Auto Scaling group. */
    public NodeGroupBuilder selfManaged() {
        managed = false;
        return this;
    }

    /** A managed node group launched with a custom AMI. */
    public NodeGroupBuilder customAmi() {
        customAmi = true;
        return this;
    }

    public NodeGroupBuilder type(String instanceType) {
        return types(instanceType);
    }

    /** Several instance types; the first is what new nodes are forecast with. */
    public NodeGroupBuilder types(String... instanceTypes) {
        types = List.of(instanceTypes);
        return this;
    }

    public NodeGroupBuilder types(List<String> instanceTypes) {
        types = List.copyOf(instanceTypes);
        return this;
    }

    public NodeGroupBuilder sizes(int minSize, int desiredSize, int maxSize) {
        min = minSize;
        desired = desiredSize;
        max = maxSize;
        return this;
    }

    public NodeGroupBuilder subnets(String... subnetIds) {
        subnets = List.of(subnetIds);
        return this;
    }

    public NodeGroupBuilder subnets(List<String> subnetIds) {
        subnets = List.copyOf(subnetIds);
        return this;
    }

    public NodeGroupBuilder autoScalingGroup(String name) {
        autoScalingGroup = name;
        return this;
    }

    /** An explicit kubelet max pods. */
    public NodeGroupBuilder maxPods(int value) {
        maxPods = value;
        return this;
    }

    /** A Karpenter or EKS Auto Mode NodePool (neither managed nor an Auto Scaling group). */
    public NodeGroupBuilder pool(NodePool pool) {
        nodePool = pool;
        managed = false;
        return this;
    }

    /** The managed node group's {@code updateConfig.maxUnavailable}. */
    public NodeGroupBuilder maxUnavailable(int nodes) {
        maxUnavailable = nodes;
        return this;
    }

    /** The managed node group's {@code updateConfig.maxUnavailablePercentage}. */
    public NodeGroupBuilder maxUnavailablePercentage(int percent) {
        maxUnavailablePercentage = percent;
        return this;
    }

    public NodeGroup build() {
        if (nodePool != null)
            return new NodeGroup(name, false, false, types, min, desired, max, subnets, "", maxPods, nodePool);
        if (managed == null) throw new IllegalStateException("node group " + name + ": say managed() or selfManaged()");
        return new NodeGroup(name, managed, customAmi, types, min, desired, max, subnets, autoScalingGroup, maxPods,
                maxUnavailable, maxUnavailablePercentage);
    }
}
