package dev.eksip.domain;

import static java.util.Objects.requireNonNull;

/**
 * A node as the Kubernetes API shows it (exact mode).
 *
 * @param instanceId   the EC2 instance id from {@code spec.providerID} ({@code aws:///ZONE/i-…}); "" when not EC2
 * @param name         the Node object's name
 * @param zone         label {@code topology.kubernetes.io/zone} ("" when absent)
 * @param instanceType label {@code node.kubernetes.io/instance-type} ("" when absent)
 * @param maxPods      {@code status.capacity.pods}: the kubelet's real max pods (0 when absent)
 * @param pods         pods bound to it that take a VPC address from ipamd: running or pending, not
 *                     {@code hostNetwork}, not branch-ENI pods (annotation {@code vpc.amazonaws.com/pod-eni})
 * @param nodePool     label {@code karpenter.sh/nodepool}, else {@code eks.amazonaws.com/compute-type}'s pool
 *                     {@code eks.amazonaws.com/nodepool}, else {@code eks.amazonaws.com/nodegroup} ("" when none)
 */
public record KubeNode(String instanceId, String name, String zone, String instanceType, int maxPods, int pods,
                       String nodePool) {
    public KubeNode {
        requireNonNull(instanceId, "instanceId");
        requireNonNull(name, "name");
        requireNonNull(zone, "zone");
        requireNonNull(instanceType, "instanceType");
        requireNonNull(nodePool, "nodePool");
        if (maxPods < 0 || pods < 0) throw new IllegalArgumentException("node %s: negative pod count".formatted(name));
    }
}
