package dev.eksip.simulation;

import dev.eksip.domain.CniSettings;
import dev.eksip.domain.Eni;
import dev.eksip.domain.EniHolding;
import dev.eksip.domain.InstanceLimits;
import dev.eksip.domain.Inventory;
import dev.eksip.domain.NodeGroup;
import dev.eksip.domain.NodeGroupRef;
import dev.eksip.domain.PlacementBand;
import dev.eksip.domain.PrefixPlacement;
import dev.eksip.domain.PoolOutlook;
import dev.eksip.domain.Subnet;
import dev.eksip.domain.SubnetTake;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Forecasts every subnet of an inventory (vpc-cni-model.md §9), in phases: today's holdings are observed from the
 * ENIs ({@link ObservedHoldings}, warm addresses by {@link WarmEstimate}); growth comes from the node model
 * ({@link GrowthPlan}, {@link Growth}). Every node group grows to its desired and to its max size; new nodes are
 * spread over the group's subnets balanced across availability zones as Auto Scaling does ({@link ZoneBalancer}),
 * and each costs (a) its 0-pod baseline, (b) the median holding of the group's existing nodes, or (c) its full max
 * pods ({@link CostAssumption}). New pod ENIs go where ipamd puts them (§5, {@link Destinations}): the ENIConfig
 * subnet of the zone with custom networking, else with subnet discovery the candidate subnet of the zone with the
 * most free addresses, else the node's subnet. Where a prefix-delegation cluster allocates, the subnet is counted
 * in free aligned /28 blocks (§10, {@link SubnetSpace}), not addresses. Figures only: what they mean (severity,
 * reason, fix) is decided outside the simulation.
 */
public final class Forecaster {
    private Forecaster() {
    }

    public static ForecastFigures figures(Inventory inventory) {
        InstanceCatalog catalog = InstanceCatalog.embedded().with(inventory.instanceLimits());
        Map<String, Subnet> subnets = new LinkedHashMap<>();
        inventory.subnets().stream().sorted(Comparator.comparing(Subnet::subnetId))
                .forEach(s -> subnets.put(s.subnetId(), s));
        Map<String, Subnet> byId = Collections.unmodifiableMap(subnets);
        SubnetDiscovery discovery = new SubnetDiscovery(byId.values());

        ObservedHoldings observed = ObservedHoldings.observe(inventory, new WarmEstimate(catalog, byId,
                WarmEstimate.podsByInstance(inventory)));
        SubnetUsers users = SubnetUsers.of(inventory, byId.keySet());
        GrowthPlan plan = GrowthPlan.of(inventory, byId, catalog, discovery, observed);
        Map<String, SubnetSpace> now = new LinkedHashMap<>();
        // The observed addresses of a prefix-mode subnet, parsed once: its free /28 blocks and its placement band.
        Map<String, AddressSpace> spaces = new HashMap<>();
        for (Subnet s : byId.values()) {
            String id = s.subnetId();
            AddressSpace space = plan.prefixMode(id) && !AddressSpace.ipv6Only(s) ? observed.space(s) : null;
            if (space != null) spaces.put(id, space);
            now.put(id, SubnetSpace.now(s, plan.prefixMode(id), !plan.overflowTo(id).isEmpty(), space));
        }
        Growth growth = Growth.run(plan.groups(), now, new Destinations(byId, discovery));
        List<PoolOutlook> pools = PoolOutlooks.of(plan, now);

        Map<String, Integer> costs = plan.medianNodeCosts();
        Map<String, int[]> leaked = new HashMap<>();
        for (Eni e : inventory.otherEnis())
            if (e.leakedByCni()) {
                int[] l = leaked.computeIfAbsent(e.subnetId(), k -> new int[2]);
                l[0]++;
                l[1] += e.take().addresses();
            }
        List<SubnetFigures> out = new ArrayList<>(byId.size());
        for (Subnet s : byId.values()) {
            String id = s.subnetId();
            SubnetSpace space = now.get(id);
            int cost = costs.getOrDefault(id, 0);
            int value = Math.toIntExact(space.value());
            int fit = cost == 0 ? -1 : Math.max(0, value) / cost;
            Optional<PrefixPlacement> placement = space.countedInBlocks() && !AddressSpace.ipv6Only(s)
                    ? Optional.of(placement(s, spaces.get(id), growth, plan.medianNodeTakes(id), fit))
                    : Optional.empty();
            out.add(new SubnetFigures(s, AddressSpace.usable(s), observed.warm(id),
                    space.countedInBlocks(), space.countedInBlocks() ? Math.toIntExact(space.blocks()) : -1, value,
                    growth.atDesired(id), growth.atMax(id), cost, fit, users.clusters(id), users.nodeGroups(id),
                    observed.nodesIn(id), placement, growth.atUpdate(id), surges(plan, id), users.controlPlaneOf(id),
                    leaked.getOrDefault(id, new int[2])[0], leaked.getOrDefault(id, new int[2])[1],
                    plan.overflowTo(id)));
        }
        return new ForecastFigures(out, plan.gaps(), observed.unattributedNodes(), inventory.otherEnis().size(), pools);
    }

