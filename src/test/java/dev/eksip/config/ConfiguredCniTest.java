package dev.eksip.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eksip.domain.CniSettings;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ConfiguredCniTest {
    @Test
    void aClustersOwnEntryIsLaidOverTheEveryClusterEntry() {
        Map<String, CniSettings> c = ConfiguredCni.parse("""
                {"*": {"WARM_IP_TARGET": "5", "MINIMUM_IP_TARGET": 10},
                 "batch": {"ENABLE_PREFIX_DELEGATION": true, "MINIMUM_IP_TARGET": "0"}}""");

        CniSettings batch = ConfiguredCni.forCluster(c, "batch");
        assertThat(batch.warmIpTarget()).isEqualTo(5);
        assertThat(batch.minimumIpTarget()).isZero();
        assertThat(batch.prefixDelegation()).isTrue();
        CniSettings other = ConfiguredCni.forCluster(c, "web");
        assertThat(other.warmIpTarget()).isEqualTo(5);
        assertThat(other.minimumIpTarget()).isEqualTo(10);
        assertThat(other.prefixDelegation()).isFalse();
    }

    @Test
    void absentOrBlankMeansNothingConfigured() {
        assertThat(ConfiguredCni.from(Map.of())).isEmpty();
        assertThat(ConfiguredCni.from(Map.of("CNI_SETTINGS", " "))).isEmpty();
        assertThat(ConfiguredCni.forCluster(Map.of(), "web")).isNull();
    }

    @Test
    void badValuesNameTheVariableAndTheKey() {
        assertThatThrownBy(() -> ConfiguredCni.parse("{\"*\": {\"WARM_IP_TARGT\": 5}}"))
                .hasMessageContaining("CNI_SETTINGS").hasMessageContaining("WARM_IP_TARGT")
                .hasMessageContaining("WARM_IP_TARGET");
        assertThatThrownBy(() -> ConfiguredCni.parse("[1]")).hasMessageContaining("CNI_SETTINGS")
                .hasMessageContaining("JSON object");
        assertThatThrownBy(() -> ConfiguredCni.parse("{\"web\": 5}")).hasMessageContaining("\"web\"");
        assertThatThrownBy(() -> ConfiguredCni.parse("{\"web\": {\"MAX_ENI\": [2]}}"))
                .hasMessageContaining("MAX_ENI");
        assertThatThrownBy(() -> ConfiguredCni.parse("{\"web\": ")).hasMessageContaining("line 1");
    }

    @Test
    void appConfigFailsInitialisationOnABadCniSettingsVariable() {
        Map<String, String> env = Map.of("AWS_REGION", "eu-west-1",
                "ALERT_TOPIC_ARN", "arn:aws:sns:eu-west-1:123456789012:alerts", "ALERT_STATE_TABLE", "state",
                "CNI_SETTINGS", "{\"*\": {\"NOPE\": 1}}");

        assertThatThrownBy(() -> AppConfig.from(env)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CNI_SETTINGS");
    }
}
