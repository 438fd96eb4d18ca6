package dev.eksip.app.inventory;

import dev.eksip.domain.NodeGroup;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Which cluster and node group an instance or Auto Scaling group belongs to, from the tags EKS, eksctl, Karpenter
 * and Auto Scaling put on them.
 */
public final class Attribution {
    /** Every node of an EKS cluster carries {@code kubernetes.io/cluster/NAME} (managed groups, eksctl, Karpenter). */
    static final String CLUSTER_TAG_PREFIX = "kubernetes.io/cluster/";
    static final String EKS_CLUSTER_TAG = "eks:cluster-name";
    static final String EKS_NODEGROUP_TAG = "eks:nodegroup-name";
    static final String ASG_NAME_TAG = "aws:autoscaling:groupName";
    /**
     * What Karpenter v1 (which replaced {@code karpenter.sh/managed-by} with it, upgrade guide v1.0) and EKS Auto Mode
     * (AmazonEKSComputePolicy's request-tag conditions) tag their instances with: the cluster's name.
     */
    static final String EKS_EKS_CLUSTER_TAG = "eks:eks-cluster-name";

    private Attribution() {
    }

    /**
     * The tag keys that select the audited clusters' instances and Auto Scaling groups: {@code kubernetes.io/cluster/NAME}
     * per cluster, plus {@code eks:cluster-name} and {@code eks:eks-cluster-name} (Karpenter, Auto Mode) when reading
     * every cluster (where they cannot pull in other clusters' nodes).
     */
    public static List<String> clusterTagKeys(List<String> clusters, boolean everyCluster) {
        return Stream.concat(clusters.stream().map(n -> CLUSTER_TAG_PREFIX + n),
                everyCluster ? Stream.of(EKS_CLUSTER_TAG, EKS_EKS_CLUSTER_TAG) : Stream.empty()).toList();
    }

    /**
     * The self-managed node groups per cluster: the Auto Scaling groups of an audited cluster that are not an EKS
     * managed group's (neither tagged {@code eks:nodegroup-name} nor named by a managed group).
     */
    public static Map<String, List<AutoScalingGroupFacts>> selfManaged(List<AutoScalingGroupFacts> groups,
                                                                     List<ClusterFacts> clusters,
                                                                     Collection<String> audited) {
        Set<String> names = Set.copyOf(audited);
        Set<String> managedAsgs = new HashSet<>();
        clusters.forEach(c -> c.managedGroups().forEach(g -> managedAsgs.addAll(g.autoScalingGroups())));
        Map<String, List<AutoScalingGroupFacts>> out = new TreeMap<>();
        for (AutoScalingGroupFacts g : groups) {
            Optional<String> cluster = clusterOf(g.tags(), names);
            if (cluster.isEmpty() || g.tags().containsKey(EKS_NODEGROUP_TAG) || managedAsgs.contains(g.name()))
                continue;
            out.computeIfAbsent(cluster.get(), k -> new ArrayList<>()).add(g);
        }
        return out;
    }

    /**
     * {@code eks:cluster-name}, else {@code eks:eks-cluster-name}, when it names an audited cluster; else the first
     * audited {@code kubernetes.io/cluster/NAME}.
     */
    static Optional<String> clusterOf(Map<String, String> tags, Set<String> clusters) {
        for (String key : List.of(EKS_CLUSTER_TAG, EKS_EKS_CLUSTER_TAG)) {
            String eksName = tags.get(key);
            if (eksName != null && clusters.contains(eksName)) return Optional.of(eksName);
        }
        return tags.keySet().stream().filter(k -> k.startsWith(CLUSTER_TAG_PREFIX))
                .map(k -> k.substring(CLUSTER_TAG_PREFIX.length())).filter(clusters::contains)
                .sorted().findFirst();
    }

    /** {@code eks:nodegroup-name} if it is a known managed group, else the group whose ASG launched it, else "". */
    static String nodeGroupOf(Map<String, String> tags, List<NodeGroup> groups) {
        String managed = tags.get(EKS_NODEGROUP_TAG);
        if (managed != null) for (NodeGroup g : groups) if (g.managed() && g.name().equals(managed)) return g.name();
        String asg = tags.get(ASG_NAME_TAG);
        if (asg != null && !asg.isEmpty())
            for (NodeGroup g : groups) if (asg.equals(g.autoScalingGroup())) return g.name();
        return "";
    }
}
