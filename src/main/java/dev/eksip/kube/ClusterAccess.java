package dev.eksip.kube;

import static java.util.Objects.requireNonNull;

/**
 * How to reach one cluster's API server, from {@code DescribeCluster}: {@code cluster.endpoint} and
 * {@code cluster.certificateAuthority.data} (base64 of the PEM CA bundle; "" when absent).
 */
public record ClusterAccess(String cluster, String endpoint, String caData) {
    public ClusterAccess {
        requireNonNull(cluster, "cluster");
        requireNonNull(endpoint, "endpoint");
        requireNonNull(caData, "caData");
    }

    /** The same cluster behind another endpoint (tests point it at a local API server). */
    public ClusterAccess withEndpoint(String other) {
        return new ClusterAccess(cluster, other, caData);
    }
}
