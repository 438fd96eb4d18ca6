package dev.eksip.app.snapshot;

import static dev.eksip.testing.inventory.InventoryFixtures.nodeGroup;
import static dev.eksip.testing.inventory.InventoryFixtures.limits;
import static dev.eksip.testing.inventory.InventoryFixtures.eni;
import static dev.eksip.testing.inventory.InventoryFixtures.cni;
import static dev.eksip.testing.inventory.InventoryFixtures.cluster;
import dev.eksip.domain.IpFamily;

import dev.eksip.domain.Scope;
import dev.eksip.domain.ReservationType;
import dev.eksip.domain.InterfaceType;
import dev.eksip.domain.CniSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eksip.app.snapshot.InventoryFile.InvalidInventoryFileException;
import dev.eksip.domain.AutoMode;
import dev.eksip.domain.Cluster;
import dev.eksip.domain.CniSettings;
import dev.eksip.domain.NodePool;
import dev.eksip.domain.NodePoolLimits;
import dev.eksip.domain.Provisioner;
import dev.eksip.domain.Eni;
import dev.eksip.domain.InstanceLimits;
import dev.eksip.domain.Inventory;
import dev.eksip.domain.InventoryGap;
import dev.eksip.domain.Node;
import dev.eksip.domain.NodeGroup;
import dev.eksip.domain.Subnet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

class InventoryFileTest {
    static Inventory sample() {
        Subnet a = new Subnet("subnet-a", "vpc-1", "us-east-1a", "10.0.0.0/24", 240,
                Map.of("kubernetes.io/role/cni", "1", "Name", "a"),
                List.of(new Subnet.CidrReservation("scr-1", "10.0.0.128/28", ReservationType.PREFIX)));
        Subnet b = new Subnet("subnet-b", "vpc-1", "us-east-1b", "10.0.1.0/24", 251, Map.of(), List.of());
        NodeGroup managed = nodeGroup("ng-1").managed().type("m5.large").sizes(1, 2, 5).subnets("subnet-a", "subnet-b")
                .autoScalingGroup("eks-ng-1-abc").build();
        NodeGroup self = nodeGroup("asg-self").selfManaged().types("c5.xlarge", "c5a.xlarge").sizes(0, 0, 3)
                .subnets("subnet-b").autoScalingGroup("asg-self").maxPods(58).build();
        Cluster cluster = cluster("prod").vpc("vpc-1").ipFamily(IpFamily.IPV4)
                .cni(cni().warmIpTarget(5).minimumIpTarget(10).prefixDelegation().customNetworking())
                .cniFrom(CniSource.ADDON).podSubnet("us-east-1a", "subnet-b").groups(managed, self).build();
        // an Auto Mode cluster whose pool's limits and NodeClass were read (exact mode): every optional field
        Cluster auto = new Cluster("auto", "vpc-1", IpFamily.IPV4, CniSettings.DEFAULTS, CniSource.DEFAULT, Map.of(),
                List.of(nodeGroup("general-purpose").pool(new NodePool(Provisioner.AUTO_MODE, "default",
                        new NodePoolLimits(64_000, 262_144), true, Map.of("us-east-1b", "subnet-b")))
                        .type("m5.large").sizes(0, 0, 0).subnets("subnet-a").build()),
                new AutoMode(true, List.of("general-purpose", "system")));
        Eni primary = eni("eni-1").subnet("subnet-a").attachedTo("i-1", 0).type(InterfaceType.INTERFACE)
                .primaryIp("10.0.0.10").secondaryIps("10.0.0.11", "10.0.0.12").build();
        Eni pod = eni("eni-2").subnet("subnet-b").attachedTo("i-1", 1).type(InterfaceType.INTERFACE)
                .primaryIp("10.0.1.10").prefixes("10.0.1.16/28").build();
        Node node = new Node("i-1", "prod", "ng-1", "m5.large", "subnet-a", "us-east-1a", List.of(primary, pod));
        Eni lb = eni("eni-9").subnet("subnet-a").type(InterfaceType.INTERFACE).primaryIp("10.0.0.200").noManage()
                .build();
        InstanceLimits x = limits("x9.large").maxEnis(3).ipv4PerEni(10).networkCards(1).totalEnis(3).nitro()
                .prefixDelegation().trunking().vcpus(2).build();
        InventoryGap gap = new InventoryGap(Scope.parse("cluster/dev").orElseThrow(), "eks:DescribeNodegroup", "AccessDeniedException",
                "not authorised");
        return new Inventory("123456789012", "us-east-1", Instant.parse("2026-11-25T13:00:00Z"),
                List.of(a, b), List.of(cluster, auto), List.of(node), List.of(lb), List.of(x), List.of(gap));
    }

