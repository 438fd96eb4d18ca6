package dev.eksip.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.domain.CniSettings;

import java.util.List;

import org.junit.jupiter.api.Test;

/** {@code plan} with prefix delegation counts /28 blocks, packed and under random /32 placement. */
class PrefixBlocksPlanTest {
    private static PlanResult plan(int prefixLength, CniSettings cni, int nodes) {
        return Planner.plan(new Scenario(prefixLength, cni, 0, List.of(Scenario.InstanceRow.of("m5.large", nodes, 0))),
                PlanModel.VPC_CNI);
    }

    @Test
    void aSlash24HasFourteenBlocksAndTwelveNodesAllGetOneOnlyRarely() {
        PlanResult p = plan(24, CniSettings.DEFAULTS.withPrefixDelegation(true), 12);
        assertThat(p.totals().subnetIpsRemaining()).as("addresses alone look fine").isEqualTo(251 - 12 * 17);
        PlanResult.PrefixBlocks b = p.blocks().orElseThrow();
        assertThat(b.freeBlocksNow()).isEqualTo(14);
        assertThat(b.prefixesNeeded()).isEqualTo(12);
        assertThat(b.freeBlocksLeft().packed()).isEqualTo(2);
        assertThat(b.freeBlocksLeft().expected()).isNegative();
        assertThat(b.freeBlocksLeft().pessimistic()).isLessThanOrEqualTo(b.freeBlocksLeft().expected());
        assertThat(b.allPlacedShare()).isLessThan(0.02);
        assertThat(p.notes()).anySatisfy(n -> assertThat(n).startsWith("/28 blocks: a fresh /24 has 14"));
    }

    @Test
    void aFreshSlash22TakesThirtyNodesWithRoomToSpare() {
        PlanResult.PrefixBlocks b = plan(22, CniSettings.DEFAULTS.withPrefixDelegation(true), 30).blocks()
                .orElseThrow();
        assertThat(b.freeBlocksNow()).isEqualTo(62);
        assertThat(b.freeBlocksLeft().packed()).isEqualTo(31);
        assertThat(b.freeBlocksLeft().expected()).isBetween(1, 30);
    }

    @Test
    void withoutPrefixDelegationThereAreNoBlocks() {
        assertThat(plan(24, CniSettings.DEFAULTS, 3).blocks()).isEmpty();
    }
}
