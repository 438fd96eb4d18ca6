package dev.eksip.simulation;

import dev.eksip.domain.Cluster;
import dev.eksip.domain.CniSettings;
import dev.eksip.domain.EniHolding;
import dev.eksip.domain.InstanceLimits;
import dev.eksip.domain.Inventory;
import dev.eksip.domain.InventoryGap;
import dev.eksip.domain.Node;
import dev.eksip.domain.NodeGroup;
import dev.eksip.domain.NodeGroupRef;
import dev.eksip.domain.Scope;
import dev.eksip.domain.Subnet;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the growth phase starts from: for every node group that can be forecast, its {@link GroupGrowth}; the
 * subnets where a prefix-delegation cluster allocates (counted in free aligned /28 blocks, §10); and the gaps met
 * on the way (unknown instance types, subnets not read), after the inventory's own.
 */
final class GrowthPlan {
    private final Map<String, Subnet> subnets;
    private final InstanceCatalog catalog;
    private final SubnetDiscovery discovery;
    private final List<GroupGrowth> groups = new ArrayList<>();
    private final Set<String> prefixSubnets = new LinkedHashSet<>();
    private final List<InventoryGap> gaps;

    private GrowthPlan(Inventory inventory, Map<String, Subnet> subnets, InstanceCatalog catalog,
                       SubnetDiscovery discovery) {
        this.subnets = subnets;
        this.catalog = catalog;
        this.discovery = discovery;
        this.gaps = new ArrayList<>(inventory.gaps());
    }

    static GrowthPlan of(Inventory inventory, Map<String, Subnet> subnets, InstanceCatalog catalog,
                         SubnetDiscovery discovery, ObservedHoldings observed) {
        GrowthPlan plan = new GrowthPlan(inventory, subnets, catalog, discovery);
        for (Cluster c : inventory.clusters()) plan.add(c, observed);
        return plan;
    }

    List<GroupGrowth> groups() {
        return List.copyOf(groups);
    }

    /** Whether a prefix-delegation cluster allocates in this subnet. */
    boolean prefixMode(String subnetId) {
        return prefixSubnets.contains(subnetId);
    }

    /** The inventory's gaps and those found while planning. */
    List<InventoryGap> gaps() {
        return List.copyOf(gaps);
    }

    private void add(Cluster c, ObservedHoldings observed) {
        boolean prefixMode = c.cni().prefixDelegation() && !c.cni().ipv6();
        // §1: prefix delegation only where the type supports it (else secondary IPs): a cluster whose every
        // known node group type falls back never asks for a /28.
        boolean anyPrefixGroup = c.nodeGroups().isEmpty() || c.nodeGroups().stream().anyMatch(g -> {
            String t = g.instanceTypes().isEmpty() ? "" : g.instanceTypes().get(0);
            return catalog.find(t).map(InstanceLimits::prefixDelegationSupported).orElse(true);
        });
        if (prefixMode && anyPrefixGroup) prefixSubnets.addAll(c.podSubnets().values());
        gaps.addAll(PodSubnetGaps.of(c, subnets));
        for (NodeGroup g : c.nodeGroups()) {
            InstanceLimits limits = ForecastType.of(c, g, catalog, gaps);
            boolean groupPrefixes = prefixMode && (limits == null || limits.prefixDelegationSupported());
            List<Subnet> groupSubnets = new ArrayList<>();
            for (String id : g.subnetIds()) {
                Subnet s = subnets.get(id);
                if (s == null) {
                    gaps.add(new InventoryGap(Scope.cluster(c.name()), "", "",
                            "subnet %s of node group %s was not read; its growth is not forecast"
                                    .formatted(id, g.name())));
                    continue;
                }
                groupSubnets.add(s);
                // §6(i): with custom networking, or an excluded (cni=0) node subnet, the node subnet holds only
                // the primary ENI's /32; prefixes go elsewhere.
                if (groupPrefixes && !c.cni().customNetworking()) {
                    if (!SubnetDiscovery.excludedPrimary(c, s)) prefixSubnets.add(id);
                    for (Subnet cand : discovery.candidates(c, s)) prefixSubnets.add(cand.subnetId());
                }
            }
            if (limits == null || groupSubnets.isEmpty()) continue;
            List<Node> nodes = observed.nodes(new NodeGroupRef(c.name(), g.name()));
            Map<String, Integer> perZone = new TreeMap<>();
            for (Subnet s : groupSubnets) perZone.putIfAbsent(s.availabilityZone(), 0);
            // Auto Scaling balances over the zones it launches into; nodes left in other zones do not count.
            for (Node n : nodes) perZone.computeIfPresent(n.availabilityZone(), (z, k) -> k + 1);
            int maxPods = Forecaster.maxPods(limits, c.cni(), g);
            NodeCost cost = NodeCost.of(limits, c.cni(), maxPods, nodes);
            NodeCost excluded = null;
            if (groupSubnets.stream().anyMatch(s -> SubnetDiscovery.excludedPrimary(c, s))) {
                // An excluded primary ENI behaves as under custom networking (§6(e)): no pod IPs, one slot.
                CniSettings skipPrimary = SubnetDiscovery.primaryExcluded(c.cni());
                excluded = NodeCost.of(limits, skipPrimary, maxPods, nodes);
            }
            groups.add(new GroupGrowth(c, g, groupSubnets, perZone, nodes.size(), cost, excluded, nodes));
        }
    }

    /**
     * What one new node (median holding) of each group allocating in this subnet adds here; the largest (most
     * conservative). In prefix mode only its prefixes count, as free /28 blocks (§10). 0 when no group allocates here.
     */
    int medianNodeCost(String subnetId, boolean prefixMode) {
        int worst = 0;
        for (GroupGrowth g : groups) {
            CniSettings cni = g.cluster().cni();
            boolean launchesHere = g.launchesInto(subnetId);
            boolean podsHere = cni.customNetworking() && g.cluster().podSubnets().containsValue(subnetId);
            boolean discoveredHere = !cni.customNetworking() && cni.subnetDiscovery()
                    && g.subnets().stream().anyMatch(s -> discovery.candidates(g.cluster(), s).stream()
                            .anyMatch(c -> c.subnetId().equals(subnetId)));
            if (!launchesHere && !podsHere && !discoveredHere) continue;
            NodeCost nodeCost = launchesHere ? g.costIn(subnets.get(subnetId)) : g.cost();
            int cost = 0;
            for (EniHolding eni : nodeCost.median()) {
                boolean here = switch (eni.role()) {
                    case PRIMARY -> launchesHere;
                    case POD, TRUNK, BRANCH -> cni.customNetworking() ? podsHere : launchesHere || discoveredHere;
                };
                if (here) cost += prefixMode ? EniHolding.PREFIX_SIZE * eni.prefixes() : eni.take().addresses();
            }
            worst = Math.max(worst, cost);
        }
        return worst;
    }
}
