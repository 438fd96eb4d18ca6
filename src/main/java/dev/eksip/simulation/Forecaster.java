package dev.eksip.simulation;

import dev.eksip.domain.Scope;
import dev.eksip.domain.ClusterForecast;
import dev.eksip.domain.CniSettings;
import dev.eksip.domain.Cluster;
import dev.eksip.domain.Eni;
import dev.eksip.domain.EniHolding;
import dev.eksip.domain.EniRole;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.GrowthForecast;
import dev.eksip.domain.InstanceLimits;
import dev.eksip.domain.Inventory;
import dev.eksip.domain.InventoryGap;
import dev.eksip.domain.Node;
import dev.eksip.domain.NodeAllocation;
import dev.eksip.domain.NodeGroup;
import dev.eksip.domain.Severity;
import dev.eksip.domain.Subnet;
import dev.eksip.domain.SubnetForecast;
import dev.eksip.domain.ZoneForecast;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Forecasts every subnet of an inventory (vpc-cni-model.md §9): today's holdings are observed from the ENIs,
 * growth comes from the node model. Every node group grows to its desired and to its max size; new nodes are
 * spread over the group's subnets balanced across availability zones as Auto Scaling does, and each costs (a) its
 * 0-pod baseline, (b) the median holding of the group's existing nodes, or (c) its full max pods. New pod ENIs go
 * where ipamd puts them (§5): the ENIConfig subnet of the zone with custom networking, else with subnet discovery
 * the candidate subnet of the zone with the most free addresses, else the node's subnet. Where a prefix-delegation
 * cluster allocates, the subnet is counted in free aligned /28 blocks (§10), not addresses.
 */
public final class Forecaster {
    /** A subnet is at warning when less than this share of its usable addresses remains at max size. */
    public static final double WARNING_HEADROOM = 0.10;
    /** The WARM_IP_TARGET a fix suggests in place of whole warm ENIs (small enough to save, large enough for bursts). */
    public static final int SUGGESTED_WARM_IP_TARGET = 5;
    private static final String CNI_ROLE_TAG = "kubernetes.io/role/cni";
    private static final String CNI_CLUSTER_TAG_PREFIX = "cni.networking.k8s.aws/cluster/";

    private Forecaster() {
    }

    public static Forecast forecast(Inventory inventory, Instant asOf) {
        return new Run(inventory).forecast(asOf);
    }

    /**
     * §8 precedence: a managed node group without a custom AMI caps max pods at 110 (≤ 30 vCPUs) / 250 and that cap
     * wins over everything, an explicit kubelet value included; below it an explicit kubelet value wins; else the
     * managed group gets the calculator (prefix, custom networking and MAX_ENI aware) under the cap, and everything
     * else nodeadm's standard formula.
     */
    static int maxPods(InstanceLimits limits, CniSettings cni, NodeGroup g) {
        boolean managedCap = g != null && g.managed() && !g.customAmi();
        if (g != null && g.maxPods() > 0)
            return managedCap ? Math.min(g.maxPods(), MaxPods.managedCap(limits)) : g.maxPods();
        if (managedCap)
            return MaxPods.compute(limits, new MaxPods.Options(cni.prefixDelegation(), cni.customNetworking(),
                    cni.maxEni(), true));
        return MaxPods.standard(limits);
    }

    /** The three assumptions of what one new node costs. */
    enum Scenario { BASELINE, MEDIAN, FULL }

    /** Where a part of a node's addresses goes (§5 "where the new ENI's addresses come from"). */
    enum Destination { NODE_SUBNET, POD_ENI, SECURITY_GROUP_ENI }

    /** Addresses of one ENI of a new node: /32s and /28 prefixes. */
    record Chunk(Destination destination, int ips, int prefixes) {
        int addresses() {
            return ips + EniHolding.PREFIX_SIZE * prefixes;
        }
    }

    /**
     * How one node group grows. {@code excludedPrimaryCost} is what a node costs when its primary subnet is tagged
     * {@code kubernetes.io/role/cni=0} under subnet discovery (null when that cannot happen).
     */
    private record Growth(Cluster cluster, NodeGroup group, List<Subnet> subnets, Map<String, Integer> nodesPerZone,
                          int current, Map<Scenario, List<Chunk>> cost,
                          Map<Scenario, List<Chunk>> excludedPrimaryCost) {
        int newNodes(boolean atMax) {
            return Math.max(0, (atMax ? group.maxSize() : group.desiredSize()) - current);
        }

        /** The cost of a node launched into {@code nodeSubnet}. */
        Map<Scenario, List<Chunk>> costIn(Subnet nodeSubnet) {
            return excludedPrimaryCost != null && excludedPrimary(cluster, nodeSubnet) ? excludedPrimaryCost : cost;
        }
    }

