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
import dev.eksip.domain.SubnetTake;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

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
    /** {@link #allocatingIn}'s index, built on first use (the groups are complete by then). */
    private Map<String, List<GroupGrowth>> allocating;
    private final Set<String> prefixSubnets = new LinkedHashSet<>();
    /** Pod subnets of prefix-delegation clusters with custom networking: their /28s have no alternative. */
    private final Set<String> hardPrefixSubnets = new LinkedHashSet<>();
    /** Groups whose new nodes hold /28 prefixes. */
    private final Set<GroupGrowth> prefixGroups = Collections.newSetFromMap(new IdentityHashMap<>());
    /** {@link #overflowTo} per node subnet, computed once the groups are known. */
    private Map<String, List<String>> relief;
    private final List<InventoryGap> gaps;
    /** Exact mode: instance id → its IP-consuming pods (empty without the Kubernetes API). */
    private final Map<String, Integer> podsByInstance;

    private GrowthPlan(Inventory inventory, Map<String, Subnet> subnets, InstanceCatalog catalog,
                       SubnetDiscovery discovery) {
        this.podsByInstance = WarmEstimate.podsByInstance(inventory);
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

    /**
     * The discovery candidates a new node's primary-ENI prefixes overflow to when this node subnet has no free /28
     * ({@link PrimaryPrefixes}), in subnet id order; empty unless the subnet is relieved: a prefix-mode subnet that
     * node groups launch into, every prefix-delegation group allocating here can overflow to another candidate of
     * its node subnet, and no custom-networking cluster needs its /28s for pod ENIs. A relieved subnet is counted
     * in addresses: its nodes' own IPs are what it must hold.
     */
    List<String> overflowTo(String subnetId) {
        if (relief == null) relief = relief();
        if (!prefixMode(subnetId) || hardPrefixSubnets.contains(subnetId)) return List.of();
        return relief.getOrDefault(subnetId, List.of());
    }

    /** {@link #overflowTo} of every node subnet at once, before the prefix-mode and custom-networking checks. */
    private Map<String, List<String>> relief() {
        Map<String, Set<String>> out = new HashMap<>();
        Set<String> blocked = new HashSet<>();
        for (GroupGrowth g : groups) {
            if (!prefixGroups.contains(g)) continue;      // secondary IPs here: /32s, counted in addresses anyway
            for (Subnet n : g.subnets()) {
                List<Subnet> candidates = PrimaryPrefixes.overflow(g.cluster().cni())
                        ? discovery.candidates(g.cluster(), n) : List.of();
                Set<String> touched = new TreeSet<>();
                touched.add(n.subnetId());
                for (Subnet x : candidates) touched.add(x.subnetId());
                for (String t : touched) {
                    Set<String> others = new TreeSet<>();
                    for (Subnet x : candidates) if (!x.subnetId().equals(t)) others.add(x.subnetId());
                    if (others.isEmpty()) blocked.add(t);
                    else if (t.equals(n.subnetId())) out.computeIfAbsent(t, k -> new TreeSet<>()).addAll(others);
                }
            }
        }
        Map<String, List<String>> relieved = new HashMap<>();
        out.forEach((id, to) -> {
            if (!blocked.contains(id)) relieved.put(id, List.copyOf(to));
        });
        return relieved;
    }

    /** Whether the subnet's figure is counted in free /28 blocks (prefix mode and not {@link #overflowTo relieved}). */
    boolean countedInBlocks(String subnetId) {
        return prefixMode(subnetId) && overflowTo(subnetId).isEmpty();
    }

    /** The inventory's gaps and those found while planning. */
    List<InventoryGap> gaps() {
        return List.copyOf(gaps);
    }

    private void add(Cluster cluster, ObservedHoldings observed) {
        boolean prefixMode = cluster.cni().prefixDelegation() && !cluster.cni().ipv6();
        // §1: prefix delegation only where the type supports it (else secondary IPs): a cluster whose every
        // known node group type falls back never asks for a /28. Auto Mode pools do not run the cluster's CNI.
        List<NodeGroup> cniGroups = cluster.nodeGroups().stream().filter(g -> !AutoModeNetworking.autoMode(g)).toList();
        boolean anyPrefixGroup = cniGroups.isEmpty() || cniGroups.stream().anyMatch(g -> {
            String t = g.instanceTypes().isEmpty() ? "" : g.instanceTypes().get(0);
            return catalog.find(t).map(InstanceLimits::prefixDelegationSupported).orElse(true);
        });
        if (prefixMode && anyPrefixGroup) {
            prefixSubnets.addAll(cluster.podSubnets().values());
            if (cluster.cni().customNetworking()) hardPrefixSubnets.addAll(cluster.podSubnets().values());
        }
        gaps.addAll(PodSubnetGaps.of(cluster, subnets));
        for (NodeGroup g : cluster.nodeGroups()) {
            // An Auto Mode pool falls back to secondary IPs where no /28 is free: its subnets stay counted in
            // addresses (never added to prefixSubnets), its nodes cost what they hold.
            boolean autoMode = AutoModeNetworking.autoMode(g);
            Cluster c = AutoModeNetworking.view(cluster, g);
            InstanceLimits limits = ForecastType.of(c, g, catalog, gaps);
            boolean groupPrefixes = !autoMode && prefixMode && (limits == null || limits.prefixDelegationSupported());
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
            NodeGroupRef ref = new NodeGroupRef(c.name(), g.name());
            List<Node> nodes = observed.nodes(ref);
            Map<String, Integer> perZone = new TreeMap<>();
            for (Subnet s : groupSubnets) perZone.putIfAbsent(s.availabilityZone(), 0);
            // Auto Scaling balances over the zones it launches into; nodes left in other zones do not count.
            // Karpenter is assumed to spread its nodes over zones alike (its zone choice needs the Kubernetes API).
            for (Node n : nodes) perZone.computeIfPresent(n.availabilityZone(), (z, k) -> k + 1);
            int maxPods = Forecaster.maxPods(limits, c.cni(), g);
            List<EniHolding> median = nodes.isEmpty() ? null : NodeCost.median(nodes, observed.addressesHeld(ref));
            Integer pods = medianPods(nodes);
            // exact mode: what ipamd holds for the group's median real pod count (§4-§6), not what nodes still hold
            if (pods != null && limits != null) median = NodeModel.converge(limits, c.cni(), maxPods, pods, 0).enis();
            NodeCost cost = NodeCost.withMedian(limits, c.cni(), maxPods, median);
            NodeCost excluded = null;
            if (groupSubnets.stream().anyMatch(s -> SubnetDiscovery.excludedPrimary(c, s))) {
                // An excluded primary ENI behaves as under custom networking (§6(e)): no pod IPs, one slot.
                CniSettings skipPrimary = SubnetDiscovery.primaryExcluded(c.cni());
                List<EniHolding> skipMedian = pods != null && limits != null
                        ? NodeModel.converge(limits, skipPrimary, maxPods, pods, 0).enis() : median;
                excluded = NodeCost.withMedian(limits, skipPrimary, maxPods, skipMedian);
            }
            GroupGrowth growth = new GroupGrowth(c, g, groupSubnets, perZone, nodes.size(), cost, excluded,
                    maxNodes(g, limits), nodes);
            groups.add(growth);
            if (groupPrefixes) prefixGroups.add(growth);
        }
    }

    /** The median of the nodes' real pod counts (exact mode), null unless every node's count is known. */
    private Integer medianPods(List<Node> nodes) {
        if (nodes.isEmpty() || podsByInstance.isEmpty()) return null;
        List<Integer> counts = new ArrayList<>(nodes.size());
        for (Node n : nodes) {
            Integer p = podsByInstance.get(n.instanceId());
            if (p == null) return null;
            counts.add(p);
        }
        counts.sort(null);
        return counts.get(counts.size() / 2);
    }

    /**
     * The group's size at max. A node pool: what its CPU limit allows for the type new nodes are forecast with
     * (never fewer than it runs), else its desired size (unbounded: no growth is invented).
     */
    private static int maxNodes(NodeGroup g, InstanceLimits limits) {
        if (!g.isNodePool()) return g.maxSize();
        if (g.nodePool().unbounded()) return g.desiredSize();
        int bound = g.nodePool().limits().maxNodes(limits.vcpus());
        return bound < 0 ? g.desiredSize() : Math.max(bound, g.desiredSize());
    }

    /**
     * What one new node (median holding) of each group allocating in this subnet adds here; the largest (most
     * conservative). In prefix mode only its prefixes count, as free /28 blocks (§10). 0 when no group allocates here.
     */
    int medianNodeCost(String subnetId, boolean prefixMode) {
        int worst = 0;
        for (GroupGrowth g : allocatingIn(subnetId)) worst = Math.max(worst, nodeCost(g, subnetId, prefixMode));
        return worst;
    }

    /**
     * The groups that may allocate in the subnet (it is one of theirs, an ENIConfig pod subnet of theirs or a
     * discovered candidate of one), in group order: indexed once, so a per-subnet question does not visit every
     * group of the account.
     */
    List<GroupGrowth> allocatingIn(String subnetId) {
        if (allocating == null) {
            Map<String, List<GroupGrowth>> index = new HashMap<>();
            for (GroupGrowth g : groups)
                for (String id : touched(g)) index.computeIfAbsent(id, k -> new ArrayList<>()).add(g);
            allocating = index;
        }
        return allocating.getOrDefault(subnetId, List.of());
    }

    /** The subnets a group launches into, its ENIConfig pod subnets and their discovered candidates. */
    private Set<String> touched(GroupGrowth g) {
        CniSettings cni = g.cluster().cni();
        Set<String> touched = new LinkedHashSet<>();
        for (Subnet s : g.subnets()) touched.add(s.subnetId());
        if (cni.customNetworking()) touched.addAll(g.cluster().podSubnets().values());
        else if (cni.subnetDiscovery())
            for (Subnet s : g.subnets())
                for (Subnet c : discovery.candidates(g.cluster(), s)) touched.add(c.subnetId());
        return touched;
    }

    /**
     * {@link #medianNodeCost} of every subnet at once, in one pass over the groups: each group visits only the
     * subnets it launches into, its ENIConfig pod subnets and their discovered candidates (not every subnet of
     * the account), so the work grows with the account, not with its square. Subnets no group allocates in are
     * absent (cost 0).
     */
    Map<String, Integer> medianNodeCosts() {
        Map<String, Integer> worst = new HashMap<>();
        for (GroupGrowth g : groups)
            for (String id : touched(g)) worst.merge(id, nodeCost(g, id, countedInBlocks(id)), Math::max);
        return worst;
    }

    /**
     * The takes one new node (median holding) of the group allocating most prefixes in this subnet makes here, in
     * ENI order, as {@link #medianNodeCost} chooses it in prefix mode: what {@link RandomPlacement} places node by
     * node. Empty when no group allocates here.
     */
    List<SubnetTake> medianNodeTakes(String subnetId) {
        List<SubnetTake> worst = List.of();
        int worstPrefixes = -1;
        for (GroupGrowth g : allocatingIn(subnetId)) {
            List<EniHolding> here = medianEnisIn(g, subnetId);
            if (here.isEmpty()) continue;
            int prefixes = here.stream().mapToInt(EniHolding::prefixes).sum();
            if (prefixes > worstPrefixes) {
                worst = here.stream().map(EniHolding::take).toList();
                worstPrefixes = prefixes;
            }
        }
        return List.copyOf(worst);
    }

    /**
     * The ENIs of one new node (median holding) of {@code g} that land in this subnet, in ENI order: its primary
     * where it launches, its pod (trunk, branch) ENIs where ipamd puts them (§5: the ENIConfig subnet with custom
     * networking, else the node subnet or a discovered candidate). Empty when the group allocates elsewhere.
     */
    private List<EniHolding> medianEnisIn(GroupGrowth g, String subnetId) {
        CniSettings cni = g.cluster().cni();
        boolean launchesHere = g.launchesInto(subnetId);
        boolean podsHere = cni.customNetworking() && g.cluster().podSubnets().containsValue(subnetId);
        boolean discoveredHere = !cni.customNetworking() && cni.subnetDiscovery()
                && g.subnets().stream().anyMatch(s -> discovery.candidates(g.cluster(), s).stream()
                        .anyMatch(c -> c.subnetId().equals(subnetId)));
        if (!launchesHere && !podsHere && !discoveredHere) return List.of();
        NodeCost nodeCost = launchesHere ? g.costIn(subnets.get(subnetId)) : g.cost();
        List<EniHolding> out = new ArrayList<>();
        for (EniHolding eni : nodeCost.median()) {
            boolean here = switch (eni.role()) {
                case PRIMARY, UNMANAGED -> launchesHere;
                case POD, TRUNK, BRANCH -> cni.customNetworking() ? podsHere : launchesHere || discoveredHere;
            };
            if (here) out.add(eni);
        }
        return out;
    }

    /** What one new node (median holding) of {@code g} adds to this subnet, in its unit; 0 when it allocates elsewhere. */
    int nodeCost(GroupGrowth g, String subnetId, boolean prefixMode) {
        int cost = 0;
        for (EniHolding eni : medianEnisIn(g, subnetId))
            cost += prefixMode ? EniHolding.PREFIX_SIZE * eni.prefixes() : eni.take().addresses();
        return cost;
    }
}
