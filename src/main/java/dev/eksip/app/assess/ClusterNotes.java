package dev.eksip.app.assess;

import dev.eksip.domain.Cluster;

import java.util.ArrayList;
import java.util.List;

/** The cluster-level remarks of a forecast: an IPv6 cluster has no IPv4 warm pool; where the CNI settings came from. */
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
        });
        return List.copyOf(notes);
    }
}
