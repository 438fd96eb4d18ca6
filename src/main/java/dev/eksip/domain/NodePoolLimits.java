package dev.eksip.domain;

/**
 * A NodePool's {@code spec.limits}: the most CPU and memory its nodes may sum to. Read from the Kubernetes API only
 * (the AWS APIs do not show them); -1 where a resource is not limited.
 *
 * @param cpuMillicores {@code limits.cpu} in millicores (-1: not limited)
 * @param memoryMebibytes {@code limits.memory} in MiB (-1: not limited)
 */
public record NodePoolLimits(long cpuMillicores, long memoryMebibytes) {
    public static final NodePoolLimits NONE = new NodePoolLimits(-1, -1);

    public NodePoolLimits {
        if (cpuMillicores < -1 || memoryMebibytes < -1)
            throw new IllegalArgumentException("node pool limits must be >= 0 or -1 (not limited), got cpu %d, memory %d"
                    .formatted(cpuMillicores, memoryMebibytes));
    }

    /**
     * The most nodes of {@code vcpusPerNode} the CPU limit allows in all (nodes already running included); -1 when
     * CPU is not limited or the type's vCPUs are unknown. Memory is not applied: the embedded tables do not hold an
     * instance type's memory.
     */
    public int maxNodes(int vcpusPerNode) {
        if (cpuMillicores < 0 || vcpusPerNode <= 0) return -1;
        return Math.toIntExact(Math.min(Integer.MAX_VALUE, cpuMillicores / (1000L * vcpusPerNode)));
    }
}
