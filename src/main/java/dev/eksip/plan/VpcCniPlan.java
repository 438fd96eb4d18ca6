package dev.eksip.plan;

import dev.eksip.simulation.AddressSpace;
import dev.eksip.simulation.InstanceCatalog;
import dev.eksip.simulation.MaxPods;
import dev.eksip.simulation.NodeModel;
import dev.eksip.simulation.RandomPlacement;

import dev.eksip.domain.CniSettings;
import dev.eksip.domain.EniHolding;
import dev.eksip.domain.InstanceLimits;
import dev.eksip.domain.NodeAllocation;
import dev.eksip.domain.PlacementBand;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;


/** {@code plan --model vpc-cni}: each scenario row through ipamd's node model ({@link NodeModel}, vpc-cni-model.md §6). */
final class VpcCniPlan {
    private VpcCniPlan() {
    }

    static PlanResult plan(Scenario scenario, InstanceCatalog catalog) {
        CniSettings cni = scenario.cni();
        Set<String> notes = new LinkedHashSet<>();
        List<PlanResult.Row> rows = new ArrayList<>();
        long used = 0;
        long hosted = 0;
        List<RandomPlacement.Run> demand = new ArrayList<>();
        boolean anyPrefixes = false;
        List<Scenario.InstanceRow> instances = scenario.instances();
        for (int i = 0; i < instances.size(); i++) {
            Scenario.InstanceRow in = instances.get(i);
            String path = Planner.field(i, "instanceType");
            InstanceLimits limits = catalog.find(in.instanceType()).orElseThrow(() -> new ScenarioException(
                    path, "unknown instance type '%s' (not in the embedded limits table of %d types)"
                            .formatted(in.instanceType(), catalog.size())));
            if (in.branchPodsPerNode() > 0 && !cni.podEni())
                throw new ScenarioException(Planner.field(i, "branchPodsPerNode"),
                        "security-group pods need cni.ENABLE_POD_ENI = true");
            int maxPods = maxPods(in, limits, cni, notes);
            NodeAllocation node = NodeModel.converge(limits, cni, maxPods, in.podsPerNode(), in.branchPodsPerNode());
            PlanResult.Row row = row(in, node);
            rows.add(row);
            used += row.subnetIpsTotal();
            hosted += row.podsTotal();
            rowNotes(in, limits, cni, node, notes);
            demand.add(new RandomPlacement.Run(node.enis().stream().map(EniHolding::take).toList(), in.count()));
            anyPrefixes |= node.prefixMode() && !node.ipv6();
        }
        long usable = AddressSpace.usable(scenario.prefixLength());
        configNotes(scenario, notes);
        long remaining = usable - used;
        if (remaining < 0)
            notes.add("over-subscribed: the nodes need %d more addresses than the subnet's %d usable; ENI attaches "
                    .formatted(-remaining, usable) + "and IP assignments fail (InsufficientFreeAddressesInSubnet) "
                    + "and pods stay in ContainerCreating");
        notes.add("steady state on scale-up (vpc-cni-model.md §6): after scale-down ipamd can hold more, "
                + "because ENIs and prefixes with one pod left are not released (§7); usable = 2^(32-N) - 5 "
                + "(AWS reserves 5 addresses per subnet)");
        Optional<PlanResult.PrefixBlocks> blocks = anyPrefixes
                ? Optional.of(blocks(scenario.prefixLength(), demand, notes)) : Optional.empty();
        return new PlanResult(PlanModel.VPC_CNI, Optional.empty(),
                new PlanResult.SubnetSummary(scenario.prefixLength(), Planner.totalIps(scenario.prefixLength()), usable),
                new PlanResult.Totals(hosted, used, remaining), rows, List.copyOf(notes), blocks);
    }

    /**
     * The scenario in free aligned /28 blocks of a fresh subnet, node by node in row order: packed (/32s fill loose
     * addresses first) and under random /32 placement ({@link RandomPlacement}, seeded).
     */
    static PlanResult.PrefixBlocks blocks(int prefixLength, List<RandomPlacement.Run> demand, Set<String> notes) {
        RandomPlacement fresh = RandomPlacement.fresh(prefixLength);
        RandomPlacement.Outcome o = fresh.place(demand);
        long prefixes = 0;
        for (RandomPlacement.Run r : demand)
            for (var t : r.unit()) prefixes += (long) t.prefixes() * r.times();
        PlacementBand left = o.blocksLeft();
        notes.add(("/28 blocks: a fresh /%d has %d aligned free /28s and the nodes ask for %d prefixes; blocks left "
                + "packed %d, under random /32 placement expected %d (p10 %d); every node gets its prefixes in "
                + "%.1f%% of random-placement runs (EC2 places single addresses at random: amazon-vpc-cni-k8s "
                + "#2313, #3087)").formatted(prefixLength, fresh.freeBlocks(), prefixes, left.packed(),
                left.expected(), left.pessimistic(), 100 * o.allPlacedShare()));
        return new PlanResult.PrefixBlocks(fresh.freeBlocks(), prefixes, left, o.allPlacedShare());
    }

