package dev.eksip.domain;

/**
 * What launches a node pool's instances (a {@link NodePool}; Auto Scaling groups are {@link NodeGroup}s without one).
 * Instance tags tell them apart: {@code karpenter.sh/nodepool} (Karpenter) and {@code eks:kubernetes-node-pool-name}
 * (EKS Auto Mode, whose node pools are Karpenter's API run by AWS).
 */
public enum Provisioner {
    /** Self-run Karpenter (aws/karpenter-provider-aws). */
    KARPENTER("karpenter"),
    /** EKS Auto Mode (DescribeCluster {@code computeConfig.enabled}). */
    AUTO_MODE("auto-mode");

    private final String id;

    Provisioner(String id) {
        this.id = id;
    }

    /** The spelling in snapshots, reports and metrics. */
    public String id() {
        return id;
    }

    public static Provisioner fromId(String id) {
        for (Provisioner p : values()) if (p.id.equals(id)) return p;
        throw new IllegalArgumentException("unknown provisioner '%s': expected karpenter or auto-mode".formatted(id));
    }
}
