package dev.eksip.domain;

/**
 * What exact mode reads from a cluster's Kubernetes API; each part is read (or falls back) on its own, so a 403 on
 * the CRDs leaves nodes and pods exact.
 */
public enum KubePart implements WireName {
    /** {@code /api/v1/nodes}: real max pods, zone, type, node pool labels. */
    NODES("nodes"),
    /** {@code /api/v1/pods}: pods per node, hence exact warm addresses. */
    PODS("pods"),
    /** the {@code aws-node} DaemonSet in {@code kube-system}: the CNI settings actually running. */
    AWS_NODE("aws-node"),
    /** {@code ENIConfig}s (crd.k8s.amazonaws.com/v1alpha1): the pod subnet per zone. */
    ENI_CONFIGS("eniconfigs"),
    /** Karpenter {@code NodePool}s (karpenter.sh/v1). */
    NODE_POOLS("nodepools"),
    /** Karpenter {@code EC2NodeClass}es (karpenter.k8s.aws/v1). */
    EC2_NODE_CLASSES("ec2nodeclasses"),
    /** EKS Auto Mode {@code NodeClass}es (eks.amazonaws.com/v1). */
    NODE_CLASSES("nodeclasses");

    private final String id;

    KubePart(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}
