package dev.eksip.app.assess;

import dev.eksip.testing.inventory.InventoryFixtures;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.domain.Cluster;
import dev.eksip.domain.CniSettings;
import dev.eksip.domain.CniSource;
import dev.eksip.domain.IpFamily;


import org.junit.jupiter.api.Test;

class ClusterNotesTest {
    private static Cluster cluster(IpFamily family, CniSource source) {
        return InventoryFixtures.cluster("c1").vpc("vpc-1").ipFamily(family).cni(CniSettings.DEFAULTS).cniFrom(source)
                .build();
    }

    @Test
    void sayWhereTheCniSettingsCameFrom() {
        assertThat(ClusterNotes.of(cluster(IpFamily.IPV4, CniSource.ADDON)))
                .containsExactly("CNI settings: the vpc-cni add-on's configuration values.");
        assertThat(ClusterNotes.of(cluster(IpFamily.IPV4, CniSource.CONFIGURED)))
                .containsExactly("CNI settings: configured for this cluster (CNI_SETTINGS).");
        assertThat(ClusterNotes.of(cluster(IpFamily.IPV4, CniSource.DEFAULT)))
                .containsExactly("CNI settings: ipamd's defaults (no add-on configuration values to read).");
    }

    @Test
    void anIpv6ClusterFirstSaysItHasNoWarmPool() {
        assertThat(ClusterNotes.of(cluster(IpFamily.IPV6, CniSource.ADDON))).containsExactly(
                "IPv6 cluster: no IPv4 warm pool (vpc-cni-model.md §6(h)); each node takes one IPv4 address for its "
                + "primary ENI.",
                "CNI settings: the vpc-cni add-on's configuration values.");
    }
}