    /**
     * §3/§5 (v1.22.1+): with subnet discovery, ENIs in a subnet tagged {@code kubernetes.io/role/cni=0} are excluded,
     * the primary ENI included when the node's own subnet carries the tag: it gets no pod IPs but keeps its slot.
     */
    static boolean excludedPrimary(Cluster c, Subnet nodeSubnet) {
        CniSettings cni = c.cni();
        return nodeSubnet != null && cni.subnetDiscovery() && !cni.customNetworking() && !cni.ipv6()
               && "0".equals(nodeSubnet.tags().get(CNI_ROLE_TAG));
    }

    /** The node model's view of an excluded primary ENI: as under custom networking (§6(e)), no pod IPs, one slot. */
    static CniSettings primaryExcluded(CniSettings cni) {
        return new CniSettings(cni.warmEniTarget(), cni.warmIpTarget(), cni.minimumIpTarget(), cni.prefixDelegation(),
                cni.warmPrefixTarget(), cni.maxEni(), true, cni.podEni(), cni.subnetDiscovery(), false);
    }

    /** Free space of one subnet during a growth simulation. */
    private static final class Space {
        final boolean prefixMode;
        int free;
        int blocks;
        int loose;

        Space(boolean prefixMode, int free, int blocks, int loose) {
            this.prefixMode = prefixMode;
            this.free = free;
            this.blocks = blocks;
            this.loose = loose;
        }

        Space copy() {
            return new Space(prefixMode, free, blocks, loose);
        }

        /** The forecast value: addresses, or in prefix mode addresses in free /28 blocks (§10). */
        int value() {
            return prefixMode ? EniHolding.PREFIX_SIZE * blocks : free;
        }

        /** Whether one ENI of this chunk can be created here: its addresses, and its prefixes as free /28 blocks. */
        boolean fits(Chunk c) {
            return free >= c.addresses() && (!prefixMode || blocks >= c.prefixes());
        }

        void take(Chunk c) {
            free -= c.addresses();
            blocks -= c.prefixes();
            if (!prefixMode) return;
            // A /32 takes a loose address if there is one, else it breaks a free /28 block.
            for (int n = c.ips(); n > 0; ) {
                if (loose > 0) {
                    int t = Math.min(loose, n);
                    loose -= t;
                    n -= t;
                } else if (blocks > 0) {
                    blocks--;
                    loose += EniHolding.PREFIX_SIZE - 1;
                    n--;
                } else {
                    break;
                }
            }
        }
    }

    private static final class Run {
        private final Inventory inventory;
        private final InstanceCatalog catalog;
        private final List<InventoryGap> gaps;
        private final Map<String, Subnet> subnets = new LinkedHashMap<>();
        private final Map<String, Set<String>> clustersBySubnet = new TreeMap<>();
        private final Map<String, Set<String>> groupsBySubnet = new TreeMap<>();
        private final Set<String> prefixSubnets = new LinkedHashSet<>();
        private final Map<String, Integer> warmBySubnet = new HashMap<>();
        private final Map<String, List<String>> addressesBySubnet = new HashMap<>();
        private final Map<String, List<String>> prefixesBySubnet = new HashMap<>();
        private final List<Growth> growths = new ArrayList<>();
        private final Map<String, List<String>> clusterNotes = new LinkedHashMap<>();
        private int unattributedNodes;
        private final Map<WarmKey, Integer> warmCache = new HashMap<>();
        private final Map<String, Integer> nodesInSubnet = new HashMap<>();
        private final Map<String, List<Subnet>> candidateCache = new HashMap<>();
        private final Map<String, List<Node>> nodesByGroup = new HashMap<>();

        Run(Inventory inventory) {
            this.inventory = inventory;
            this.catalog = InstanceCatalog.embedded().with(inventory.instanceLimits());
            this.gaps = new ArrayList<>(inventory.gaps());
            inventory.subnets().stream().sorted(Comparator.comparing(Subnet::subnetId))
                    .forEach(s -> subnets.put(s.subnetId(), s));
        }