    @Test
    void writeThenReadIsTheSameInventory(@TempDir Path dir) {
        Path file = dir.resolve("snap/inventory.json");
        InventoryFile.write(sample(), file);
        assertThat(InventoryFile.read(file)).isEqualTo(sample());
        InventoryFile.write(sample(), file); // replaces, leaves no temporary file behind
        assertThat(file.getParent().toFile().list()).containsExactly("inventory.json");
    }

    @Test
    void writesTheVersionFirstInstantsAsIsoStringsAndNoNulls() {
        String json = InventoryFile.toJson(sample());
        assertThat(json).startsWith("{\n  \"formatVersion\" : 1,");
        assertThat(json).contains("\"capturedAt\" : \"2026-11-25T13:00:00Z\"");
        assertThat(json).doesNotContain("null");
        // derived accessors are not part of the format
        assertThat(json).doesNotContain("subnetIps").doesNotContain("warmIpMode").doesNotContain("slotsPerEni");
    }

    @Test
    void anEmptyInventoryRoundTrips() {
        Inventory empty = new Inventory("", "eu-west-1", Instant.EPOCH, List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of());
        assertThat(InventoryFile.parse(InventoryFile.toJson(empty), "x.json")).isEqualTo(empty);
    }

    @Test
    void rejectsAnotherFormatVersion() {
        String json = InventoryFile.toJson(sample()).replace("\"formatVersion\" : 1", "\"formatVersion\" : 2");
        assertThatThrownBy(() -> InventoryFile.parse(json, "snap.json"))
                .isInstanceOf(InvalidInventoryFileException.class)
                .hasMessageContaining("snap.json").hasMessageContaining("formatVersion").hasMessageContaining("2");
    }

    @Test
    void rejectsAMissingVersion() {
        String json = InventoryFile.toJson(sample()).replace("\"formatVersion\" : 1,", "");
        assertThatThrownBy(() -> InventoryFile.parse(json, "snap.json"))
                .isInstanceOf(InvalidInventoryFileException.class).hasMessageContaining("missing field \"formatVersion\"");
    }

    @Test
    void rejectsAnUnknownFieldNamingItAndItsPath() {
        String json = InventoryFile.toJson(sample()).replace("\"availableIps\" : 251,", "\"availableIps\" : 251, \"free\" : 3,");
        assertThatThrownBy(() -> InventoryFile.parse(json, "snap.json"))
                .isInstanceOf(InvalidInventoryFileException.class)
                .hasMessageContaining("unknown field \"free\"").hasMessageContaining("$.subnets[1]");
    }

    @Test
    void rejectsAMissingFieldNamingIt() {
        String json = InventoryFile.toJson(sample()).replaceFirst("(\"name\" : \"prod\",\\s*)\"vpcId\" : \"vpc-1\",", "$1");
        assertThat(json).isNotEqualTo(InventoryFile.toJson(sample()));
        assertThatThrownBy(() -> InventoryFile.parse(json, "snap.json"))
                .isInstanceOf(InvalidInventoryFileException.class)
                .hasMessageContaining("vpcId").hasMessageContaining("$.clusters[0]");
    }

    @Test
    void rejectsAWrongTypeNamingTheField() {
        String json = InventoryFile.toJson(sample()).replace("\"availableIps\" : 240", "\"availableIps\" : \"lots\"");
        assertThatThrownBy(() -> InventoryFile.parse(json, "snap.json"))
                .isInstanceOf(InvalidInventoryFileException.class)
                .hasMessageContaining("$.subnets[0].availableIps");
    }

    @Test
    void rejectsValuesTheDomainRejects() {
        String json = InventoryFile.toJson(sample()).replace("\"desiredSize\" : 2", "\"desiredSize\" : 9");
        assertThatThrownBy(() -> InventoryFile.parse(json, "snap.json"))
                .isInstanceOf(InvalidInventoryFileException.class)
                .hasMessageContaining("ng-1").hasMessageContaining("min <= desired <= max");
    }

    @Test
    void rejectsSomethingThatIsNotJson() {
        assertThatThrownBy(() -> InventoryFile.parse("formatVersion: 1", "snap.json"))
                .isInstanceOf(InvalidInventoryFileException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> InventoryFile.parse("[1]", "snap.json"))
                .isInstanceOf(InvalidInventoryFileException.class).hasMessageContaining("JSON object");
    }

    @Test
    void theDocumentedExampleIsAValidSnapshot() throws Exception {
        String doc = java.nio.file.Files.readString(Path.of("docs/inventory-format.md"));
        String json = doc.substring(doc.indexOf("```json") + 7, doc.lastIndexOf("```"));
        Inventory example = InventoryFile.parse(json, "docs/inventory-format.md");
        assertThat(example.nodes().get(0).enis().get(0).take().addresses()).isEqualTo(3);
        assertThat(example.clusters().get(0).cniSource()).isEqualTo(CniSource.ADDON);
    }
}
