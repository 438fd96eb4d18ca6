package dev.eksip.plan;

import dev.eksip.simulation.AddressSpace;
import dev.eksip.simulation.InstanceCatalog;
import dev.eksip.simulation.MaxPods;
import dev.eksip.simulation.NodeModel;

import dev.eksip.domain.CniSettings;
import dev.eksip.domain.EniHolding;
import dev.eksip.domain.InstanceLimits;
import dev.eksip.domain.NodeAllocation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The {@code plan} calculation (product.md): a scenario through the real-daemon model ({@link NodeModel}) or the
 * seed spreadsheet ({@link SubnetCalc}), with notes on where ipamd differs for that scenario. Pure.
 */
public final class Planner {
    private Planner() {
    }

    /** Plans with the embedded tables; a type missing from the model's table is a {@link ScenarioException}. */
    public static PlanResult plan(Scenario scenario, PlanModel model) {
        return switch (model) {
            case VPC_CNI -> vpcCni(scenario, InstanceCatalog.embedded());
            case SUBNET_CALC -> subnetCalc(scenario, SubnetCalc.embedded(), InstanceCatalog.embedded());
        };
    }

    private static long totalIps(int prefixLength) {
        return 1L << (32 - prefixLength);
    }

    private static String field(int index, String name) {
        return "instances[" + index + "]." + name;
    }

    // ---------------------------------------------------------------- vpc-cni

