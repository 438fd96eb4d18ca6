package dev.eksip.domain;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * What makes a {@link NodeGroup} a Karpenter or EKS Auto Mode NodePool rather than an Auto Scaling group. From the AWS
 * APIs alone the group is what its instances' tags show: its nodes, their instance types and the subnets they were
 * seen in (the candidate subnets); the Kubernetes API (exact mode) can add the rest.
 *
 * @param provisioner     Karpenter or EKS Auto Mode
 * @param nodeClass       its {@code EC2NodeClass} (tag {@code karpenter.k8s.aws/ec2nodeclass}) or Auto Mode
 *                        {@code NodeClass} (tag {@code eks:kubernetes-node-class-name}); "" when unknown
 * @param limits          {@code spec.limits}; null when unknown (AWS APIs only): growth is then unbounded
 * @param secondaryIpMode Auto Mode only: the NodeClass sets {@code advancedNetworking.ipv4PrefixSize: "32"}
 *                        (secondary IPs instead of /28 prefixes); false when unknown (the default, "Auto")
 * @param podSubnets      Auto Mode only: the subnet per availability zone that the NodeClass's
 *                        {@code podSubnetSelectorTerms} select (pods outside the node subnet); empty when none
 */
public record NodePool(Provisioner provisioner, String nodeClass, NodePoolLimits limits, boolean secondaryIpMode,
                       Map<String, String> podSubnets) {
    public NodePool {
        requireNonNull(provisioner, "provisioner");
        requireNonNull(nodeClass, "nodeClass");
        podSubnets = Map.copyOf(podSubnets);
        if (provisioner != Provisioner.AUTO_MODE && (secondaryIpMode || !podSubnets.isEmpty()))
            throw new IllegalArgumentException("secondaryIpMode and podSubnets are EKS Auto Mode NodeClass settings");
    }

    /** A pool as the AWS APIs show it: no limits, the NodeClass's defaults. */
    public static NodePool observed(Provisioner provisioner, String nodeClass) {
        return new NodePool(provisioner, nodeClass, null, false, Map.of());
    }

    /** Growth is bounded only by known limits. */
    public boolean unbounded() {
        return limits == null || limits.cpuMillicores() < 0;
    }

    public NodePool withLimits(NodePoolLimits limits) {
        return new NodePool(provisioner, nodeClass, limits, secondaryIpMode, podSubnets);
    }
}