        Forecast forecast(Instant asOf) {
            observe();
            for (Cluster c : inventory.clusters()) plan(c);
            Map<String, Space> now = initialSpace();
            Map<String, Map<Scenario, Space>> desired = grow(now, false);
            Map<String, Map<Scenario, Space>> max = grow(now, true);

            List<SubnetForecast> out = new ArrayList<>();
            for (Subnet s : subnets.values()) out.add(subnetForecast(s, now.get(s.subnetId()),
                    desired.get(s.subnetId()), max.get(s.subnetId())));
            return new Forecast(asOf, inventory.accountId(), inventory.region(), out, zones(out), clusters(out),
                    gaps, unattributedNodes, inventory.otherEnis().size());
        }

        /** §9.2: today's holdings are read from the ENIs, never recomputed. */
        private void observe() {
            Map<String, Cluster> clusters = new HashMap<>();
            for (Cluster c : inventory.clusters()) clusters.put(c.name(), c);
            for (Node n : inventory.nodes()) {
                nodesByGroup.computeIfAbsent(n.cluster() + "/" + n.nodeGroup(), k -> new ArrayList<>()).add(n);
                nodesInSubnet.merge(n.subnetId(), 1, Integer::sum);
                if (n.nodeGroup().isEmpty()) unattributedNodes++;
                for (Eni e : n.enis()) record(e);
                Cluster c = clusters.get(n.cluster());
                if (c == null) continue;
                member(n.subnetId(), c.name(), n.nodeGroup().isEmpty() ? "" : c.name() + "/" + n.nodeGroup());
                for (Eni e : n.enis()) member(e.subnetId(), c.name(), "");
                int warm = estimatedWarm(n, c);
                if (warm > 0) {
                    // Warm addresses sit on the pod ENIs; attribute them to the subnet holding most pod addresses.
                    String where = n.enis().stream()
                            .max(Comparator.comparingInt(e -> e.secondaryIps().size() + 16 * e.prefixes().size()))
                            .map(Eni::subnetId).orElse(n.subnetId());
                    warmBySubnet.merge(where, warm, Integer::sum);
                }
            }
            for (Eni e : inventory.otherEnis()) record(e);
        }

        private void record(Eni e) {
            List<String> a = addressesBySubnet.computeIfAbsent(e.subnetId(), k -> new ArrayList<>());
            a.add(e.primaryIp());
            a.addAll(e.secondaryIps());
            prefixesBySubnet.computeIfAbsent(e.subnetId(), k -> new ArrayList<>()).addAll(e.prefixes());
        }

        private void member(String subnetId, String cluster, String group) {
            if (!subnets.containsKey(subnetId)) return;
            clustersBySubnet.computeIfAbsent(subnetId, k -> new LinkedHashSet<>()).add(cluster);
            if (!group.isEmpty()) groupsBySubnet.computeIfAbsent(subnetId, k -> new LinkedHashSet<>()).add(group);
        }

        /**
         * Pods are not read (AWS APIs only), so warm addresses are estimated: the node's pod addresses minus the
         * most pods those holdings serve under the cluster's settings (a lower bound on what is idle).
         */
        private int estimatedWarm(Node n, Cluster c) {
            int held = 0;
            for (Eni e : n.enis()) held += e.secondaryIps().size() + EniHolding.PREFIX_SIZE * e.prefixes().size();
            if (held == 0 || c.cni().ipv6()) return 0;
            InstanceLimits limits = catalog.find(n.instanceType()).orElse(null);
            if (limits == null) return 0;
            int maxPods = maxPods(limits, c.cni(), group(c, n.nodeGroup()));
            CniSettings cni = excludedPrimary(c, subnets.get(n.subnetId())) ? primaryExcluded(c.cni()) : c.cni();
            // Fleets repeat a few node shapes: the search is done once per (type, settings, max pods, holding).
            return warmCache.computeIfAbsent(new WarmKey(limits, cni, maxPods, held), k -> {
                int lo = 0;
                int hi = Math.max(0, Math.min(k.held(), k.maxPods() - NodeModel.HOST_NETWORK_PODS));
                while (lo < hi) {       // largest p whose converged holding does not exceed what is held
                    int mid = (lo + hi + 1) >>> 1;
                    if (NodeModel.converge(k.limits(), k.cni(), k.maxPods(), mid, 0).podAddresses() <= k.held())
                        lo = mid;
                    else hi = mid - 1;
                }
                return k.held() - lo;
            });
        }

