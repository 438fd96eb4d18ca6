package dev.eksip.domain;

import java.util.Optional;

/** Where a cluster's VPC CNI settings came from, in order of precedence (README "Audit a real account"). */
public enum CniSource implements WireName {
    /** The {@code aws-node} DaemonSet's env as the Kubernetes API shows it (exact mode): what is actually running. */
    AWS_NODE("aws-node"),
    /** The {@code vpc-cni} add-on's configuration values over the shipped defaults. */
    ADDON("addon"),
    /** Per-cluster settings given to this tool ({@code CNI_SETTINGS}). */
    CONFIGURED("configured"),
    /** ipamd's shipped defaults: nothing else was readable. */
    DEFAULT("default"),
    /**
     * What the nodes show overrode the declared source (its settings kept otherwise): /28 prefixes on a node prove
     * prefix delegation, pod ENIs outside the node's subnet custom networking, a trunk ENI security groups for pods.
     */
    OBSERVED("observed");

    private final String id;

    CniSource(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    public static Optional<CniSource> fromId(String id) {
        return WireName.parse(CniSource.class, id);
    }
}
