package dev.eksip.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.domain.InstanceLimits;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 item 9: {@code max-pods-calculator.sh} applies the prefix formula only when the type's hypervisor is
 * {@code nitro} ({@code IS_NITRO && CNI_PREFIX_DELEGATION_ENABLED && PREFIX_DELEGATION_SUPPORTED}); bare-metal types
 * report no hypervisor, so with {@code --cni-prefix-delegation-enabled} they get the secondary-IP formula, although
 * ipamd does assign /28 prefixes on them.
 */
class BareMetalMaxPodsTest {
    private static final InstanceCatalog CATALOG = InstanceCatalog.embedded();

    @Test
    void bareMetalWithPrefixDelegationGetsTheSecondaryIpFormulaAsTheCalculatorDoes() {
        InstanceLimits metal = CATALOG.require("a1.metal");
        assertThat(metal.bareMetal()).isTrue();
        assertThat(metal.nitro()).isFalse();
        assertThat(metal.prefixDelegationSupported()).isTrue();     // ipamd still assigns prefixes on it

        // 8 ENIs × (30 − 1) + 2 = 234 (the prefix formula: 3714); a1.metal has 16 vCPUs: managed cap 110
        assertThat(MaxPods.compute(metal, new MaxPods.Options(true, false, 0, false))).isEqualTo(234);
        assertThat(MaxPods.compute(metal, new MaxPods.Options(true, false, 0, true))).isEqualTo(110);
        assertThat(MaxPods.compute(metal, new MaxPods.Options(true, true, 0, false))).isEqualTo(7 * 29 + 2);
    }

    @Test
    void aNitroTypeKeepsThePrefixFormula() {
        InstanceLimits m5 = CATALOG.require("m5.large");
        assertThat(MaxPods.compute(m5, new MaxPods.Options(true, false, 0, false))).isEqualTo(3 * 9 * 16 + 2);
    }

    @Test
    void everyBareMetalTypeOfTheTableGetsTheStandardFormulaUnderPrefixDelegation() {
        int metal = 0;
        for (String type : CATALOG.types()) {
            InstanceLimits limits = CATALOG.require(type);
            if (!limits.bareMetal() || limits.nitro()) continue;
            metal++;
            assertThat(MaxPods.compute(limits, new MaxPods.Options(true, false, 0, false)))
                    .as(type).isEqualTo(MaxPods.standard(limits));
        }
        assertThat(metal).as("bare-metal types in instance-limits.csv").isEqualTo(159);
    }
}
