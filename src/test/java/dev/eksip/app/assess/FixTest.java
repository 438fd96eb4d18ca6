package dev.eksip.app.assess;

import dev.eksip.testing.inventory.InventoryFixtures;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.domain.Cluster;
import dev.eksip.domain.CniSettings;
import dev.eksip.domain.CniSource;
import dev.eksip.domain.GrowthForecast;
import dev.eksip.domain.IpFamily;
import dev.eksip.domain.Subnet;
import dev.eksip.simulation.CniEnv;
import dev.eksip.simulation.SubnetFigures;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The advice sentence, byte for byte, from figures and the clusters' settings. */
class FixTest {
    private static final GrowthForecast SHORT = new GrowthForecast(-1, -1, -1);

    /** A subnet counted in free /28 blocks (prefix delegation). */
    private static SubnetFigures prefixModeFigures(int available, int warm, int nodes) {
        return figures(true, available, warm, nodes);
    }

    /** A subnet counted in addresses. */
    private static SubnetFigures addressFigures(int available, int warm, int nodes) {
        return figures(false, available, warm, nodes);
    }

    private static SubnetFigures figures(boolean prefixMode, int available, int warm, int nodes) {
        Subnet s = new Subnet("subnet-a", "vpc-1", "us-east-1a", "10.0.0.0/24", available, Map.of(), List.of());
        return new SubnetFigures(s, 251, warm, prefixMode, prefixMode ? 3 : -1, prefixMode ? 48 : available, SHORT,
                SHORT, 20, 0, List.of("c1"), List.of(), nodes);
    }

    private static List<Cluster> cluster(CniSettings cni) {
        return List.of(InventoryFixtures.cluster("c1").vpc("vpc-1").ipFamily(IpFamily.IPV4).cni(cni)
                .cniFrom(CniSource.DEFAULT).build());
    }

    @Test
    void prefixModeAsksForRoomForBlocks() {
        assertThat(Fix.of(prefixModeFigures(900, 0, 0), cluster(CniSettings.DEFAULTS))).isEqualTo(
                "AvailableIpAddressCount shows 900 addresses but only 3 free /28 blocks: create a prefix-type subnet "
                + "CIDR reservation or give prefix-delegation nodes a dedicated subnet.");
    }

    @Test
    void largeWarmPoolsOfWarmEniClustersSuggestAWarmIpTarget() {
        // 251 - 51 = 200 used; 60 warm >= a quarter; 4 nodes keep 5 each: about 40 returned.
        assertThat(Fix.of(addressFigures(51, 60, 4), cluster(CniSettings.DEFAULTS))).isEqualTo(
                "CNI warm pools hold 60 idle addresses here; WARM_IP_TARGET=5 (with MINIMUM_IP_TARGET at the pods a "
                + "node usually runs) would return about 40 of them. Or add a secondary VPC CIDR with custom "
                + "networking.");
    }

    @Test
    void otherwiseMoreAddressSpace() {
        String more = "Add address space: a larger subnet or a secondary VPC CIDR with custom networking, or lower "
                      + "node group max sizes.";
        assertThat(Fix.of(addressFigures(51, 40, 4), cluster(CniSettings.DEFAULTS))).as("warm below a quarter")
                .isEqualTo(more);
        CniSettings warmIp = CniEnv.parse(Map.of(CniEnv.WARM_IP_TARGET, "2"));
        assertThat(Fix.of(addressFigures(51, 60, 4), cluster(warmIp))).as("already in warm IP mode").isEqualTo(more);
        assertThat(Fix.of(addressFigures(51, 60, 12), cluster(CniSettings.DEFAULTS))).as("nothing to save")
                .isEqualTo(more);
    }
}
