package dev.eksip.app.inventory;

import dev.eksip.domain.Cluster;
import dev.eksip.domain.CniSettings;
import dev.eksip.domain.CniSource;
import dev.eksip.domain.Inventory;
import dev.eksip.domain.InventoryGap;
import dev.eksip.domain.KubeNode;
import dev.eksip.domain.KubePart;
import dev.eksip.domain.KubeView;
import dev.eksip.domain.Node;
import dev.eksip.domain.NodeGroup;
import dev.eksip.domain.Subnet;
import dev.eksip.simulation.CniEnv;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Exact mode's facts laid over an inventory read from AWS (README "Exact mode"): what the Kubernetes API showed
 * replaces what was estimated, part by part, and nothing else changes.
 * <ul>
 * <li>the {@code aws-node} env is what ipamd runs with, so it wins over the add-on's configuration values and
 *     {@code CNI_SETTINGS} ({@link CniSource#AWS_NODE});</li>
 * <li>ENIConfigs give the pod subnet per zone (the zone is the ENIConfig subnet's own), replacing
 *     {@link PodSubnets#infer}: a zone with no pod ENI yet gets its subnet too;</li>
 * <li>a node group without an explicit max pods takes the kubelet's {@code capacity.pods} its nodes report (the
 *     most common value; ties to the lower), so "full" costs real max pods;</li>
 * <li>the views themselves travel in {@link Inventory#kube()}: pods per node make warm addresses exact
 *     (simulation {@code WarmEstimate}).</li>
 * </ul>
 */
public final class KubeOverlay {
    private KubeOverlay() {
    }

    /** {@code inventory} with {@code views} applied and {@code gaps} (exact mode's own) added. */
    public static Inventory apply(Inventory inventory, List<KubeView> views, List<InventoryGap> gaps) {
        Map<String, KubeView> byCluster = new HashMap<>();
        views.forEach(v -> byCluster.put(v.cluster(), v));
        Map<String, Subnet> subnets = new HashMap<>();
        inventory.subnets().forEach(s -> subnets.put(s.subnetId(), s));
        Map<String, Node> nodesById = new HashMap<>();
        inventory.nodes().forEach(n -> nodesById.put(n.instanceId(), n));

        List<Cluster> clusters = new ArrayList<>(inventory.clusters().size());
        for (Cluster c : inventory.clusters()) {
            KubeView v = byCluster.get(c.name());
            clusters.add(v == null ? c : overlay(c, v, subnets, nodesById));
        }
        List<InventoryGap> allGaps = new ArrayList<>(inventory.gaps());
        allGaps.addAll(gaps);
        return new Inventory(inventory.accountId(), inventory.region(), inventory.capturedAt(), inventory.subnets(),
                clusters, inventory.nodes(), inventory.otherEnis(), inventory.instanceLimits(), allGaps, views);
    }

    private static Cluster overlay(Cluster c, KubeView v, Map<String, Subnet> subnets, Map<String, Node> nodesById) {
        CniSettings cni = c.cni();
        CniSource source = c.cniSource();
        List<String> cniNotes = c.cniObserved();
        if (v.read().contains(KubePart.AWS_NODE)) {
            cni = CniEnv.parse(v.awsNodeEnv());
            source = CniSource.AWS_NODE;
            cniNotes = UnmodelledCni.adding(cniNotes, v.awsNodeEnv(), "the aws-node DaemonSet's env");
        }
        Map<String, String> podSubnets = c.podSubnets();
        if (v.read().contains(KubePart.ENI_CONFIGS) && cni.customNetworking()) podSubnets = podSubnets(v, subnets);
        List<NodeGroup> groups = c.nodeGroups();
        if (v.read().contains(KubePart.NODES)) groups = withRealMaxPods(c, v, nodesById);
        if (v.read().contains(KubePart.NODE_POOLS))
            groups = KubeNodePools.apply(groups, v.nodePools(), subnets, c.vpcId());
        return new Cluster(c.name(), c.vpcId(), c.ipFamily(), cni, source, podSubnets, groups, c.autoMode(),
                cniNotes, c.subnetIds());
    }

    /** Zone → ENIConfig subnet, the zone being the subnet's own (ENIConfigs are named freely). */
    static Map<String, String> podSubnets(KubeView v, Map<String, Subnet> subnets) {
        Map<String, String> out = new TreeMap<>();
        new TreeMap<>(v.eniConfigSubnets()).forEach((name, subnetId) -> {
            Subnet s = subnets.get(subnetId);
            String zone = s != null ? s.availabilityZone() : name;   // unknown subnet: the default label is the zone
            out.putIfAbsent(zone, subnetId);
        });
        return out;
    }

    private static List<NodeGroup> withRealMaxPods(Cluster c, KubeView v, Map<String, Node> nodesById) {
        Map<String, Map<Integer, Integer>> counts = new HashMap<>();
        for (KubeNode k : v.nodes()) {
            Node n = nodesById.get(k.instanceId());
            if (n == null || !n.cluster().equals(c.name()) || n.nodeGroup().isEmpty() || k.maxPods() == 0) continue;
            counts.computeIfAbsent(n.nodeGroup(), g -> new TreeMap<>()).merge(k.maxPods(), 1, Integer::sum);
        }
        List<NodeGroup> out = new ArrayList<>(c.nodeGroups().size());
        for (NodeGroup g : c.nodeGroups()) {
            Map<Integer, Integer> seen = counts.get(g.name());
            if (g.maxPods() > 0 || seen == null) {
                out.add(g);
                continue;
            }
            int best = 0;
            int bestCount = 0;
            for (var e : seen.entrySet()) {     // sorted by value: ties go to the lower max pods
                if (e.getValue() > bestCount) {
                    best = e.getKey();
                    bestCount = e.getValue();
                }
            }
            out.add(g.withMaxPods(best, "its nodes' capacity.pods (Kubernetes API)"));
        }
        return out;
    }
}