    static PlanResult vpcCni(Scenario scenario, InstanceCatalog catalog) {
        CniSettings cni = scenario.cni();
        Set<String> notes = new LinkedHashSet<>();
        List<PlanResult.Row> rows = new ArrayList<>();
        long used = 0;
        long hosted = 0;
        List<Scenario.InstanceRow> instances = scenario.instances();
        for (int i = 0; i < instances.size(); i++) {
            Scenario.InstanceRow in = instances.get(i);
            String path = field(i, "instanceType");
            InstanceLimits limits = catalog.find(in.instanceType()).orElseThrow(() -> new ScenarioException(
                    path, "unknown instance type '%s' (not in the embedded limits table of %d types)"
                            .formatted(in.instanceType(), catalog.size())));
            if (in.branchPodsPerNode() > 0 && !cni.podEni())
                throw new ScenarioException(field(i, "branchPodsPerNode"),
                        "security-group pods need cni.ENABLE_POD_ENI = true");
            int maxPods = maxPods(in, limits, cni, notes);
            NodeAllocation node = NodeModel.converge(limits, cni, maxPods, in.podsPerNode(), in.branchPodsPerNode());
            PlanResult.Row row = vpcCniRow(in, node);
            rows.add(row);
            used += row.subnetIpsTotal();
            hosted += row.podsTotal();
            rowNotes(in, limits, cni, node, notes);
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
        return new PlanResult(PlanModel.VPC_CNI, Optional.empty(),
                new PlanResult.SubnetSummary(scenario.prefixLength(), totalIps(scenario.prefixLength()), usable),
                new PlanResult.Totals(hosted, used, remaining), rows, List.copyOf(notes));
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
    static PlanResult.Row vpcCniRow(Scenario.InstanceRow in, NodeAllocation node) {
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

    // ------------------------------------------------------------ subnet-calc

    static PlanResult subnetCalc(Scenario scenario, SubnetCalc sheetTables, InstanceCatalog current) {
        CniSettings cni = scenario.cni();
        SpreadsheetSheet sheet = SubnetCalc.sheetFor(cni);
        List<Scenario.InstanceRow> instances = scenario.instances();
        List<SubnetCalc.Input> inputs = new ArrayList<>();
        for (int i = 0; i < instances.size(); i++) {
            Scenario.InstanceRow in = instances.get(i);
            Optional<SubnetCalc.SheetType> t = sheetTables.find(in.instanceType());
            if (t.isEmpty() || t.get().ipsPerEni().isEmpty() || t.get().maxEnis().isEmpty())
                throw new ScenarioException(field(i, "instanceType"),
                        new SubnetCalc.MissingTypeException(in.instanceType()).getMessage());
            inputs.add(new SubnetCalc.Input(in.instanceType(), in.count(), in.podsPerNode()));
        }
        SubnetCalc.Result r = sheetTables.calculate(sheet, scenario.prefixLength(),
                SubnetCalc.targetFor(sheet, cni), scenario.hostNetworkIps(), inputs);
        List<PlanResult.Row> rows = new ArrayList<>();
        for (SubnetCalc.Row s : r.rows()) {
            int warmEnis = s.enis() - s.inUseEnis();
            int enisIps = s.enis() * s.ipsPerEni();
            rows.add(new PlanResult.Row(s.instanceType(), s.count(), s.pods(), 0, s.maxPods(), s.enis(),
                    s.inUseEnis(), warmEnis, sheet == SpreadsheetSheet.WARM_ENI ? enisIps : s.inUseEnis() * s.ipsPerEni(),
                    0, s.usedIps() - s.actualIps(), s.usedIps(), s.ipsTotal(), s.podsTotal(), 0, 0));
        }
        List<String> notes = subnetCalcNotes(scenario, sheet, r, current);
        return new PlanResult(PlanModel.SUBNET_CALC, Optional.of(sheet),
                new PlanResult.SubnetSummary(scenario.prefixLength(), totalIps(scenario.prefixLength()),
                        r.availableIps()),
                new PlanResult.Totals(r.podsHosted(), r.ipsUsed(), r.remaining()), rows, notes);
    }

    /** The same scenario through the vpc-cni model, when every type is in the current table. */
    private static Optional<String> realDaemonTotals(Scenario scenario, InstanceCatalog current) {
        boolean known = scenario.instances().stream().allMatch(i -> current.find(i.instanceType()).isPresent());
        if (!known || scenario.instances().stream().anyMatch(i -> i.branchPodsPerNode() > 0 && !scenario.cni().podEni()))
            return Optional.empty();
        PlanResult real = vpcCni(scenario, current);
        return Optional.of("the vpc-cni model (real ipamd) for this scenario: %d subnet IPs used, %d remaining of %d usable"
                .formatted(real.totals().subnetIpsUsed(), real.totals().subnetIpsRemaining(), real.subnet().usableIps()));
    }

    /** subnet-calc-model.md §7: each departure from ipamd that applies to this scenario. */
    private static List<String> subnetCalcNotes(Scenario scenario, SpreadsheetSheet sheet, SubnetCalc.Result r,
                                                InstanceCatalog current) {
        CniSettings cni = scenario.cni();
        Set<String> notes = new LinkedHashSet<>();
        notes.add("%s sheet of subnet-calc.xlsx (chosen because WARM_IP_TARGET is %s)"
                .formatted(sheet.title(), sheet == SpreadsheetSheet.WARM_IP ? "set" : "not set"));
        // §7.1 divisor L, not L − 1
        List<String> undercount = new ArrayList<>();
        boolean anyPods = false;
        for (SubnetCalc.Row s : r.rows()) {
            if (s.pods() == 0) continue;
            anyPods = true;
            int ipamd = (s.pods() + s.ipsPerEni() - 2) / (s.ipsPerEni() - 1);
            if (ipamd != s.inUseEnis())
                undercount.add("%s at %d pods needs %d, sheet %d".formatted(s.instanceType(), s.pods(), ipamd,
                        s.inUseEnis()));
        }
        if (anyPods)
            notes.add("ENIs are pods / IPv4-per-ENI (L); ipamd gives pods only L-1 secondary IPs per ENI (§7.1)"
                    + (undercount.isEmpty() ? "" : ": " + String.join("; ", undercount)));
        // §7.2 host IPs
        if (scenario.hostNetworkIps() > 0)
            notes.add(("+%d host networking IPs per instance: hostNetwork pods share the node's primary IP and take "
                    + "no address (§7.2)").formatted(scenario.hostNetworkIps()));
        // §7.3 WARM_ENI_TARGET shape
        if (sheet == SpreadsheetSheet.WARM_ENI && cni.warmEniTarget() == 0)
            notes.add("WARM_ENI_TARGET=0: ipamd adds a whole ENI as soon as the last free IP is taken "
                    + "(floor(p/M)+1 ENIs, at least the primary); the sheet uses ceil(p/L) (§7.3)");
        boolean noPrimary = r.rows().stream().anyMatch(s -> s.enis() == 0);
        if (noPrimary)
            notes.add("a row with 0 ENIs: every node has at least its primary ENI (§7.3)");
        // §7.4 WARM_IP_TARGET / MINIMUM_IP_TARGET
        if (sheet == SpreadsheetSheet.WARM_IP)
            notes.add(("WARM_IP_TARGET=%d has no effect on the totals (IPs Total sums hidden column K, not O); "
                    + "ipamd keeps pods + %d secondary IPs and ignores WARM_ENI_TARGET (§7.4)")
                    .formatted(cni.warmIpTarget(), cni.warmIpTarget()));
        if (cni.minimumIpTarget() > 0)
            notes.add(("MINIMUM_IP_TARGET=%d is not modelled by the sheet; ipamd keeps at least that many IPs per "
                    + "node (§7.4)").formatted(cni.minimumIpTarget()));
        if (cni.prefixDelegation())
            notes.add("ENABLE_PREFIX_DELEGATION is not modelled: ipamd allocates /28 prefixes (16 addresses each) "
                    + "in aligned blocks (§7.5)");
        if (cni.customNetworking())
            notes.add("custom networking is not modelled: pod IPs come from the ENIConfig subnet and the primary "
                    + "ENI holds none (§7.6)");
        if (cni.podEni() || scenario.instances().stream().anyMatch(i -> i.branchPodsPerNode() > 0))
            notes.add("security groups for pods are not modelled: the trunk ENI takes a slot and an IP, each "
                    + "branch ENI an IP (§7.6)");
        if (cni.maxEni() >= 1)
            notes.add("MAX_ENI=%d is not modelled: ipamd attaches no more ENIs than that (§7.8)".formatted(cni.maxEni()));
        if (scenario.instances().stream().anyMatch(i -> i.maxPods().isPresent()))
            notes.add("instances[].maxPods is ignored by the sheet (its max pods column is display only)");
        // §7.7 subnet arithmetic
        notes.add("usable = 2^(32-N) - 2 = %d; AWS reserves 5 addresses, so %d are usable (§7.7)"
                .formatted(r.availableIps(), AddressSpace.usable(r.prefixLength())));
        // §7.8 caps
        for (SubnetCalc.Row s : r.rows()) {
            if (s.maxPods().isPresent() && s.pods() > s.maxPods().getAsInt())
                notes.add(("%s: %d pods exceed max pods %d; the sheet does not cap, kubelet would refuse the "
                        + "excess (§7.8)").formatted(s.instanceType(), s.pods(), s.maxPods().getAsInt()));
            if (s.enis() > s.maxEnis())
                notes.add(("%s: %d ENIs exceed the type's %d; ipamd cannot attach them (§7.8)")
                        .formatted(s.instanceType(), s.enis(), s.maxEnis()));
        }
        // §7.9 stale data
        for (SubnetCalc.Row s : r.rows()) {
            current.find(s.instanceType()).ifPresent(l -> {
                if (l.ipv4PerEni() != s.ipsPerEni() || l.maxEnis() != s.maxEnis())
                    notes.add(("%s: the sheet's 2022 table has %d ENIs x %d IPs, the current table %d x %d (§7.9)")
                            .formatted(s.instanceType(), s.maxEnis(), s.ipsPerEni(), l.maxEnis(), l.ipv4PerEni()));
            });
        }
        if (r.remaining() < 0)
            notes.add("over-subscribed: %d addresses short".formatted(-r.remaining()));
        realDaemonTotals(scenario, current).ifPresent(notes::add);
        notes.add("the sheet is the EKS best-practices calculator, not ipamd: use --model vpc-cni for the real "
                + "daemon's steady state");
        return List.copyOf(notes);
    }
}
