package dev.eksip.cli;

import static dev.eksip.testing.inventory.InventoryFixtures.cluster;
import static dev.eksip.testing.inventory.InventoryFixtures.nodeGroup;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.eksip.app.snapshot.InventoryFile;
import dev.eksip.domain.CniSource;
import dev.eksip.simulation.CniEnv;
import dev.eksip.testing.inventory.InventoryBuilder;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 items 5 and 6 on a snapshot ({@code audit --inventory}): a prefix-delegation node subnet without a free
 * /28 next to a tagged candidate scoped to another cluster by {@code cni.networking.k8s.aws/cluster/other}.
 * Without {@code CLUSTER_NAME} (the manifest's default) ipamd ignores the scope and the primary ENIs' prefixes
 * overflow to the candidate; with {@code CLUSTER_NAME=c1} in the snapshot's {@code cni} they cannot.
 */
class DiscoverySnapshotAuditTest {
    private static final Instant AS_OF = Instant.parse("2026-11-25T12:00:00Z");

    private static JsonNode audit(Path dir, Map<String, String> extraEnv) throws IOException {
        Map<String, String> env = new HashMap<>(Map.of("ENABLE_PREFIX_DELEGATION", "true"));
        env.putAll(extraEnv);
        Path file = dir.resolve("inventory.json");
        InventoryFile.write(new InventoryBuilder()
                .subnet("subnet-node", "vpc-1", "us-east-1a", "10.0.0.0/22")
                .fragment("subnet-node", 1, 7)
                .subnet("subnet-extra", "vpc-1", "us-east-1a", "10.0.16.0/24", "kubernetes.io/role/cni=1",
                        "cni.networking.k8s.aws/cluster/other=1")
                .cluster(cluster("c1").vpc("vpc-1").cni(CniEnv.parse(env)).cniFrom(CniSource.ADDON)
                        .groups(nodeGroup("ng").managed().type("m5.large").sizes(0, 3, 3).subnets("subnet-node")))
                .build(AS_OF), file);
        AuditCommandTest.Result r = AuditCommandTest.cli("audit", "--inventory", file.toString(), "--output", "json");
        assertThat(r.err()).doesNotContain("Exception");
        return new ObjectMapper().readTree(r.out());
    }

    private static JsonNode subnet(JsonNode report, String id) {
        for (JsonNode s : report.path("subnets")) if (s.path("subnetId").asText().equals(id)) return s;
        throw new AssertionError("no " + id);
    }

    @Test
    void withoutClusterNameTheNodeSubnetOverflowsToTheScopedCandidate(@TempDir Path dir) throws IOException {
        JsonNode node = subnet(audit(dir, Map.of()), "subnet-node");

        assertThat(node.path("severity").asText()).isNotEqualTo("critical");
        assertThat(node.path("prefixMode").asBoolean()).isFalse();
        assertThat(node.path("reason").asText()).contains("subnet-extra");
    }

    @Test
    void withClusterNameTheScopedCandidateIsRejectedAndTheNodeSubnetIsCritical(@TempDir Path dir)
            throws IOException {
        JsonNode report = audit(dir, Map.of("CLUSTER_NAME", "c1"));

        assertThat(subnet(report, "subnet-node").path("severity").asText()).isEqualTo("critical");
        assertThat(report.path("clusters").get(0).path("cni").path("CLUSTER_NAME").asText()).isEqualTo("c1");
    }
}
