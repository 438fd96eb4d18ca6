package dev.eksip.app.inventory;

import dev.eksip.domain.NodeGroup;
import dev.eksip.domain.NodePool;
import dev.eksip.domain.Provisioner;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Karpenter and EKS Auto Mode node pools from the AWS APIs alone: an instance no Auto Scaling group launched that
 * carries {@code eks:kubernetes-node-pool-name} (EKS Auto Mode, with {@code eks:kubernetes-node-class-name}) or
 * {@code karpenter.sh/nodepool} (Karpenter v1, with {@code karpenter.k8s.aws/ec2nodeclass}) belongs to that pool. A
 * pool is a {@link NodeGroup} with a {@link NodePool}: its types and candidate subnets are those its nodes were seen
 * with and in, its min, desired and max sizes its node count (limits unknown: growth unbounded).
 */
final class NodePools {
    static final String KARPENTER_POOL_TAG = "karpenter.sh/nodepool";
    static final String KARPENTER_CLASS_TAG = "karpenter.k8s.aws/ec2nodeclass";
    static final String AUTO_MODE_POOL_TAG = "eks:kubernetes-node-pool-name";
    static final String AUTO_MODE_CLASS_TAG = "eks:kubernetes-node-class-name";

    private NodePools() {
    }

    /** The pool an instance's tags name. */
    record PoolTag(Provisioner provisioner, String pool, String nodeClass) {
    }

    /**
     * The pool {@code tags} name. In an Auto Mode cluster a {@code karpenter.sh/nodepool} instance without an
     * {@code EC2NodeClass} tag is Auto Mode's too (Auto Mode's NodeClass is {@code eks.amazonaws.com/v1}, not
     * Karpenter's {@code EC2NodeClass}).
     */
    static Optional<PoolTag> poolOf(Map<String, String> tags, boolean autoModeCluster) {
        String auto = tags.get(AUTO_MODE_POOL_TAG);
        if (auto != null && !auto.isEmpty())
            return Optional.of(new PoolTag(Provisioner.AUTO_MODE, auto, tags.getOrDefault(AUTO_MODE_CLASS_TAG, "")));
        String karpenter = tags.get(KARPENTER_POOL_TAG);
        if (karpenter == null || karpenter.isEmpty()) return Optional.empty();
        if (autoModeCluster && !tags.containsKey(KARPENTER_CLASS_TAG))
            return Optional.of(new PoolTag(Provisioner.AUTO_MODE, karpenter, tags.getOrDefault(AUTO_MODE_CLASS_TAG, "")));
        return Optional.of(new PoolTag(Provisioner.KARPENTER, karpenter, tags.getOrDefault(KARPENTER_CLASS_TAG, "")));
    }

    /**
     * Adds each cluster's node pools to {@code groupsByCluster} (after its Auto Scaling groups, by name) and returns
     * {@code instances} with the unattributed pool instances attributed to their pool. A pool whose name an Auto
     * Scaling group of the cluster already has is named {@code <provisioner>:<name>}.
     */
    static List<NodeGroupAssembly.AttributedInstance> attribute(List<NodeGroupAssembly.AttributedInstance> instances,
                                                                Map<String, List<NodeGroup>> groupsByCluster,
                                                                Set<String> autoModeClusters) {
        Map<String, Map<String, List<InstanceFacts>>> pools = new TreeMap<>();
        Map<String, Map<String, PoolTag>> tagsOf = new TreeMap<>();
        List<NodeGroupAssembly.AttributedInstance> out = new ArrayList<>(instances.size());
        for (NodeGroupAssembly.AttributedInstance a : instances) {
            Optional<PoolTag> tag = a.nodeGroup().isEmpty() ? poolOf(a.instance().tags(), autoModeClusters.contains(a.cluster())) : Optional.empty();
            if (tag.isEmpty()) {
                out.add(a);
                continue;
            }
            String name = nameIn(tag.get(), groupsByCluster.getOrDefault(a.cluster(), List.of()));
            pools.computeIfAbsent(a.cluster(), k -> new TreeMap<>()).computeIfAbsent(name, k -> new ArrayList<>())
                    .add(a.instance());
            tagsOf.computeIfAbsent(a.cluster(), k -> new TreeMap<>()).putIfAbsent(name, tag.get());
            out.add(new NodeGroupAssembly.AttributedInstance(a.instance(), a.cluster(), name));
        }
        pools.forEach((cluster, byName) -> {
            List<NodeGroup> groups = new ArrayList<>(groupsByCluster.getOrDefault(cluster, List.of()));
            byName.forEach((name, nodes) -> groups.add(group(name, tagsOf.get(cluster).get(name), nodes)));
            groupsByCluster.put(cluster, groups);
        });
        return out;
    }

    private static String nameIn(PoolTag tag, List<NodeGroup> asgs) {
        boolean taken = asgs.stream().anyMatch(g -> !g.isNodePool() && g.name().equals(tag.pool()));
        return taken ? tag.provisioner().id() + ":" + tag.pool() : tag.pool();
    }

    private static NodeGroup group(String name, PoolTag tag, List<InstanceFacts> nodes) {
        Set<String> types = new TreeSet<>();
        Set<String> subnets = new TreeSet<>();
        for (InstanceFacts i : nodes) {
            types.add(i.instanceType());
            if (!i.subnetId().isEmpty()) subnets.add(i.subnetId());
        }
        int n = nodes.size();
        return new NodeGroup(name, false, false, List.copyOf(types), n, n, n, List.copyOf(subnets), "", 0,
                NodePool.observed(tag.provisioner(), tag.nodeClass()));
    }
}
