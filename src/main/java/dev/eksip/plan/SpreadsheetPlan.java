package dev.eksip.plan;

import dev.eksip.simulation.AddressSpace;
import dev.eksip.simulation.InstanceCatalog;

import dev.eksip.domain.CniSettings;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code plan --model subnet-calc}: the EKS Best Practices spreadsheet's arithmetic to the unit
 * (subnet-calc-model.md), with the real daemon's totals and the §7 departures as notes.
 */
final class SpreadsheetPlan {
    private SpreadsheetPlan() {
    }

    static PlanResult plan(Scenario scenario, SubnetCalc sheetTables, InstanceCatalog current) {
        CniSettings cni = scenario.cni();
        SpreadsheetSheet sheet = SubnetCalc.sheetFor(cni);
        List<Scenario.InstanceRow> instances = scenario.instances();
        List<SubnetCalc.Input> inputs = new ArrayList<>();
        for (int i = 0; i < instances.size(); i++) {
            Scenario.InstanceRow in = instances.get(i);
            Optional<SubnetCalc.SheetType> t = sheetTables.find(in.instanceType());
            if (t.isEmpty() || t.get().ipsPerEni().isEmpty() || t.get().maxEnis().isEmpty())
                throw new ScenarioException(Planner.field(i, "instanceType"),
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
                new PlanResult.SubnetSummary(scenario.prefixLength(), Planner.totalIps(scenario.prefixLength()),
                        r.availableIps()),
                new PlanResult.Totals(r.podsHosted(), r.ipsUsed(), r.remaining()), rows, notes);
    }

    /** The same scenario through the vpc-cni model, when every type is in the current table. */
    private static Optional<String> realDaemonTotals(Scenario scenario, InstanceCatalog current) {
        boolean known = scenario.instances().stream().allMatch(i -> current.find(i.instanceType()).isPresent());
        if (!known || scenario.instances().stream().anyMatch(i -> i.branchPodsPerNode() > 0 && !scenario.cni().podEni()))
            return Optional.empty();
        PlanResult real = VpcCniPlan.plan(scenario, current);
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
