package dev.eksip.domain;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A running node (EC2 instance) of a cluster with the ENIs attached to it.
 *
 * @param nodeGroup the node group it belongs to ("" when it cannot be attributed to one)
 * @param subnetId  the subnet of its primary ENI
 */
public record Node(String instanceId, String cluster, String nodeGroup, String instanceType, String subnetId,
                   String availabilityZone, List<Eni> enis) {
    public Node {
        requireNonNull(instanceId, "instanceId");
        requireNonNull(cluster, "cluster");
        requireNonNull(nodeGroup, "nodeGroup");
        requireNonNull(instanceType, "instanceType");
        requireNonNull(subnetId, "subnetId");
        requireNonNull(availabilityZone, "availabilityZone");
        enis = List.copyOf(enis);
    }
}