    /** Scenario {@code maxPods}, else §8 {@code max-pods-calculator.sh} with the managed-node-group cap. */
    private static int maxPods(Scenario.InstanceRow in, InstanceLimits limits, CniSettings cni, Set<String> notes) {
        if (in.maxPods().isPresent()) {
            notes.add("%s: max pods %d from the scenario".formatted(in.instanceType(), in.maxPods().getAsInt()));
            return in.maxPods().getAsInt();
        }
        int maxPods = MaxPods.compute(limits,
                new MaxPods.Options(cni.prefixDelegation(), cni.customNetworking(), cni.maxEni(), true));
        int raw = MaxPods.compute(limits,
                new MaxPods.Options(cni.prefixDelegation(), cni.customNetworking(), cni.maxEni(), false));
        if (raw > maxPods)
            notes.add("%s: max pods capped at %d by the EKS managed-node-group cap (the formula alone gives %d)"
                    .formatted(in.instanceType(), maxPods, raw));
        notes.add("max pods not given in the scenario come from the max-pods calculator formula (with "
                + "MAX_ENI, custom networking and prefix delegation) capped as EKS managed node groups do "
                + "(110 up to 30 vCPUs, 250 above); set instances[].maxPods if your kubelet differs");
        return maxPods;
    }

    /**
     * Maps one node's allocation onto the output row. {@code warmEnisPerNode}: pod ENIs that hold no assigned pod
     * IP when the node's pods fill its ENIs in attach order (fill-first); active = attached − warm.
     */
    static PlanResult.Row row(Scenario.InstanceRow in, NodeAllocation node) {
        int unassigned = node.podsWithIp();
        int warmEnis = 0;
        for (EniHolding eni : node.enis()) {
            if (eni.podAddresses() == 0) continue;
            int take = Math.min(unassigned, eni.podAddresses());
            unassigned -= take;
            if (take == 0) warmEnis++;
        }
        int enis = node.attachedEnis();
        int hostedPerNode = in.podsPerNode() + in.branchPodsPerNode() - node.podsWithoutIp() - node.podsUnschedulable();
        int subnetIps = node.subnetIps();
        return new PlanResult.Row(in.instanceType(), in.count(), in.podsPerNode(), in.branchPodsPerNode(),
                OptionalInt.of(node.maxPods()), enis, enis - warmEnis, warmEnis, node.secondaryIps(),
                node.prefixes(), node.warmAddresses(), subnetIps, (long) subnetIps * in.count(),
                (long) Math.max(0, hostedPerNode) * in.count(), node.podsWithoutIp(), node.podsUnschedulable());
    }

    private static void rowNotes(Scenario.InstanceRow in, InstanceLimits limits, CniSettings cni,
                                 NodeAllocation node, Set<String> notes) {
        String type = in.instanceType();
        if (cni.prefixDelegation() && !limits.prefixDelegationSupported())
            notes.add(("%s is not Nitro or bare metal: ENABLE_PREFIX_DELEGATION silently falls back to secondary-IP "
                    + "mode on it (vpc-cni-model.md §1)").formatted(type));
        if (node.podsUnschedulable() > 0)
            notes.add(("%s: %d of %d pods per node are above max pods %d (or beyond the branch ENI limit) and are "
                    + "not scheduled").formatted(type, node.podsUnschedulable(),
                    in.podsPerNode() + in.branchPodsPerNode(), node.maxPods()));
        if (node.podsWithoutIp() > 0)
            notes.add(("%s: %d pods per node get no IP (%s); they stay in ContainerCreating").formatted(type,
                    node.podsWithoutIp(), cni.minimumIpTarget() > 0 && cni.warmIpTarget() == 0
                            ? "MINIMUM_IP_TARGET alone is a hard ceiling, §6(c)" : "the node has no ENI slot left"));
        if (node.customNetworking())
            notes.add(("%s: custom networking puts pod ENIs in the ENIConfig subnet; addresses per node: node "
                    + "subnet %d (primary ENI), ENIConfig subnet %d; totals count both")
                    .formatted(type, node.primaryEniSubnetIps(), node.secondaryEniSubnetIps()));
    }

    private static void configNotes(Scenario scenario, Set<String> notes) {
        CniSettings cni = scenario.cni();
        if (scenario.hostNetworkIps() > 0)
            notes.add(("hostNetworkIps (%d) is not charged: hostNetwork pods share the node's primary IP "
                    + "(it is an input of the subnet-calc model only)").formatted(scenario.hostNetworkIps()));
        if (cni.ipv6())
            notes.add("IPv6: ipamd keeps no IPv4 warm pool; each node takes its primary IPv4 (+ trunk/branch ENIs) "
                    + "and one /80 of the subnet's IPv6 /64 (§6(h))");
        if (cni.warmIpMode() && !cni.prefixDelegation() && cni.warmEniTarget() != CniSettings.DEFAULTS.warmEniTarget())
            notes.add("WARM_ENI_TARGET is ignored because WARM_IP_TARGET or MINIMUM_IP_TARGET is set (§4.2)");
        if (cni.prefixDelegation() && cni.warmEniTarget() != CniSettings.DEFAULTS.warmEniTarget())
            notes.add("WARM_ENI_TARGET has no effect with prefix delegation (§4.3)");
        if (cni.prefixDelegation())
            notes.add("prefix delegation: each /28 must be an aligned, completely free block of the subnet; "
                    + "a fragmented subnet fails with InsufficientCidrBlocks while addresses remain (§10)");
        if (cni.prefixDelegation() && !cni.warmIpMode() && cni.warmPrefixTarget() >= 2)
            notes.add("WARM_PREFIX_TARGET >= 2 is a lower bound: with spread pods up to K-1 more prefixes appear (§6(d))");
        if (!cni.warmIpMode() && !cni.prefixDelegation() && cni.warmEniTarget() == 0)
            notes.add("WARM_ENI_TARGET=0: when a whole ENI is empty ipamd frees and re-creates it in a loop "
                    + "(issues #1451, #1775); the forecast assumes the extra ENI is present (§6(b))");
        if (cni.subnetDiscovery() && !cni.customNetworking())
            notes.add("subnet discovery (default): new pod ENIs go to whichever candidate subnet of the AZ has the "
                    + "most free addresses; totals assume this subnet is the only one (§5)");
    }
}