        /** One node shape of the warm estimate. */
        private record WarmKey(InstanceLimits limits, CniSettings cni, int maxPods, int held) {
        }

        private static NodeGroup group(Cluster c, String name) {
            for (NodeGroup g : c.nodeGroups()) if (g.name().equals(name)) return g;
            return null;
        }

        private void plan(Cluster c) {
            List<String> notes = clusterNotes.computeIfAbsent(c.name(), k -> new ArrayList<>());
            if (c.cni().ipv6())
                notes.add("IPv6 cluster: no IPv4 warm pool (vpc-cni-model.md §6(h)); each node takes one IPv4 "
                          + "address for its primary ENI.");
            notes.add(switch (c.cniSource()) {
                case ADDON -> "CNI settings: the vpc-cni add-on's configuration values.";
                case CONFIGURED -> "CNI settings: configured for this cluster (CNI_SETTINGS).";
                case DEFAULT -> "CNI settings: ipamd's defaults (no add-on configuration values to read).";
            });
            boolean prefixMode = c.cni().prefixDelegation() && !c.cni().ipv6();
            // §1: prefix delegation only where the type supports it (else secondary IPs): a cluster whose every
            // known node group type falls back never asks for a /28.
            boolean anyPrefixGroup = c.nodeGroups().isEmpty() || c.nodeGroups().stream().anyMatch(g -> {
                String t = g.instanceTypes().isEmpty() ? "" : g.instanceTypes().get(0);
                return catalog.find(t).map(InstanceLimits::prefixDelegationSupported).orElse(true);
            });
            for (String podSubnet : c.podSubnets().values()) {
                member(podSubnet, c.name(), "");
                if (prefixMode && anyPrefixGroup) prefixSubnets.add(podSubnet);
            }
            for (NodeGroup g : c.nodeGroups()) {
                InstanceLimits limits = forecastType(c, g);
                boolean groupPrefixes = prefixMode && (limits == null || limits.prefixDelegationSupported());
                List<Subnet> groupSubnets = new ArrayList<>();
                for (String id : g.subnetIds()) {
                    Subnet s = subnets.get(id);
                    if (s == null) {
                        gaps.add(new InventoryGap(Scope.cluster(c.name()), "", "",
                                "subnet %s of node group %s was not read; its growth is not forecast there"
                                        .formatted(id, g.name())));
                        continue;
                    }
                    groupSubnets.add(s);
                    member(id, c.name(), c.name() + "/" + g.name());
                    // §6(i): with custom networking, or an excluded (cni=0) node subnet, the node subnet holds only
                    // the primary ENI's /32; prefixes go elsewhere.
                    if (groupPrefixes && !c.cni().customNetworking()) {
                        if (!excludedPrimary(c, s)) prefixSubnets.add(id);
                        for (Subnet cand : candidates(c, s)) prefixSubnets.add(cand.subnetId());
                    }
                }
                if (limits == null || groupSubnets.isEmpty()) continue;
                List<Node> nodes = nodesByGroup.getOrDefault(c.name() + "/" + g.name(), List.of());
                Map<String, Integer> perZone = new TreeMap<>();
                for (Subnet s : groupSubnets) perZone.putIfAbsent(s.availabilityZone(), 0);
                // Auto Scaling balances over the zones it launches into; nodes left in other zones do not count.
                for (Node n : nodes) perZone.computeIfPresent(n.availabilityZone(), (z, k) -> k + 1);
                int maxPods = maxPods(limits, c.cni(), g);
                Map<Scenario, List<Chunk>> cost = new HashMap<>();
                List<Chunk> baseline = chunks(NodeModel.converge(limits, c.cni(), maxPods, 0, 0));
                cost.put(Scenario.BASELINE, baseline);
                cost.put(Scenario.FULL, chunks(NodeModel.converge(limits, c.cni(), maxPods, maxPods, 0)));
                cost.put(Scenario.MEDIAN, nodes.isEmpty() ? baseline : medianChunks(nodes));
                Map<Scenario, List<Chunk>> excluded = null;
                if (groupSubnets.stream().anyMatch(s -> excludedPrimary(c, s))) {
                    // An excluded primary ENI behaves as under custom networking (§6(e)): no pod IPs, one slot.
                    CniSettings skipPrimary = primaryExcluded(c.cni());
                    excluded = new HashMap<>();
                    List<Chunk> base = chunks(NodeModel.converge(limits, skipPrimary, maxPods, 0, 0));
                    excluded.put(Scenario.BASELINE, base);
                    excluded.put(Scenario.FULL, chunks(NodeModel.converge(limits, skipPrimary, maxPods, maxPods, 0)));
                    excluded.put(Scenario.MEDIAN, nodes.isEmpty() ? base : medianChunks(nodes));
                }
                growths.add(new Growth(c, g, groupSubnets, perZone, nodes.size(), cost, excluded));
            }
        }

