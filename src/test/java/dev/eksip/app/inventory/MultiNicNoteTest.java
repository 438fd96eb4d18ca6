package dev.eksip.app.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.domain.Cluster;
import dev.eksip.domain.CniSource;
import dev.eksip.domain.Inventory;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Issue 11 item 9: {@code ENABLE_MULTI_NIC} (pod ENIs on every network card) is not modelled; when the add-on's
 * configuration values set it, the cluster says so (a note, through {@code Cluster.cniObserved}) without changing
 * where its CNI settings came from.
 */
class MultiNicNoteTest {
    private static final Instant NOW = Instant.parse("2026-12-02T05:00:00Z");

    private static Cluster assembled(Map<String, String> env) {
        ClusterFacts c = new ClusterFacts("prod", "vpc-1", dev.eksip.domain.IpFamily.IPV4, List.of(), List.of(),
                new VpcCniAddon.Configured(env));
        NodeGroupAssembly.Result groups = new NodeGroupAssembly.Result(Map.of("prod", List.of()), List.of(),
                List.of());
        Inventory inv = InventoryAssembler.assemble(new InventoryAssembler.Facts("eu-west-1", NOW, List.of(c),
                groups, List.of(), List.of(), List.of(), Map.of(), List.of()));
        return inv.clusters().getFirst();
    }

    @Test
    void setInTheAddOnItIsReportedAsUnmodelled() {
        Cluster c = assembled(Map.of("ENABLE_MULTI_NIC", "true", "WARM_IP_TARGET", "5"));

        assertThat(c.cniSource()).isEqualTo(CniSource.ADDON);
        assertThat(c.cniObserved()).containsExactly("ENABLE_MULTI_NIC is set in the vpc-cni add-on's configuration "
                + "values: pod ENIs on network cards other than the default are not modelled (only card 0's ENIs are "
                + "forecast), so multi-card nodes may take more addresses.");
    }

    @Test
    void unsetOrFalseSaysNothing() {
        assertThat(assembled(Map.of("WARM_IP_TARGET", "5")).cniObserved()).isEmpty();
        assertThat(assembled(Map.of("ENABLE_MULTI_NIC", "false")).cniObserved()).isEmpty();
        assertThat(UnmodelledCni.notes(Map.of("ENABLE_MULTI_NIC", "yes"), "x")).isEmpty();   // not a Go bool
    }
}
