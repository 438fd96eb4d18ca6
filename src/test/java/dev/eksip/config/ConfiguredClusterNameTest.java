package dev.eksip.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.domain.CniSettings;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** {@code CNI_SETTINGS} can say aws-node's {@code CLUSTER_NAME} (subnet discovery's cluster-scoped tags read it). */
class ConfiguredClusterNameTest {
    @Test
    void clusterNameIsAnAwsNodeVariableOfCniSettings() {
        Map<String, CniSettings> configured =
                ConfiguredCni.parse("{\"*\":{\"CLUSTER_NAME\":\"shared\"},\"web\":{\"CLUSTER_NAME\":\"web\"}}");

        assertThat(ConfiguredCni.forCluster(configured, "web").clusterName()).isEqualTo("web");
        assertThat(ConfiguredCni.forCluster(configured, "batch").clusterName()).isEqualTo("shared");
    }

    @Test
    void withoutItClusterNameIsUnsetAsTheManifestShipsIt() {
        assertThat(ConfiguredCni.forCluster(ConfiguredCni.parse("{\"*\":{}}"), "web").clusterName()).isEmpty();
    }
}