        /**
         * The type new nodes of {@code g} are forecast with. A group of several types (mixed instances, spot) may
         * launch any of them: the one whose full node takes the most addresses is assumed (conservative). Unknown
         * types are gaps; null when no type is known.
         */
        private InstanceLimits forecastType(Cluster c, NodeGroup g) {
            InstanceLimits worst = null;
            int worstIps = -1;
            for (String type : g.instanceTypes()) {
                InstanceLimits limits = catalog.find(type).orElse(null);
                if (limits == null) {
                    gaps.add(new InventoryGap(Scope.instanceType(type), "", "",
                            "instance type '%s' of node group %s/%s is unknown; %s".formatted(type, c.name(),
                                    g.name(), g.instanceTypes().size() > 1 ? "the group's other types are forecast"
                                            : "its growth is not forecast")));
                    continue;
                }
                int maxPods = maxPods(limits, c.cni(), g);
                int ips = NodeModel.converge(limits, c.cni(), maxPods, maxPods, 0).subnetIps();
                if (ips > worstIps) {
                    worst = limits;
                    worstIps = ips;
                }
            }
            Scope scope = Scope.nodeGroup(c.name(), g.name());
            boolean reported = gaps.stream().anyMatch(x -> x.scope().equals(scope));
            if (g.instanceTypes().isEmpty() && !reported)   // the inventory may already have said so
                gaps.add(new InventoryGap(Scope.cluster(c.name()), "", "",
                        "node group %s names no instance type; its growth is not forecast".formatted(g.name())));
            return worst;
        }

        /** §6(i): a modelled node's addresses, by where they go. */
        static List<Chunk> chunks(NodeAllocation a) {
            List<Chunk> out = new ArrayList<>(a.enis().size());
            for (EniHolding e : a.enis()) {
                Destination d = switch (e.role()) {
                    case PRIMARY -> Destination.NODE_SUBNET;
                    case POD -> Destination.POD_ENI;
                    case TRUNK, BRANCH -> Destination.SECURITY_GROUP_ENI;
                };
                out.add(new Chunk(d, 1 + e.secondaryIps(), e.prefixes()));
            }
            return out;
        }

        /** (b): the observed ENIs of the group's median node (by addresses held). */
        static List<Chunk> medianChunks(List<Node> nodes) {
            List<Node> sorted = nodes.stream()
                    .sorted(Comparator.comparingInt((Node n) -> n.enis().stream().mapToInt(Eni::subnetIps).sum())
                            .thenComparing(Node::instanceId))
                    .toList();
            Node median = sorted.get((sorted.size() - 1) / 2);
            List<Chunk> out = new ArrayList<>();
            for (Eni e : median.enis()) {
                Destination d = e.interfaceType().trunkOrBranch()
                        ? Destination.SECURITY_GROUP_ENI
                        : e.deviceIndex() == 0 ? Destination.NODE_SUBNET : Destination.POD_ENI;
                out.add(new Chunk(d, 1 + e.secondaryIps().size(), e.prefixes().size()));
            }
            if (out.stream().noneMatch(ch -> ch.destination() == Destination.NODE_SUBNET))
                out.add(0, new Chunk(Destination.NODE_SUBNET, 1, 0));
            return out;
        }

        /**
         * §5 subnet discovery: the node's subnet (unless tagged {@code kubernetes.io/role/cni=0}) and subnets of
         * the same VPC and zone tagged {@code kubernetes.io/role/cni} with another value; subnets carrying
         * {@code cni.networking.k8s.aws/cluster/*} tags must carry this cluster's.
         */
        private List<Subnet> candidates(Cluster c, Subnet nodeSubnet) {
            return candidateCache.computeIfAbsent(c.name() + "|" + nodeSubnet.subnetId(),
                    k -> findCandidates(c, nodeSubnet));
        }

