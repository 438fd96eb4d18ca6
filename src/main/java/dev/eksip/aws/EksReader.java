package dev.eksip.aws;

import static java.util.Objects.requireNonNull;

import dev.eksip.app.inventory.ClusterFacts;
import dev.eksip.app.inventory.ManagedNodeGroupFacts;
import dev.eksip.app.inventory.VpcCniAddon;
import dev.eksip.domain.InventoryGap;
import dev.eksip.domain.Scope;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Addon;
import software.amazon.awssdk.services.eks.model.Cluster;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * EKS: the region's clusters ({@code ListClusters}, fatal), and per cluster {@code DescribeCluster},
 * {@code ListNodegroups}, {@code DescribeNodegroup} per group (EKS has no batch describe) and {@code DescribeAddon}
 * for vpc-cni. A per-cluster call that fails is a gap. The calls of different clusters, and a cluster's node groups
 * and add-on, run side by side under the inventory's {@link ReadPool} bound.
 */
final class EksReader {
    static final String VPC_CNI_ADDON = "vpc-cni";

    private final EksClient eks;
    private final Function<String, EksClient> forCluster;
    private final AwsCalls calls;

    /**
     * @param eks        the region-wide call ({@code ListClusters})
     * @param forCluster the client of one cluster's calls ({@link AwsClients#eks(String)}: a client, and so a rate
     *                   limiter, per cluster)
     */
    EksReader(EksClient eks, Function<String, EksClient> forCluster, AwsCalls calls) {
        this.eks = requireNonNull(eks, "eks");
        this.forCluster = requireNonNull(forCluster, "forCluster");
        this.calls = requireNonNull(calls, "calls");
    }

    /** Every cluster name in the region, sorted. */
    List<String> clusterNames() {
        return AwsCalls.required("eks:ListClusters", () -> eks.listClustersPaginator(r -> r.maxResults(100))
                .clusters().stream().sorted().toList());
    }

    /**
     * The clusters of {@code names} that can be described, in that order, read concurrently under {@code pool}'s
     * bound: per cluster {@code DescribeCluster}, then its node groups and its add-on side by side.
     */
    List<ClusterFacts> clusters(List<String> names, ReadPool pool) {
        return pool.branches(names, calls, (c, name) -> with(c).cluster(name, pool)).stream()
                .flatMap(Optional::stream).toList();
    }

    /** The cluster, its managed node groups and vpc-cni add-on; empty (and a gap) when it cannot be described. */
    private Optional<ClusterFacts> cluster(String name, ReadPool pool) {
        Optional<Cluster> cluster = pool.leaf(c -> with(c).describe(name)).join(calls);
        if (cluster.isEmpty()) return Optional.empty();
        ReadPool.Forked<List<ManagedNodeGroupFacts>> managed = pool.branch(c -> with(c).managedGroups(name, pool));
        ReadPool.Forked<VpcCniAddon> addon = pool.leaf(c -> with(c).addon(name));
        return Optional.of(EksMapping.cluster(cluster.get(), managed.join(calls), addon.join(calls)));
    }

    private EksReader with(AwsCalls other) {
        return new EksReader(eks, forCluster, other);
    }

    private Optional<Cluster> describe(String name) {
        return calls.gapOr(Scope.cluster(name), "eks:DescribeCluster",
                e -> AwsCalls.notFound(e) ? "cluster %s not found".formatted(name)
                        : "cluster %s could not be described; its nodes are still counted".formatted(name),
                () -> forCluster.apply(name).describeCluster(r -> r.name(name)).cluster());
    }

    /** {@code ListNodegroups}, then one {@code DescribeNodegroup} per group, concurrently. */
    private List<ManagedNodeGroupFacts> managedGroups(String cluster, ReadPool pool) {
        List<String> names = pool.leaf(c -> c.gapOr(Scope.cluster(cluster), "eks:ListNodegroups",
                "managed node groups of cluster %s could not be listed; their nodes count as unattributed"
                        .formatted(cluster),
                () -> forCluster.apply(cluster).listNodegroupsPaginator(r -> r.clusterName(cluster).maxResults(100))
                        .nodegroups().stream().sorted().toList())).join(calls).orElse(List.of());
        return pool.leaves(names, calls, (c, group) -> c.gapOr(Scope.cluster(cluster), "eks:DescribeNodegroup",
                        "managed node group %s could not be described; its nodes count as unattributed".formatted(group),
                        () -> forCluster.apply(cluster)
                                .describeNodegroup(r -> r.clusterName(cluster).nodegroupName(group)).nodegroup()))
                .stream().flatMap(Optional::stream).map(EksMapping::managedNodeGroupFacts).toList();
    }

    /** The vpc-cni add-on's env overrides; unavailable when the add-on is not installed or unreadable. */
    private VpcCniAddon addon(String cluster) {
        Optional<Addon> addon = calls.gapOr(Scope.cluster(cluster), "eks:DescribeAddon",
                "vpc-cni add-on settings of cluster %s could not be read; configured or default CNI settings used"
                        .formatted(cluster),
                () -> installedAddon(cluster)).flatMap(a -> a);
        if (addon.isEmpty()) return VpcCniAddon.UNAVAILABLE;
        try {
            return new VpcCniAddon.Configured(EksMapping.addonEnv(addon.get().configurationValues()));
        } catch (IllegalArgumentException e) {
            calls.gap(new InventoryGap(Scope.cluster(cluster), "eks:DescribeAddon", "",
                    e.getMessage() + "; configured or default CNI settings used"));
            return VpcCniAddon.UNAVAILABLE;
        }
    }

    /** Empty when there is no add-on: ResourceNotFoundException means a self-managed aws-node, not a gap. */
    private Optional<Addon> installedAddon(String cluster) {
        try {
            return Optional.ofNullable(forCluster.apply(cluster)
                    .describeAddon(r -> r.clusterName(cluster).addonName(VPC_CNI_ADDON)).addon());
        } catch (AwsServiceException e) {
            if (AwsCalls.notFound(e)) return Optional.empty();
            throw e;
        }
    }
}