    /**
     * A prefix-mode subnet's /28 figures as bands: packed is the figure the growth phase gives (loose addresses
     * first); random placement is {@link RandomPlacement} from today's blocks, with the /32s and prefixes the growth
     * takes here (median assumption) spread evenly over its prefixes.
     */
    private static PrefixPlacement placement(Subnet s, AddressSpace observed, Growth growth,
                                             List<SubnetTake> node, int packedFit) {
        String id = s.subnetId();
        RandomPlacement random = RandomPlacement.of(s, observed);
        PlacementBand fit = packedFit < 0 || node.isEmpty() ? new PlacementBand(-1, -1, -1)
                : capped(packedFit, random.nodesThatFit(node));
        return new PrefixPlacement(fit, blocksLeft(random, growth, id, false), blocksLeft(random, growth, id, true));
    }

    private static PlacementBand blocksLeft(RandomPlacement random, Growth growth, String id, boolean atMax) {
        Growth.SubnetTakes taken = growth.taken(id, atMax);
        int packed = Math.floorDiv((atMax ? growth.atMax(id) : growth.atDesired(id)).headline(),
                EniHolding.PREFIX_SIZE);
        return capped(packed, random.place(RandomPlacement.spread(taken.ips(), taken.prefixes())).blocksLeft());
    }

    /** The band with the growth phase's packed figure, random placement never above it. */
    private static PlacementBand capped(int packed, PlacementBand random) {
        int expected = Math.min(packed, random.expected());
        return new PlacementBand(packed, expected, Math.min(expected, random.pessimistic()));
    }

    /** The update surge of each managed node group launching into the subnet. */
    private static Map<NodeGroupRef, Integer> surges(GrowthPlan plan, String subnetId) {
        Map<NodeGroupRef, Integer> out = new LinkedHashMap<>();
        for (GroupGrowth g : plan.allocatingIn(subnetId))
            if (g.launchesInto(subnetId) && g.updateSurge() > 0)
                out.put(new NodeGroupRef(g.cluster().name(), g.group().name()), g.updateSurge());
        return out;
    }

    /**
     * §8 precedence: a managed node group without a custom AMI caps max pods at 110 (≤ 30 vCPUs) / 250 and that cap
     * wins over everything, an explicit kubelet value included; below it an explicit kubelet value wins; else the
     * managed group gets the calculator (prefix, custom networking and MAX_ENI aware) under the cap, and everything
     * else nodeadm's standard formula. An EKS Auto Mode pool's nodes get the calculator capped at 110
     * ({@link AutoModeNetworking}); {@code cni} is then the Auto Mode view's.
     */
    static int maxPods(InstanceLimits limits, CniSettings cni, NodeGroup g) {
        if (AutoModeNetworking.autoMode(g))     // Auto Mode: the calculator for its mode, then its 110 cap
            return Math.min(AutoModeNetworking.MAX_PODS_CAP, MaxPods.compute(limits,
                    new MaxPods.Options(cni.prefixDelegation(), cni.customNetworking(), 0, false)));
        boolean managedCap = g != null && g.managed() && !g.customAmi();
        if (g != null && g.maxPods() > 0)
            return managedCap ? Math.min(g.maxPods(), MaxPods.managedCap(limits)) : g.maxPods();
        if (managedCap)
            return MaxPods.compute(limits, new MaxPods.Options(cni.prefixDelegation(), cni.customNetworking(),
                    cni.maxEni(), true));
        return MaxPods.standard(limits);
    }
}
