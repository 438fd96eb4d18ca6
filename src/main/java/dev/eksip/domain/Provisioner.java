package dev.eksip.domain;

import java.util.Optional;

/**
 * What launches a node pool's instances (a {@link NodePool}; Auto Scaling groups are {@link NodeGroup}s without one).
 * Instance tags tell them apart: {@code karpenter.sh/nodepool} (Karpenter) and {@code eks:kubernetes-node-pool-name}
 * (EKS Auto Mode, whose node pools are Karpenter's API run by AWS).
 */
public enum Provisioner implements WireName {
    /** Self-run Karpenter (aws/karpenter-provider-aws). */
    KARPENTER("karpenter"),
    /** EKS Auto Mode (DescribeCluster {@code computeConfig.enabled}). */
    AUTO_MODE("auto-mode");

    private final String id;

    Provisioner(String id) {
        this.id = id;
    }

    /** The spelling in snapshots, reports and metrics. */
    @Override
    public String id() {
        return id;
    }

    public static Optional<Provisioner> fromId(String id) {
        return WireName.parse(Provisioner.class, id);
    }
}
