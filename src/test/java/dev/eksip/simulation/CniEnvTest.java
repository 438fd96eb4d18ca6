package dev.eksip.simulation;

import static dev.eksip.testing.inventory.InventoryFixtures.cni;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.domain.CniSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

class CniEnvTest {
    @Test
    void anEmptyEnvironmentIsTheShippedManifest() {
        assertThat(CniEnv.parse(Map.of())).isEqualTo(CniSettings.DEFAULTS);
    }

    @Test
    void readsEveryVariable() {
        CniSettings s = CniEnv.parse(Map.of(
                "WARM_ENI_TARGET", "0", "WARM_IP_TARGET", "5", "MINIMUM_IP_TARGET", "10",
                "WARM_PREFIX_TARGET", "2", "MAX_ENI", "3", "ENABLE_PREFIX_DELEGATION", "true",
                "AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG", "true", "ENABLE_POD_ENI", "true",
                "ENABLE_SUBNET_DISCOVERY", "false", "ENABLE_IPv6", "false"));
        assertThat(s).isEqualTo(cni().warmEniTarget(0).warmIpTarget(5).minimumIpTarget(10).prefixDelegation()
                .warmPrefixTarget(2).maxEni(3).customNetworking().podEni().noSubnetDiscovery().ipv6(false).build());
    }

    @ParameterizedTest(name = "WARM_ENI_TARGET={0} -> {1}")
    @CsvSource({"0,0", "3,3", "-1,1", "abc,1", "'',1", "' 2',1", "2.5,1"})
    void warmEniTargetFallsBackToOneWhenNegativeOrUnparsable(String value, int expected) {
        assertThat(CniEnv.parse(Map.of("WARM_ENI_TARGET", value)).warmEniTarget()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "WARM_IP_TARGET={0} -> {1}")
    @CsvSource({"0,0", "7,7", "-3,0", "x,0"})
    void warmIpTargetFallsBackToUnset(String value, int expected) {
        assertThat(CniEnv.parse(Map.of("WARM_IP_TARGET", value)).warmIpTarget()).isEqualTo(expected);
        assertThat(CniEnv.parse(Map.of("MINIMUM_IP_TARGET", value)).minimumIpTarget()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "WARM_PREFIX_TARGET={0} -> {1}")
    @CsvSource({"0,0", "4,4", "-1,0", "many,0"})
    void warmPrefixTargetSetButInvalidIsIpamdsCodeDefault(String value, int expected) {
        assertThat(CniEnv.parse(Map.of("WARM_PREFIX_TARGET", value)).warmPrefixTarget()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "MAX_ENI={0} -> {1}")
    @CsvSource({"1,1", "4,4", "0,0", "-2,0", "lots,0"})
    void maxEniBelowOneIsIgnored(String value, int expected) {
        assertThat(CniEnv.parse(Map.of("MAX_ENI", value)).maxEni()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "ENABLE_PREFIX_DELEGATION={0} -> {1}")
    @CsvSource({"true,true", "True,true", "TRUE,true", "1,true", "t,true", "false,false", "0,false",
                "yes,false", "'',false"})
    void booleansFollowGoParseBool(String value, boolean expected) {
        assertThat(CniEnv.parse(Map.of("ENABLE_PREFIX_DELEGATION", value)).prefixDelegation()).isEqualTo(expected);
    }

    @Test
    void anUnparsableBooleanKeepsItsDefault() {
        assertThat(CniEnv.parse(Map.of("ENABLE_SUBNET_DISCOVERY", "nope")).subnetDiscovery()).isTrue();
    }
}
