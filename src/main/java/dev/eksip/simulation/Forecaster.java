package dev.eksip.simulation;

import dev.eksip.domain.CniSettings;
import dev.eksip.domain.InstanceLimits;
import dev.eksip.domain.Inventory;
import dev.eksip.domain.NodeGroup;
import dev.eksip.domain.Subnet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        for (Subnet s : byId.values()) {
            String id = s.subnetId();
            now.put(id, SubnetSpace.now(s, plan.prefixMode(id), observed.addresses(id), observed.prefixes(id)));
        }
        Growth growth = Growth.run(plan.groups(), now, new Destinations(byId, discovery));

        List<SubnetFigures> out = new ArrayList<>(byId.size());
        for (Subnet s : byId.values()) {
            String id = s.subnetId();
            SubnetSpace space = now.get(id);
            int cost = plan.medianNodeCost(id, space.prefixMode());
            int value = Math.toIntExact(space.value());
            int fit = cost == 0 ? -1 : Math.max(0, value) / cost;
            out.add(new SubnetFigures(s, AddressSpace.usable(s), observed.warm(id),
                    space.prefixMode(), space.prefixMode() ? Math.toIntExact(space.blocks()) : -1, value,
                    growth.atDesired(id), growth.atMax(id), cost, fit, users.clusters(id), users.nodeGroups(id),
                    observed.nodesIn(id)));
        }
        return new ForecastFigures(out, plan.gaps(), observed.unattributedNodes(), inventory.otherEnis().size());
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
}
