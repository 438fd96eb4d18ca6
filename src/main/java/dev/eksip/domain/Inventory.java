package dev.eksip.domain;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * The state of one account and region as read from AWS (or from a snapshot file): the input of the forecast.
 * Holdings are observed (ENIs with their IPs and prefixes), never recomputed (vpc-cni-model.md §9.2).
 *
 * @param accountId      AWS account id ("" when unknown)
 * @param region         AWS region
 * @param capturedAt     when the state was read
 * @param subnets        every subnet used by a cluster, node group or node
 * @param clusters       EKS clusters with their node groups and CNI settings
 * @param nodes          running nodes (EC2 instances) attributed to a cluster, with their ENIs
 * @param otherEnis      ENIs in those subnets not attached to a known node (load balancers, endpoints, unattributed)
 * @param instanceLimits limits for types in use that the embedded table lacks (from DescribeInstanceTypes)
 * @param gaps           what could not be read (access denied, unknown types…), reported, never fatal
 * @param kube           exact mode: what each cluster's Kubernetes API showed (empty without exact mode)
 */
public record Inventory(String accountId, String region, Instant capturedAt, List<Subnet> subnets,
                        List<Cluster> clusters, List<Node> nodes, List<Eni> otherEnis,
                        List<InstanceLimits> instanceLimits, List<InventoryGap> gaps,
                        List<KubeView> kube) {
    public Inventory {
        requireNonNull(accountId, "accountId");
        requireNonNull(region, "region");
        requireNonNull(capturedAt, "capturedAt");
        subnets = List.copyOf(subnets);
        clusters = List.copyOf(clusters);
        nodes = List.copyOf(nodes);
        otherEnis = List.copyOf(otherEnis);
        instanceLimits = List.copyOf(instanceLimits);
        gaps = List.copyOf(gaps);
        kube = List.copyOf(kube);
    }

    /** An inventory read from AWS alone (no exact mode). */
    public Inventory(String accountId, String region, Instant capturedAt, List<Subnet> subnets, List<Cluster> clusters,
                     List<Node> nodes, List<Eni> otherEnis, List<InstanceLimits> instanceLimits,
                     List<InventoryGap> gaps) {
        this(accountId, region, capturedAt, subnets, clusters, nodes, otherEnis, instanceLimits, gaps, List.of());
    }

    /** The Kubernetes view of {@code cluster}, if exact mode read it. */
    public java.util.Optional<KubeView> kubeView(String cluster) {
        return kube.stream().filter(k -> k.cluster().equals(cluster)).findFirst();
    }
}
