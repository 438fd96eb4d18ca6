package dev.eksip.app.snapshot;

import static dev.eksip.testing.inventory.InventoryFixtures.cluster;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.domain.CniSource;
import dev.eksip.domain.Inventory;
import dev.eksip.simulation.CniEnv;
import dev.eksip.testing.inventory.InventoryBuilder;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** aws-node's {@code CLUSTER_NAME} (subnet discovery's cluster-scoped tags) survives an export as {@code cni.clusterName}. */
class ClusterNameSnapshotTest {
    private static final Instant AS_OF = Instant.parse("2026-11-25T12:00:00Z");

    private static Inventory withCni(Map<String, String> env) {
        return new InventoryBuilder().subnet("subnet-a", "vpc-1", "us-east-1a", "10.0.0.0/24")
                .cluster(cluster("c1").vpc("vpc-1").cni(CniEnv.parse(env)).cniFrom(CniSource.AWS_NODE))
                .build(AS_OF);
    }

    private static Inventory roundTrip(String json) {
        return InventoryFile.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }

    @Test
    void aSetClusterNameIsWrittenAndReadBack() {
        Inventory inv = withCni(Map.of("CLUSTER_NAME", "web"));
        String json = InventoryFile.toJson(inv);

        assertThat(json).contains("\"clusterName\" : \"web\"");
        assertThat(roundTrip(json).clusters().get(0).cni().clusterName()).isEqualTo("web");
    }

    @Test
    void anUnsetClusterNameIsLeftOutAndReadsAsUnset() {
        String json = InventoryFile.toJson(withCni(Map.of()));

        assertThat(json).doesNotContain("clusterName");
        assertThat(roundTrip(json).clusters().get(0).cni().clusterName()).isEmpty();
    }
}
