package dev.eksip.domain;

import static java.util.Objects.requireNonNull;

/** A node group named within its cluster: node group names are unique per cluster only. */
public record NodeGroupRef(String cluster, String nodeGroup) {
    public NodeGroupRef {
        requireNonNull(cluster, "cluster");
        requireNonNull(nodeGroup, "nodeGroup");
    }

    @Override
    public String toString() {
        return cluster + "/" + nodeGroup;
    }
}
