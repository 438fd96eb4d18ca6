package dev.eksip.simulation;

import dev.eksip.domain.Cluster;
import dev.eksip.domain.CniSettings;
import dev.eksip.domain.Eni;
import dev.eksip.domain.EniHolding;
import dev.eksip.domain.InstanceLimits;
import dev.eksip.domain.Inventory;
import dev.eksip.domain.KubeNode;
import dev.eksip.domain.KubePart;
import dev.eksip.domain.KubeView;
import dev.eksip.domain.Node;
import dev.eksip.domain.NodeGroup;
import dev.eksip.domain.Subnet;

import java.util.HashMap;
import java.util.Map;

/**
 * Pods are not read (AWS APIs only), so warm addresses are estimated: the node's pod addresses minus the most pods
 * those holdings serve under the cluster's settings (a lower bound on what is idle). Fleets repeat a few node
 * shapes: the search is done once per (type, settings, max pods, holding) and cached here; what a node's shape is
 * is resolved once per (cluster, node group, type, subnet).
 */
final class WarmEstimate {
    private final InstanceCatalog catalog;
    private final Map<String, Subnet> subnets;
    private final Map<Shape, Integer> cache = new HashMap<>();
    private final Map<Place, Kind> kinds = new HashMap<>();
    private final Map<String, Integer> podsByInstance;

    /** One node shape of the estimate. */
    private record Shape(InstanceLimits limits, CniSettings cni, int maxPods, int held) {
    }

    WarmEstimate(InstanceCatalog catalog, Map<String, Subnet> subnets) {
        this(catalog, subnets, Map.of());
    }

    /**
     * {@code podsByInstance}: exact mode's pods per node (instance id → pods that take an ipamd address); a node
     * listed there has exactly {@code held − pods} warm addresses.
     */
    WarmEstimate(InstanceCatalog catalog, Map<String, Subnet> subnets, Map<String, Integer> podsByInstance) {
        this.catalog = catalog;
        this.subnets = subnets;
        this.podsByInstance = podsByInstance;
    }

    /** Exact mode: instance id → pods, for every cluster whose nodes and pods were both read. */
    static Map<String, Integer> podsByInstance(Inventory inventory) {
        Map<String, Integer> out = new HashMap<>();
        for (KubeView v : inventory.kube()) {
            if (!v.read().contains(KubePart.NODES) || !v.read().contains(KubePart.PODS)) continue;
            for (KubeNode k : v.nodes()) if (!k.instanceId().isEmpty()) out.put(k.instanceId(), k.pods());
        }
        return out;
    }

    /** Addresses surely idle on node {@code n} of cluster {@code c}; 0 for IPv6 and unknown types. */
    int idle(Node n, Cluster cluster) {
        int held = 0;
        for (Eni e : n.enis()) held += e.secondaryIps().size() + EniHolding.PREFIX_SIZE * e.prefixes().size();
        if (held == 0) return 0;
        Kind kind = kinds.computeIfAbsent(new Place(cluster.name(), n.nodeGroup(), n.instanceType(), n.subnetId()),
                p -> kind(n, cluster));
        if (kind.ipv6()) return 0;
        Integer pods = podsByInstance.get(n.instanceId());
        if (pods != null) return Math.max(0, held - pods);        // exact: held − assigned
        if (kind.limits() == null) return 0;
        Integer known = kind.idle().get(held);
        if (known != null) return known;
        int idle = cache.computeIfAbsent(new Shape(kind.limits(), kind.cni(), kind.maxPods(), held),
                WarmEstimate::search);
        kind.idle().put(held, idle);
        return idle;
    }

    /** What the estimate of a node depends on besides its holding: its cluster, group, type and subnet. */
    private record Place(String cluster, String group, String instanceType, String subnetId) {
    }

    /** A {@link Place} resolved: the settings the search runs with, and its answers by holding. */
    private record Kind(boolean ipv6, InstanceLimits limits, CniSettings cni, int maxPods, Map<Integer, Integer> idle) {
    }

    private Kind kind(Node n, Cluster cluster) {
        Cluster c = AutoModeNetworking.view(cluster, group(cluster, n.nodeGroup()));
        InstanceLimits limits = catalog.find(n.instanceType()).orElse(null);
        if (c.cni().ipv6() || limits == null) return new Kind(c.cni().ipv6(), null, c.cni(), 0, Map.of());
        int maxPods = Forecaster.maxPods(limits, c.cni(), group(c, n.nodeGroup()));
        CniSettings cni = SubnetDiscovery.excludedPrimary(c, subnets.get(n.subnetId()))
                ? SubnetDiscovery.primaryExcluded(c.cni()) : c.cni();
        return new Kind(false, limits, cni, maxPods, new HashMap<>());
    }

    private static int search(Shape k) {
        int lo = 0;
        int hi = Math.max(0, Math.min(k.held(), k.maxPods() - NodeModel.HOST_NETWORK_PODS));
        while (lo < hi) {       // largest p whose converged holding does not exceed what is held
            int mid = (lo + hi + 1) >>> 1;
            if (NodeModel.converge(k.limits(), k.cni(), k.maxPods(), mid, 0).podAddresses() <= k.held()) lo = mid;
            else hi = mid - 1;
        }
        return k.held() - lo;
    }

    private static NodeGroup group(Cluster c, String name) {
        for (NodeGroup g : c.nodeGroups()) if (g.name().equals(name)) return g;
        return null;
    }
}
