package dev.eksip.app.inventory;

import static dev.eksip.testing.inventory.InventoryFixtures.cni;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.domain.CniSettings;
import dev.eksip.domain.CniSource;
import org.junit.jupiter.api.Test;

import java.util.Map;

/** Add-on configuration values, then configured settings, then ipamd's defaults. */
class CniPrecedenceTest {
    static final CniSettings CONFIGURED = cni().warmEniTarget(2).build();

    @Test
    void theAddonsValuesWinOverConfiguredSettingsAndLayOverIpamdDefaults() {
        var addon = new VpcCniAddon.Configured(Map.of("ENABLE_PREFIX_DELEGATION", "true", "WARM_PREFIX_TARGET", "2"));

        assertThat(CniPrecedence.resolve("prod", addon, Map.of("prod", CONFIGURED))).isEqualTo(
                new CniPrecedence.Resolved(cni().prefixDelegation().warmPrefixTarget(2).build(), CniSource.ADDON));
    }

    @Test
    void anAddonWithEmptyConfigurationValuesIsNoDeclarationSoConfiguredSettingsApply() {
        // The EKS user guide changes prefix delegation and custom networking with `kubectl set env daemonset
        // aws-node`, which the add-on's (empty) configuration values never show.
        var empty = new VpcCniAddon.Configured(Map.of());
        assertThat(CniPrecedence.resolve("prod", empty, Map.of("prod", CONFIGURED)))
                .isEqualTo(new CniPrecedence.Resolved(CONFIGURED, CniSource.CONFIGURED));
        assertThat(CniPrecedence.resolve("prod", empty, Map.of()))
                .isEqualTo(new CniPrecedence.Resolved(CniSettings.DEFAULTS, CniSource.DEFAULT));
    }

    @Test
    void withoutAReadableAddonConfiguredSettingsApplyElseIpamdDefaults() {
        assertThat(CniPrecedence.resolve("dev", VpcCniAddon.UNAVAILABLE, Map.of("dev", CONFIGURED)))
                .isEqualTo(new CniPrecedence.Resolved(CONFIGURED, CniSource.CONFIGURED));
        assertThat(CniPrecedence.resolve("prod", VpcCniAddon.UNAVAILABLE, Map.of("dev", CONFIGURED)))
                .isEqualTo(new CniPrecedence.Resolved(CniSettings.DEFAULTS, CniSource.DEFAULT));
    }
}
