package dev.eksip.simulation;

import static dev.eksip.testing.inventory.InventoryFixtures.cluster;
import static dev.eksip.testing.inventory.InventoryFixtures.nodeGroup;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.domain.CniSettings;
import dev.eksip.domain.CniSource;
import dev.eksip.domain.PlacementBand;
import dev.eksip.domain.PrefixPlacement;
import dev.eksip.testing.inventory.InventoryBuilder;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** A prefix-delegation subnet's /28 figures as a band over /32 placement (packed, random expected, pessimistic). */
class PlacementBandForecastTest {
    private static final Instant AS_OF = Instant.parse("2026-11-25T12:00:00Z");
    private static final String VPC = "vpc-1";

    private static SubnetFigures fresh22(int desired, int max) {
        CniSettings pd = NodeModelTest.settings("ENABLE_PREFIX_DELEGATION=true;WARM_PREFIX_TARGET=1");
        InventoryBuilder b = new InventoryBuilder()
                .subnet("subnet-pd", VPC, "us-east-1a", "10.0.0.0/22")
                .cluster(cluster("c1").vpc(VPC).cni(pd).cniFrom(CniSource.ADDON)
                        .groups(nodeGroup("ng").managed().type("m5.large").sizes(0, desired, max)
                                .subnets("subnet-pd")));
        return Forecaster.figures(b.build(AS_OF)).subnets().get(0);
    }

    @Test
    void aFreshSlash22FitsSixtyTwoNodesPackedButAboutThirtyNineUnderRandomPlacement() {
        SubnetFigures s = fresh22(0, 100);
        assertThat(s.nodesThatFit()).as("packed: 62 free /28s, one per node").isEqualTo(62);
        PrefixPlacement band = s.placement().orElseThrow();
        assertThat(band.nodesFit().packed()).isEqualTo(62);
        assertThat(band.nodesFit().expected()).isBetween(36, 42);
        assertThat(band.nodesFit().pessimistic()).isBetween(32, band.nodesFit().expected());
        System.out.printf("audit fresh /22: nodes fit %s, blocks at desired %s, at max %s%n", band.nodesFit(),
                band.freeBlocksAtDesired(), band.freeBlocksAtMax());
    }

    @Test
    void theBlocksLeftAtDesiredAndMaxAreBandsToo() {
        SubnetFigures s = fresh22(30, 50);
        PrefixPlacement band = s.placement().orElseThrow();
        // packed: 30 nodes take 30 prefixes, their /32s the 27 loose addresses and one broken block.
        assertThat(band.freeBlocksAtDesired().packed()).isEqualTo(s.atDesired().headline() / 16).isEqualTo(31);
        assertThat(band.freeBlocksAtDesired().expected()).isLessThan(31).isPositive();
        assertThat(band.freeBlocksAtMax().packed()).isEqualTo(s.atMax().headline() / 16).isEqualTo(10);
        assertThat(band.freeBlocksAtMax().expected()).as("random placement runs short before 50 nodes").isNegative();
        assertThat(band.freeBlocksAtMax().pessimistic()).isLessThanOrEqualTo(band.freeBlocksAtMax().expected());
    }

    @Test
    void aSubnetOutsidePrefixModeHasNoBand() {
        InventoryBuilder b = new InventoryBuilder()
                .subnet("subnet-a", VPC, "us-east-1a", "10.0.0.0/24")
                .cluster(cluster("c1").vpc(VPC)
                        .groups(nodeGroup("ng").managed().type("m5.large").sizes(0, 1, 2).subnets("subnet-a")));
        assertThat(Forecaster.figures(b.build(AS_OF)).subnets().get(0).placement()).isEmpty();
    }

    @Test
    void aBandKeepsItsOrder() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PlacementBand(1, 2, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
