package dev.eksip.plan;

import static dev.eksip.testing.inventory.InventoryFixtures.cni;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eksip.domain.CniSettings;

import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

/** {@link Planner}: the two models' mapping onto the plan result, totals and notes. */
class PlannerTest {
    private static final Scenario EXAMPLE = Scenario.spreadsheetExample();

    @Test
    void shippedExampleThroughTheSpreadsheetModelGivesItsDisplayedTotals() {
        PlanResult plan = Planner.plan(EXAMPLE, PlanModel.SUBNET_CALC);

        assertThat(plan.sheet()).contains(SpreadsheetSheet.WARM_ENI);
        assertThat(plan.subnet()).isEqualTo(new PlanResult.SubnetSummary(23, 512, 510));
        assertThat(plan.totals()).isEqualTo(new PlanResult.Totals(230, 351, 159));
        PlanResult.Row m5 = plan.instances().get(0);
        assertThat(List.of(m5.enisPerNode(), m5.activeEnisPerNode(), m5.warmEnisPerNode(), m5.subnetIpsPerNode()))
                .containsExactly(5, 4, 1, 152);
    }

    @Test
    void warmIpTargetSelectsTheWarmIpSheet() {
        CniSettings warmIp = cni().warmIpTarget(1).build();
        PlanResult plan = Planner.plan(EXAMPLE.withCni(warmIp), PlanModel.SUBNET_CALC);

        assertThat(plan.sheet()).contains(SpreadsheetSheet.WARM_IP);
        assertThat(plan.totals()).isEqualTo(new PlanResult.Totals(230, 276, 234));
        assertThat(plan.instances().get(1).enisPerNode()).isEqualTo(2); // the warm flag is not counted
        assertThat(plan.notes()).anyMatch(n -> n.contains("WARM_IP_TARGET=1 has no effect"));
    }

    @Test
    void spreadsheetNotesListOnlyTheDeparturesThatApply() {
        PlanResult shipped = Planner.plan(EXAMPLE, PlanModel.SUBNET_CALC);
        PlanResult noHost = Planner.plan(EXAMPLE.withHostNetworkIps(0), PlanModel.SUBNET_CALC);
        PlanResult pd = Planner.plan(EXAMPLE.withCni(CniSettings.DEFAULTS.withPrefixDelegation(true)),
                PlanModel.SUBNET_CALC);

        assertThat(shipped.notes()).anyMatch(n -> n.contains("host networking IPs"))
                .anyMatch(n -> n.contains("AWS reserves 5") && n.contains("507"))
                .anyMatch(n -> n.contains("c5.2xlarge at 30 pods needs 3, sheet 2"))
                .noneMatch(n -> n.contains("PREFIX_DELEGATION"));
        assertThat(noHost.totals().subnetIpsUsed()).isEqualTo(345);
        assertThat(noHost.notes()).noneMatch(n -> n.contains("host networking IPs"));
        assertThat(pd.notes()).anyMatch(n -> n.contains("ENABLE_PREFIX_DELEGATION is not modelled"));
        assertThat(pd.totals()).isEqualTo(shipped.totals());
    }

    @Test
    void spreadsheetNotesFlagPodsAboveMaxPodsAndEnisAboveTheLimit() {
        PlanResult plan = Planner.plan(EXAMPLE.withInstances(List.of(Scenario.InstanceRow.of("m5.large", 1, 40))),
                PlanModel.SUBNET_CALC);

        assertThat(plan.instances().get(0).enisPerNode()).isEqualTo(5);
        assertThat(plan.notes()).anyMatch(n -> n.contains("40 pods exceed max pods 29"))
                .anyMatch(n -> n.contains("5 ENIs exceed the type's 3"));
    }

