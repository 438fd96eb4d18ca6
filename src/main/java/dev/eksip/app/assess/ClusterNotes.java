package dev.eksip.app.assess;

import dev.eksip.domain.Cluster;
import dev.eksip.domain.CniSource;
import dev.eksip.domain.NodeGroup;
import dev.eksip.domain.Provisioner;
import dev.eksip.simulation.IpamdStartup;

import java.util.ArrayList;
import java.util.List;

/**
 * The cluster-level remarks of a forecast: an IPv6 cluster has no IPv4 warm pool; where the CNI settings came from;
 * where each self-managed or custom-AMI group's max pods came from, or that it is assumed.
 */
final class ClusterNotes {
    private ClusterNotes() {
    }

    static List<String> of(Cluster c) {
        List<String> notes = new ArrayList<>(2);
        if (c.cni().ipv6())
            notes.add("IPv6 cluster: no IPv4 warm pool (vpc-cni-model.md §6(h)); each node takes one IPv4 "
                      + "address for its primary ENI.");
        notes.add(switch (c.cniSource()) {
            case AWS_NODE -> "CNI settings: the aws-node DaemonSet's env, read from the Kubernetes API (exact mode).";
            case ADDON -> "CNI settings: the vpc-cni add-on's configuration values.";
            case CONFIGURED -> "CNI settings: configured for this cluster (CNI_SETTINGS).";
            case DEFAULT -> "CNI settings: ipamd's defaults (no add-on configuration values to read).";
            case OBSERVED -> "CNI settings: what the nodes show, over what was declared (see below).";
        });
        for (Provisioner p : Provisioner.values()) {
            List<String> pools = c.nodeGroups().stream()
                    .filter(g -> g.isNodePool() && g.nodePool().provisioner() == p).map(NodeGroup::name).toList();
            if (p == Provisioner.AUTO_MODE && c.autoMode().enabled())
                notes.add(("EKS Auto Mode: enabled (built-in node pools: %s); its nodes do not run the VPC CNI: /28 "
                           + "prefixes on the primary interface, secondary IPs where no /28 is free, at most 110 pods "
                           + "per node.").formatted(c.autoMode().nodePools().isEmpty() ? "none"
                        : String.join(", ", c.autoMode().nodePools())));
            if (pools.isEmpty()) continue;
            notes.add("%s node pools seen on instance tags: %s; without their NodePool limits their growth is "
                      .formatted(p == Provisioner.KARPENTER ? "Karpenter" : "EKS Auto Mode", String.join(", ", pools))
                      + "unbounded: see new nodes until exhaustion per subnet.");
        }
        notes.addAll(c.cniObserved());
        // custom networking is never on by default: declared, it is an error; PD off is one only when the running
        // aws-node env says so (EKS sets ENABLE_PREFIX_DELEGATION on an IPv6 cluster's add-on itself)
        IpamdStartup.refusal(c.cni()).filter(why -> c.cni().customNetworking() || c.cniSource() == CniSource.AWS_NODE)
                .ifPresent(why -> notes.add("Configuration error: " + why + "; its nodes get no pod addresses "
                                            + "until the setting is fixed."));
        notes.addAll(maxPods(c));
        return List.copyOf(notes);
    }

    /**
     * Where a self-managed or custom-AMI group's max pods came from, or that it is assumed (vpc-cni-model.md,
     * "Beyond the original: max pods from launch-template user data").
     */
    static List<String> maxPods(Cluster c) {
        List<String> notes = new ArrayList<>();
        for (NodeGroup g : c.nodeGroups()) {
            if (g.maxPodsAssumed())
                notes.add(("Max pods assumed for node group %s (%s): nodeadm's standard formula for its type (ENIs × "
                           + "(IPv4 per ENI − 1) + 2, e.g. 29 for m5.large, even with prefix delegation); %s. Set "
                           + "--max-pods or NodeConfig maxPods in its user data (a snapshot: maxPods).")
                        .formatted(g.name(), g.managed() ? "managed, custom AMI" : "self-managed",
                                g.maxPodsFrom().isEmpty() ? "its user data was not read" : g.maxPodsFrom()));
            else if (!g.isNodePool() && g.maxPods() > 0 && !g.maxPodsFrom().isEmpty())
                notes.add("Max pods %d for node group %s: %s.".formatted(g.maxPods(), g.name(), g.maxPodsFrom()));
        }
        return notes;
    }
}
