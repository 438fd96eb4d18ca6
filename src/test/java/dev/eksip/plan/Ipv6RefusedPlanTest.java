package dev.eksip.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eksip.domain.CniSettings;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 item 9: IPv6 settings ipamd refuses to start with (ipamd.go {@code isConfigValid}: IPv6 needs prefix
 * delegation and excludes custom networking) are a scenario error naming the field, not a plan of a working node.
 */
class Ipv6RefusedPlanTest {
    private static final Scenario EXAMPLE = Scenario.spreadsheetExample();
    private static final CniSettings IPV6 = CniSettings.DEFAULTS.withIpv6(true);

    @Test
    void ipv6WithoutPrefixDelegationIsAConfigurationError() {
        for (PlanModel model : PlanModel.values())
            assertThatThrownBy(() -> Planner.plan(EXAMPLE.withCni(IPV6), model))
                    .isInstanceOf(ScenarioException.class)
                    .hasMessageStartingWith("cni.ENABLE_IPv6: ")
                    .hasMessageContaining("without ENABLE_PREFIX_DELEGATION=true: ipamd refuses to start");
    }

    @Test
    void ipv6WithCustomNetworkingIsAConfigurationError() {
        CniSettings custom = new CniSettings(1, 0, 0, true, 1, 0, true, false, true, true);
        assertThatThrownBy(() -> Planner.plan(EXAMPLE.withCni(custom), PlanModel.VPC_CNI))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("custom networking is not supported in IPv6 mode");
    }

    @Test
    void ipv6WithPrefixDelegationPlans() {
        assertThat(Planner.plan(EXAMPLE.withCni(IPV6.withPrefixDelegation(true)), PlanModel.VPC_CNI).instances())
                .isNotEmpty();
    }
}