    @Test
    void typeMissingFromTheSheetsTableNamesTheField() {
        Scenario s = EXAMPLE.withInstances(List.of(Scenario.InstanceRow.of("m5.large", 1, 1),
                Scenario.InstanceRow.of("m7i.large", 1, 1)));

        assertThatThrownBy(() -> Planner.plan(s, PlanModel.SUBNET_CALC))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("instances[1].instanceType").hasMessageContaining("m7i.large");
        assertThat(Planner.plan(s, PlanModel.VPC_CNI).instances()).hasSize(2);
    }

    @Test
    void shippedExampleThroughVpcCniHasConsistentTotals() {
        PlanResult plan = Planner.plan(EXAMPLE, PlanModel.VPC_CNI);

        assertThat(plan.subnet()).isEqualTo(new PlanResult.SubnetSummary(23, 512, 507));
        long rows = plan.instances().stream().mapToLong(PlanResult.Row::subnetIpsTotal).sum();
        assertThat(plan.totals().subnetIpsUsed()).isEqualTo(rows);
        assertThat(plan.totals().subnetIpsRemaining()).isEqualTo(507 - rows);
        assertThat(plan.totals().podsHosted()).isEqualTo(230);
        for (PlanResult.Row r : plan.instances()) {
            assertThat(r.subnetIpsTotal()).isEqualTo((long) r.subnetIpsPerNode() * r.count());
            assertThat(r.activeEnisPerNode() + r.warmEnisPerNode()).isEqualTo(r.enisPerNode());
        }
        assertThat(plan.notes()).isNotEmpty()
                .anyMatch(n -> n.contains("max-pods calculator formula"))
                .anyMatch(n -> n.contains("hostNetworkIps (2) is not charged"));
    }

    @Test
    void vpcCniRowsFollowIpamdForTheShippedExample() {
        PlanResult plan = Planner.plan(EXAMPLE, PlanModel.VPC_CNI);
        PlanResult.Row m5 = plan.instances().get(0);
        PlanResult.Row c5 = plan.instances().get(1);

        // §6(a), M = 29: ceil(100/29) + 1 = 5 ENIs, all full; 4 hold pods under fill-first.
        assertThat(List.of(m5.enisPerNode(), m5.activeEnisPerNode(), m5.warmEnisPerNode(), m5.secondaryIpsPerNode(),
                m5.warmIpsPerNode(), m5.subnetIpsPerNode())).containsExactly(5, 4, 1, 145, 45, 150);
        // c5.2xlarge M = 14: ceil(30/14) + 1 = 4 ENIs of 15 addresses.
        assertThat(List.of(c5.enisPerNode(), c5.activeEnisPerNode(), c5.subnetIpsPerNode())).containsExactly(4, 3, 60);
        assertThat(m5.maxPods()).hasValue(234);
        assertThat(c5.maxPods()).hasValue(58);
    }

    @Test
    void scenarioMaxPodsWinsAndPodsAboveItAreUnschedulable() {
        Scenario s = EXAMPLE.withInstances(List.of(
                new Scenario.InstanceRow("m5.large", 2, 40, OptionalInt.of(20), 0)));
        PlanResult plan = Planner.plan(s, PlanModel.VPC_CNI);
        PlanResult.Row row = plan.instances().get(0);

        assertThat(row.maxPods()).hasValue(20);
        assertThat(row.podsUnschedulable()).isEqualTo(40 - 18); // 2 of the 20 are aws-node and kube-proxy
        assertThat(row.podsTotal()).isEqualTo(2 * 18);
        assertThat(plan.notes()).anyMatch(n -> n.contains("max pods 20 from the scenario"))
                .anyMatch(n -> n.contains("not scheduled"));
    }

    @Test
    void managedNodeGroupCapIsAppliedAndNoted() {
        PlanResult plan = Planner.plan(EXAMPLE.withInstances(List.of(Scenario.InstanceRow.of("m5.4xlarge", 1, 100))),
                PlanModel.VPC_CNI);

        // §6(a): under the 110 cap an m5.4xlarge stops at ceil(110/29) = 4 ENIs / 116 IPs.
        assertThat(plan.instances().get(0).maxPods()).hasValue(110);
        assertThat(plan.instances().get(0).secondaryIpsPerNode()).isEqualTo(116);
        assertThat(plan.notes()).anyMatch(n -> n.contains("m5.4xlarge: max pods capped at 110")
                && n.contains("formula alone gives 234"));
    }

