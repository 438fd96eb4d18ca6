package dev.eksip.app.snapshot;

import static dev.eksip.testing.inventory.InventoryFixtures.cluster;
import static dev.eksip.testing.inventory.InventoryFixtures.nodeGroup;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.app.RunForecast;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.Inventory;
import dev.eksip.domain.NodeGroup;
import dev.eksip.domain.SubnetForecast;
import dev.eksip.testing.inventory.InventoryBuilder;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * An export keeps what the checks of the addresses a subnet must keep free need (issue 11 items 10, 11, 13) and where
 * max pods came from (item 8): the cluster's own subnets, a managed node group's update configuration, the leaked
 * flag of an unattached CNI ENI and {@code maxPodsFrom} — so {@code audit --inventory} of an export gives the same
 * control-plane, update-surge and reclaimable figures as the live read. An older file without them still reads.
 */
class KeepFreeSnapshotTest {
    private static final Instant AS_OF = Instant.parse("2026-11-25T12:00:00Z");

    private static Inventory account() {
        NodeGroup web = nodeGroup("web").managed().type("m5.large").sizes(2, 4, 8).subnets("subnet-a", "subnet-b")
                .maxUnavailablePercentage(33).build();
        NodeGroup workers = nodeGroup("workers").selfManaged().type("m5.large").sizes(1, 2, 4).subnets("subnet-b")
                .autoScalingGroup("asg-workers").build()
                .withMaxPods(110, "launch template lt-1 version 3 user data: nodeadm NodeConfig spec.kubelet.config.maxPods");
        return new InventoryBuilder()
                .subnet("subnet-a", "vpc-1", "us-east-1a", "10.0.0.0/26")
                .subnet("subnet-b", "vpc-1", "us-east-1b", "10.0.0.64/26")
                .subnet("subnet-cp", "vpc-1", "us-east-1a", "10.0.0.128/28")
                .cluster(cluster("c1").vpc("vpc-1").groups(web, workers).clusterSubnets("subnet-cp", "subnet-a"))
                .leakedEni("subnet-b", 5)
                .build(AS_OF);
    }

    private static Inventory roundTrip(Inventory inventory) {
        String json = InventoryFile.toJson(inventory);
        return InventoryFile.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "export.json");
    }

    @Test
    void anExportKeepsClusterSubnetsUpdateConfigurationLeakedEnisAndWhereMaxPodsCameFrom() {
        Inventory live = account();
        Inventory read = roundTrip(live);

        assertThat(read.clusters().get(0).subnetIds()).containsExactly("subnet-cp", "subnet-a");
        assertThat(read.clusters().get(0).nodeGroups()).isEqualTo(live.clusters().get(0).nodeGroups());
        assertThat(read.otherEnis()).isEqualTo(live.otherEnis());
        assertThat(read.otherEnis()).singleElement().satisfies(e -> assertThat(e.leakedByCni()).isTrue());
    }

    @Test
    void auditOfTheExportGivesTheLiveReadsKeepFreeFigures() {
        Forecast live = RunForecast.forecast(account(), AS_OF);
        Forecast read = RunForecast.forecast(roundTrip(account()), AS_OF);

        for (String subnet : List.of("subnet-a", "subnet-b", "subnet-cp")) {
            SubnetForecast l = find(live, subnet), r = find(read, subnet);
            assertThat(r.controlPlaneOf()).as(subnet).isEqualTo(l.controlPlaneOf());
            assertThat(r.updateSurge()).as(subnet).isEqualTo(l.updateSurge());
            assertThat(r.atUpdate()).as(subnet).isEqualTo(l.atUpdate());
            assertThat(r.leakedEnis()).as(subnet).isEqualTo(l.leakedEnis());
            assertThat(r.reclaimableIps()).as(subnet).isEqualTo(l.reclaimableIps());
        }
        assertThat(find(live, "subnet-cp").controlPlaneOf()).containsExactly("c1");
        assertThat(find(live, "subnet-b").leakedEnis()).isEqualTo(1);
    }

    @Test
    void theFieldsAreOptionalAndLeftOutWhenUnset() {
        Inventory plain = new InventoryBuilder().subnet("subnet-a", "vpc-1", "us-east-1a", "10.0.0.0/26")
                .cluster(cluster("c1").vpc("vpc-1").groups(nodeGroup("ng").managed().type("m5.large").sizes(1, 1, 2)
                        .subnets("subnet-a"))).build(AS_OF);
        String json = InventoryFile.toJson(plain);

        assertThat(json).doesNotContain("maxUnavailable").doesNotContain("leakedByCni").doesNotContain("maxPodsFrom")
                .doesNotContain("\"subnetIds\" : [ ]");
        assertThat(roundTrip(plain)).isEqualTo(plain);
    }

    private static SubnetForecast find(Forecast f, String subnet) {
        return f.subnets().stream().filter(s -> s.subnetId().equals(subnet)).findFirst().orElseThrow();
    }
}