        private List<Subnet> findCandidates(Cluster c, Subnet nodeSubnet) {
            List<Subnet> out = new ArrayList<>();
            for (Subnet s : subnets.values()) {
                if (!s.vpcId().equals(nodeSubnet.vpcId()) || !s.availabilityZone().equals(nodeSubnet.availabilityZone()))
                    continue;
                String role = s.tags().get(CNI_ROLE_TAG);
                boolean tagged = role != null && !role.equals("0");
                boolean self = s.subnetId().equals(nodeSubnet.subnetId()) && !"0".equals(role);
                if (!(self || tagged)) continue;
                boolean scoped = s.tags().keySet().stream().anyMatch(k -> k.startsWith(CNI_CLUSTER_TAG_PREFIX));
                if (scoped && !s.tags().containsKey(CNI_CLUSTER_TAG_PREFIX + c.name())) continue;
                out.add(s);
            }
            return out;
        }

        private Map<String, Space> initialSpace() {
            Map<String, Space> out = new LinkedHashMap<>();
            for (Subnet s : subnets.values()) {
                boolean pd = prefixSubnets.contains(s.subnetId());
                int blocks = 0;
                int loose = s.availableIps();
                if (pd) {
                    blocks = AddressSpace.freeBlocks(s, addressesBySubnet.getOrDefault(s.subnetId(), List.of()),
                            prefixesBySubnet.getOrDefault(s.subnetId(), List.of()));
                    // Addresses used by what we cannot see lower AvailableIpAddressCount: never trust more blocks.
                    blocks = Math.min(blocks, s.availableIps() / EniHolding.PREFIX_SIZE);
                    loose = s.availableIps() - EniHolding.PREFIX_SIZE * blocks;
                }
                out.put(s.subnetId(), new Space(pd, s.availableIps(), blocks, loose));
            }
            return out;
        }

        private Map<String, Map<Scenario, Space>> grow(Map<String, Space> now, boolean atMax) {
            Map<String, Map<Scenario, Space>> out = new HashMap<>();
            for (Scenario scenario : Scenario.values()) {
                Map<String, Space> state = new HashMap<>();
                now.forEach((id, sp) -> state.put(id, sp.copy()));
                for (Growth g : growths) {
                    Map<String, Integer> perZone = new TreeMap<>(g.nodesPerZone());
                    for (int i = 0; i < g.newNodes(atMax); i++) addNode(g, scenario, perZone, state);
                }
                state.forEach((id, sp) -> out.computeIfAbsent(id, k -> new HashMap<>()).put(scenario, sp));
            }
            return out;
        }

        /** Auto Scaling balances across zones: the zone with the fewest nodes, then its subnet with the most room. */
        private Subnet addNode(Growth g, Scenario scenario, Map<String, Integer> perZone, Map<String, Space> state) {
            String zone = perZone.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
            perZone.merge(zone, 1, Integer::sum);
            Subnet nodeSubnet = g.subnets().stream().filter(s -> s.availabilityZone().equals(zone))
                    .max(Comparator.comparingInt(s -> state.get(s.subnetId()).value())).orElseThrow();
            CniSettings cni = g.cluster().cni();
            for (Chunk ch : g.costIn(nodeSubnet).get(scenario)) {
                Subnet target = switch (ch.destination()) {
                    case NODE_SUBNET -> nodeSubnet;
                    case SECURITY_GROUP_ENI -> cni.customNetworking() ? podSubnet(g.cluster(), zone, nodeSubnet)
                            : nodeSubnet;
                    case POD_ENI -> cni.customNetworking() ? podSubnet(g.cluster(), zone, nodeSubnet)
                            : cni.subnetDiscovery() ? discovered(g.cluster(), nodeSubnet, ch, state)
                            : nodeSubnet;
                };
                state.get(target.subnetId()).take(ch);
            }
            return nodeSubnet;
        }

        /**
         * §5 subnet discovery: candidates sorted by {@code AvailableIpAddressCount} descending and ENI creation
         * tried in that order, so the new ENI lands in the first candidate that can hold it (all-or-nothing create,
         * in prefix mode free aligned /28 blocks, §9.4); if none can, the first one (where the forecast goes short).
         */
        private Subnet discovered(Cluster c, Subnet nodeSubnet, Chunk ch, Map<String, Space> state) {
            List<Subnet> ranked = candidates(c, nodeSubnet).stream()
                    .sorted(Comparator.comparingInt((Subnet s) -> -state.get(s.subnetId()).free)
                            .thenComparing(Subnet::subnetId))
                    .toList();
            for (Subnet s : ranked) if (state.get(s.subnetId()).fits(ch)) return s;
            return ranked.isEmpty() ? nodeSubnet : ranked.get(0);
        }