    @Test
    void prefixDelegationRowsCountPrefixes() {
        Scenario s = new Scenario(24, CniSettings.DEFAULTS.withPrefixDelegation(true), 0,
                List.of(Scenario.InstanceRow.of("m5.large", 2, 20)));
        PlanResult.Row row = Planner.plan(s, PlanModel.VPC_CNI).instances().get(0);

        // §6(d) K=1: ceil(20/16) + 1 = 3 prefixes on the primary ENI; §6(i) 1 + 16 × 3.
        assertThat(List.of(row.enisPerNode(), row.prefixesPerNode(), row.secondaryIpsPerNode(), row.warmIpsPerNode(),
                row.subnetIpsPerNode())).containsExactly(1, 3, 0, 28, 49);
        assertThat(row.subnetIpsTotal()).isEqualTo(98);
    }

    @Test
    void customNetworkingSplitsTheNodeAndPodSubnetsInANote() {
        CniSettings custom = cni().customNetworking().noSubnetDiscovery().build();
        Scenario s = new Scenario(24, custom, 0, List.of(Scenario.InstanceRow.of("m5.large", 1, 5)));
        PlanResult plan = Planner.plan(s, PlanModel.VPC_CNI);
        PlanResult.Row row = plan.instances().get(0);

        // §6(e): primary ENI without pod IPs + 2 pod ENIs of 9 (U = 2); the second pod ENI holds no pod.
        assertThat(List.of(row.maxPods().getAsInt(), row.enisPerNode(), row.activeEnisPerNode(),
                row.warmEnisPerNode(), row.secondaryIpsPerNode(), row.subnetIpsPerNode()))
                .containsExactly(20, 3, 2, 1, 18, 21);
        assertThat(plan.notes()).anyMatch(n -> n.contains("node subnet 1 (primary ENI), ENIConfig subnet 20"));
    }

    @Test
    void prefixDelegationOnANonNitroTypeIsNoted() {
        Scenario s = new Scenario(24, CniSettings.DEFAULTS.withPrefixDelegation(true), 0,
                List.of(Scenario.InstanceRow.of("m4.large", 1, 10)));
        PlanResult plan = Planner.plan(s, PlanModel.VPC_CNI);

        assertThat(plan.instances().get(0).prefixesPerNode()).isZero();
        assertThat(plan.notes()).anyMatch(n -> n.contains("m4.large is not Nitro"));
    }

    @Test
    void overSubscribedSubnetIsNotedWithNegativeRemaining() {
        Scenario s = new Scenario(28, CniSettings.DEFAULTS, 0, List.of(Scenario.InstanceRow.of("m5.large", 3, 20)));
        PlanResult plan = Planner.plan(s, PlanModel.VPC_CNI);

        assertThat(plan.totals().subnetIpsRemaining()).isEqualTo(11 - 90);
        assertThat(plan.notes()).anyMatch(n -> n.startsWith("over-subscribed"));
    }

    @Test
    void branchPodsWithoutPodEniAreRejected() {
        Scenario s = EXAMPLE.withInstances(List.of(new Scenario.InstanceRow("m5.large", 1, 5, OptionalInt.empty(), 2)));

        assertThatThrownBy(() -> Planner.plan(s, PlanModel.VPC_CNI))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("instances[0].branchPodsPerNode");
    }

    @Test
    void unknownTypeNamesTheField() {
        Scenario s = EXAMPLE.withInstances(List.of(Scenario.InstanceRow.of("m5.gigantic", 1, 5)));

        assertThatThrownBy(() -> Planner.plan(s, PlanModel.VPC_CNI))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("instances[0].instanceType").hasMessageContaining("'m5.gigantic'");
    }
}
