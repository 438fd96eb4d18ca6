package dev.eksip.simulation;

import dev.eksip.domain.Cluster;
import dev.eksip.domain.CniSettings;
import dev.eksip.domain.NodeGroup;
import dev.eksip.domain.NodePool;
import dev.eksip.domain.Provisioner;

/**
 * EKS Auto Mode's node networking as AWS documents it (docs/vpc-cni-model.md, "Beyond the original: Karpenter and EKS
 * Auto Mode"): the VPC CNI's settings do not apply; /28 prefixes on the primary interface by default, secondary IPs
 * when the NodeClass sets {@code advancedNetworking.ipv4PrefixSize: "32"}; warm and cooldown pools predefined (not
 * configurable, figures undocumented: ipamd's prefix-mode defaults stand in and new nodes cost their observed median
 * holding); pods in the NodeClass's {@code podSubnetSelectorTerms} subnets when set (like custom networking, no pod
 * address on the primary interface); max pods capped at 110 after the usual calculation.
 * Sources: EKS user guide "Learn about VPC Networking and Load Balancing in EKS Auto Mode" (auto-networking) and
 * "Create a Node Class for Amazon EKS" (create-node-class).
 */
final class AutoModeNetworking {
    /** create-node-class, Considerations: "EKS limits the maximum number of pods on a node to 110". */
    static final int MAX_PODS_CAP = 110;

    private AutoModeNetworking() {
    }

    static boolean autoMode(NodeGroup g) {
        return g != null && g.isNodePool() && g.nodePool().provisioner() == Provisioner.AUTO_MODE;
    }

    /** The cluster as an Auto Mode pool's nodes see it: {@code c} itself for every other group. */
    static Cluster view(Cluster c, NodeGroup g) {
        if (!autoMode(g)) return c;
        NodePool pool = g.nodePool();
        return new Cluster(c.name(), c.vpcId(), c.ipFamily(), cni(pool, c.cni().ipv6()), c.cniSource(),
                pool.podSubnets(), c.nodeGroups(), c.autoMode(), c.cniObserved(), c.subnetIds());
    }

    /** Auto Mode's settings in ipamd's terms: no subnet discovery, no security groups for pods, no MAX_ENI. */
    static CniSettings cni(NodePool pool, boolean ipv6) {
        return new CniSettings(1, 0, 0, !pool.secondaryIpMode(), 1, 0, !pool.podSubnets().isEmpty(), false, false,
                ipv6);
    }
}