        private Subnet podSubnet(Cluster c, String zone, Subnet fallback) {
            Subnet s = subnets.get(c.podSubnets().getOrDefault(zone, ""));
            return s == null ? fallback : s;
        }

        /** What one median node of each group using this subnet adds here; the largest (most conservative). */
        private int perNodeCost(String subnetId, Map<String, Space> now) {
            int worst = 0;
            for (Growth g : growths) {
                boolean launchesHere = g.subnets().stream().anyMatch(s -> s.subnetId().equals(subnetId));
                boolean podsHere = g.cluster().cni().customNetworking()
                                   && g.cluster().podSubnets().containsValue(subnetId);
                boolean discoveredHere = !g.cluster().cni().customNetworking() && g.cluster().cni().subnetDiscovery()
                        && g.subnets().stream().anyMatch(s -> candidates(g.cluster(), s).stream()
                                .anyMatch(c -> c.subnetId().equals(subnetId)));
                if (!launchesHere && !podsHere && !discoveredHere) continue;
                boolean pd = now.get(subnetId).prefixMode;
                int cost = 0;
                Map<Scenario, List<Chunk>> nodeCost = g.subnets().stream()
                        .filter(s -> s.subnetId().equals(subnetId)).findFirst().map(g::costIn).orElse(g.cost());
                for (Chunk ch : nodeCost.get(Scenario.MEDIAN)) {
                    boolean here = switch (ch.destination()) {
                        case NODE_SUBNET -> launchesHere;
                        case POD_ENI, SECURITY_GROUP_ENI -> g.cluster().cni().customNetworking() ? podsHere
                                : launchesHere || discoveredHere;
                    };
                    if (here) cost += pd ? EniHolding.PREFIX_SIZE * ch.prefixes() : ch.addresses();
                }
                worst = Math.max(worst, cost);
            }
            return worst;
        }

        private SubnetForecast subnetForecast(Subnet s, Space now, Map<Scenario, Space> desired,
                                              Map<Scenario, Space> max) {
            GrowthForecast atDesired = growth(desired);
            GrowthForecast atMax = growth(max);
            int usable = AddressSpace.usable(AddressSpace.prefixLength(s.cidr()));
            int cost = perNodeCost(s.subnetId(), Map.of(s.subnetId(), now));
            int fit = cost == 0 ? -1 : Math.max(0, now.value()) / cost;
            List<String> clusters = List.copyOf(clustersBySubnet.getOrDefault(s.subnetId(), Set.of()));
            List<String> groups = List.copyOf(groupsBySubnet.getOrDefault(s.subnetId(), Set.of()));
            int warm = warmBySubnet.getOrDefault(s.subnetId(), 0);
            String unit = now.prefixMode ? "addresses in free /28 blocks" : "addresses";

            Severity severity;
            String reason;
            if (atDesired.headline() < 0) {
                severity = Severity.CRITICAL;
                reason = "At desired size the subnet is short by %d %s.".formatted(-atDesired.headline(), unit);
            } else if (fit == 0) {
                severity = Severity.CRITICAL;
                reason = "Only %d %s left: not enough for one more node (needs %d).".formatted(now.value(), unit, cost);
            } else if (atMax.headline() < 0) {
                severity = Severity.WARNING;
                reason = "At max size the subnet is short by %d %s; %d more nodes fit.".formatted(
                        -atMax.headline(), unit, fit);
            } else if (atMax.headline() < WARNING_HEADROOM * usable) {
                severity = Severity.WARNING;
                reason = "At max size only %d %s (%d%% of %d usable) remain.".formatted(atMax.headline(), unit,
                        Math.round(100.0 * atMax.headline() / usable), usable);
            } else {
                severity = Severity.OK;
                reason = "%d %s remain at max size%s.".formatted(atMax.headline(), unit,
                        fit < 0 ? "" : "; %d more nodes fit".formatted(fit));
            }
            String fix = severity == Severity.OK ? "" : fix(s, now, warm, clusters);
            return new SubnetForecast(s.subnetId(), s.vpcId(), s.availabilityZone(), s.cidr(), usable,
                    s.availableIps(), warm, now.prefixMode, now.prefixMode ? now.blocks : -1, atDesired, atMax, fit,
                    severity, clusters, groups, reason, fix);
        }

        private static GrowthForecast growth(Map<Scenario, Space> s) {
            return new GrowthForecast(s.get(Scenario.BASELINE).value(), s.get(Scenario.MEDIAN).value(),
                    s.get(Scenario.FULL).value());
        }

        private String fix(Subnet s, Space now, int warm, List<String> clusters) {
            if (now.prefixMode)
                return ("AvailableIpAddressCount shows %d addresses but only %d free /28 blocks: create a prefix-type "
                        + "subnet CIDR reservation or give prefix-delegation nodes a dedicated subnet.")
                        .formatted(s.availableIps(), now.blocks);
            int used = Math.max(1, AddressSpace.usable(AddressSpace.prefixLength(s.cidr())) - s.availableIps());
            boolean warmEniMode = inventory.clusters().stream()
                    .filter(c -> clusters.contains(c.name())).anyMatch(c -> !c.cni().warmIpMode());
            // §6(c): with WARM_IP_TARGET=W a node keeps W idle addresses instead of whole warm ENIs.
            int saved = warm - SUGGESTED_WARM_IP_TARGET * nodesInSubnet.getOrDefault(s.subnetId(), 0);
            if (warm * 4 >= used && warmEniMode && saved > 0)
                return ("CNI warm pools hold %d idle addresses here; WARM_IP_TARGET=%d (with MINIMUM_IP_TARGET at the "
                        + "pods a node usually runs) would return about %d of them. Or add a secondary VPC CIDR with "
                        + "custom networking.").formatted(warm, SUGGESTED_WARM_IP_TARGET, saved);
            return "Add address space: a larger subnet or a secondary VPC CIDR with custom networking, or lower "
                   + "node group max sizes.";
        }

        private static List<ZoneForecast> zones(List<SubnetForecast> subnets) {
            Map<String, List<SubnetForecast>> byZone = new TreeMap<>();
            for (SubnetForecast s : subnets)
                byZone.computeIfAbsent(s.vpcId() + "|" + s.availabilityZone(), k -> new ArrayList<>()).add(s);
            List<ZoneForecast> out = new ArrayList<>();
            for (List<SubnetForecast> z : byZone.values()) {
                out.add(new ZoneForecast(z.get(0).availabilityZone(), z.get(0).vpcId(), z.size(),
                        z.stream().mapToInt(SubnetForecast::usableIps).sum(),
                        z.stream().mapToInt(SubnetForecast::availableIps).sum(),
                        z.stream().mapToInt(SubnetForecast::warmIps).sum(),
                        sum(z, true), sum(z, false),
                        z.stream().map(SubnetForecast::severity).max(Enum::compareTo).orElse(Severity.OK)));
            }
            return out;
        }

        private static GrowthForecast sum(List<SubnetForecast> z, boolean desired) {
            int b = 0, m = 0, f = 0;
            for (SubnetForecast s : z) {
                GrowthForecast g = desired ? s.atDesired() : s.atMax();
                b += g.baseline();
                m += g.median();
                f += g.full();
            }
            return new GrowthForecast(b, m, f);
        }

        private List<ClusterForecast> clusters(List<SubnetForecast> subnetForecasts) {
            List<ClusterForecast> out = new ArrayList<>();
            for (Cluster c : inventory.clusters()) {
                List<SubnetForecast> mine = subnetForecasts.stream()
                        .filter(s -> s.clusters().contains(c.name())).toList();
                int nodes = (int) inventory.nodes().stream().filter(n -> n.cluster().equals(c.name())).count();
                out.add(new ClusterForecast(c.name(), nodes, c.nodeGroups().size(),
                        mine.stream().mapToInt(s -> s.atDesired().headline()).min().orElse(0),
                        mine.stream().mapToInt(s -> s.atMax().headline()).min().orElse(0),
                        (int) mine.stream().filter(s -> s.severity() != Severity.OK).count(),
                        (int) mine.stream().filter(SubnetForecast::exhaustedAtMax).count(),
                        mine.stream().map(SubnetForecast::severity).max(Enum::compareTo).orElse(Severity.OK),
                        c.cniSource(), c.cni(), mine.stream().map(SubnetForecast::subnetId).toList(),
                        clusterNotes.getOrDefault(c.name(), List.of())));
            }
            return out;
        }
    }
}
