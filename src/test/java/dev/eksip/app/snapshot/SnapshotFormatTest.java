package dev.eksip.app.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.InjectableValues;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.eksip.app.snapshot.InventoryFile.InvalidInventoryFileException;
import dev.eksip.domain.Inventory;
import dev.eksip.sample.SampleAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code formatVersion 1} is pinned here, not derived from the domain: every object's field names in order, as
 * docs/inventory-format.md lists them. A renamed {@link SnapshotV1} component fails these tests; a renamed domain
 * component fails {@link SnapshotMapper}'s compile. Either way the file cannot change silently.
 */
class SnapshotFormatTest {
    private static final Path EMBEDDED = Path.of("src/main/resources/sample/inventory.json");
    private static final ObjectMapper PLAIN = JsonMapper.builder().addModule(new JavaTimeModule())
            .injectableValues(InventoryFile.ABSENT).build();
    /**
     * Optional fields: written only when there is something to say (a node pool, Auto Mode, known limits, history,
     * a cluster's own subnets, an update configuration, where max pods came from, a leaked ENI); a name alone is
     * optional in every object, {@code Type.name} only in that record.
     */
    private static final java.util.Set<String> OPTIONAL = java.util.Set.of("autoMode", "nodePool", "limits", "history",
            "clusterName", "Cluster.subnetIds", "maxUnavailable", "maxUnavailablePercentage", "maxPodsFrom",
            "leakedByCni");

    private static boolean optional(Class<?> type, String field) {
        return OPTIONAL.contains(field) || OPTIONAL.contains(type.getSimpleName() + "." + field);
    }

    /** docs/inventory-format.md, object by object. */
    private static final Map<Class<? extends Record>, List<String>> FIELDS = pinned(
            SnapshotV1.class, List.of("formatVersion", "accountId", "region", "capturedAt", "subnets", "clusters",
                    "nodes", "otherEnis", "instanceLimits", "gaps", "history"),
            SnapshotV1.Subnet.class, List.of("subnetId", "vpcId", "availabilityZone", "cidr", "availableIps", "tags",
                    "reservations"),
            SnapshotV1.CidrReservation.class, List.of("reservationId", "cidr", "type"),
            SnapshotV1.Cluster.class, List.of("name", "vpcId", "ipFamily", "cni", "cniSource", "podSubnets",
                    "nodeGroups", "autoMode", "subnetIds"),
            SnapshotV1.AutoMode.class, List.of("enabled", "nodePools"),
            SnapshotV1.NodePool.class, List.of("provisioner", "nodeClass", "limits", "secondaryIpMode", "podSubnets"),
            SnapshotV1.NodePoolLimits.class, List.of("cpuMillicores", "memoryMebibytes"),
            SnapshotV1.Cni.class, List.of("warmEniTarget", "warmIpTarget", "minimumIpTarget", "prefixDelegation",
                    "warmPrefixTarget", "maxEni", "customNetworking", "podEni", "subnetDiscovery", "ipv6",
                    "clusterName"),
            SnapshotV1.NodeGroup.class, List.of("name", "managed", "customAmi", "instanceTypes", "minSize",
                    "desiredSize", "maxSize", "subnetIds", "autoScalingGroup", "maxPods", "nodePool", "maxUnavailable",
                    "maxUnavailablePercentage", "maxPodsFrom"),
            SnapshotV1.Node.class, List.of("instanceId", "cluster", "nodeGroup", "instanceType", "subnetId",
                    "availabilityZone", "enis"),
            SnapshotV1.Eni.class, List.of("eniId", "subnetId", "instanceId", "interfaceType", "deviceIndex",
                    "primaryIp", "secondaryIps", "prefixes", "noManage", "leakedByCni"),
            SnapshotV1.InstanceLimits.class, List.of("instanceType", "maxEnis", "ipv4PerEni", "networkCards",
                    "totalEnis", "nitro", "bareMetal", "prefixDelegationSupported", "trunkingCompatible",
                    "branchInterfaces", "vcpus"),
            SnapshotV1.Gap.class, List.of("scope", "operation", "errorCode", "message"),
            SnapshotV1.Series.class, List.of("subnetId", "metric", "points"),
            SnapshotV1.Point.class, List.of("at", "free"));

    @SuppressWarnings("unchecked")
    private static Map<Class<? extends Record>, List<String>> pinned(Object... typeThenFields) {
        Map<Class<? extends Record>, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < typeThenFields.length; i += 2)
            m.put((Class<? extends Record>) typeThenFields[i], (List<String>) typeThenFields[i + 1]);
        return m;
    }

    @Test
    void everyRecordOfTheFormatIsPinned() {
        assertThat(FIELDS.keySet()).containsExactlyInAnyOrder(formatRecords().toArray(Class[]::new));
    }

    @Test
    void theRecordsDeclareExactlyThePinnedFieldsInThePinnedOrder() {
        FIELDS.forEach((type, fields) -> {
            assertThat(Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName))
                    .as(type.getSimpleName()).containsExactlyElementsOf(fields);
            assertThat(type.getAnnotation(JsonPropertyOrder.class).value())
                    .as(type.getSimpleName() + " @JsonPropertyOrder").containsExactlyElementsOf(fields);
        });
    }

    @Test
    void writtenFilesHaveExactlyThePinnedFieldsInEveryObject() throws IOException {
        Map<Class<?>, Integer> seen = new LinkedHashMap<>();
        check(PLAIN.readTree(Files.readString(EMBEDDED)), SnapshotV1.class, "$", seen);
        check(PLAIN.readTree(InventoryFile.toJson(InventoryFileTest.sample())), SnapshotV1.class, "$", seen);
        assertThat(seen.keySet()).as("object kinds checked").containsExactlyInAnyOrderElementsOf(FIELDS.keySet());
    }

    /** Walks {@code node} as the declared {@code type}, checking each object's field names against the pins. */
    private static void check(JsonNode node, Class<?> type, String at, Map<Class<?>, Integer> seen) {
        List<String> names = fieldNames(node);
        assertThat(names).as(at).containsExactlyElementsOf(FIELDS.get(type).stream()
                .filter(f -> names.contains(f) || !optional(type, f)).toList());
        seen.merge(type, 1, Integer::sum);
        for (RecordComponent c : type.getRecordComponents()) {
            JsonNode child = node.get(c.getName());
            if (child == null && optional(type, c.getName())) continue;
            Class<?> element = elementRecord(c);
            if (c.getType().isRecord()) check(child, c.getType(), at + "." + c.getName(), seen);
            else if (element != null)
                for (int i = 0; i < child.size(); i++)
                    check(child.get(i), element, at + "." + c.getName() + "[" + i + "]", seen);
        }
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Class<?> elementRecord(RecordComponent c) {
        if (c.getType() != List.class) return null;
        var arg = ((java.lang.reflect.ParameterizedType) c.getGenericType()).getActualTypeArguments()[0];
        return arg instanceof Class<?> k && k.isRecord() ? k : null;
    }

    private static List<Class<?>> formatRecords() {
        List<Class<?>> all = new ArrayList<>(List.of(SnapshotV1.class));
        Arrays.stream(SnapshotV1.class.getDeclaredClasses()).filter(Class::isRecord).forEach(all::add);
        return all;
    }

    @Test
    void everyPinnedFieldIsDocumented() throws IOException {
        String doc = Files.readString(Path.of("docs/inventory-format.md"));
        FIELDS.forEach((type, fields) -> fields.forEach(f ->
                assertThat(doc).as(type.getSimpleName() + "." + f).contains("`" + f + "`")));
    }

    @Test
    void domainToFileToJsonToFileToDomainIsTheSame() throws IOException {
        for (Inventory inventory : List.of(InventoryFileTest.sample(), SampleAccount.build())) {
            var history = inventory.equals(SampleAccount.build()) ? SampleAccount.history() : List.<SubnetSeries>of();
            SnapshotV1 file = SnapshotMapper.toFile(inventory, history);
            String json = InventoryFile.toJson(inventory, history);
            SnapshotV1 read = PLAIN.readValue(json, SnapshotV1.class);
            assertThat(read).isEqualTo(file);
            assertThat(SnapshotMapper.toDomain(read)).isEqualTo(inventory);
        }
    }

    @Test
    void theEmbeddedSampleReadsAndWritesBackByteForByte() throws IOException {
        String embedded = Files.readString(EMBEDDED);
        Snapshot read = InventoryFile.parseSnapshot(embedded, "inventory.json");
        assertThat(read.history()).as("the sample records a history").isNotEmpty();
        assertThat(InventoryFile.toJson(read.inventory(), read.history())).isEqualTo(embedded);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            "ipFamily" : "ipv4"               | "ipFamily" : "IPv4"               | $.clusters[0].ipFamily: expected one of [ipv4, ipv6], got 'IPv4'
            "cniSource" : "addon"             | "cniSource" : "vpc-cni"           | $.clusters[0].cniSource: expected one of [aws-node, addon, configured, default, observed], got 'vpc-cni'
            "interfaceType" : "interface"     | "interfaceType" : "INTERFACE"     | $.nodes[0].enis[0].interfaceType: expected one of [interface, natGateway,
            "type" : "prefix"                 | "type" : "Prefix"                 | $.subnets[0].reservations[0].type: expected one of [prefix, explicit], got 'Prefix'
            "scope" : "cluster/dev"           | "scope" : "cluster:dev"           | $.gaps[0].scope: expected cluster/NAME, nodegroup/CLUSTER/NAME, subnet/ID, launch-template/ID, instance-type/TYPE or region/NAME, got 'cluster:dev'
            """)
    void aSpellingNoDomainTypeHasIsRejectedWithItsPathAndTheAllowedValues(String good, String bad, String message) {
        String json = InventoryFile.toJson(InventoryFileTest.sample());
        assertThat(json).contains(good);
        assertThatThrownBy(() -> InventoryFile.parse(json.replace(good, bad), "snap.json"))
                .isInstanceOf(InvalidInventoryFileException.class)
                .hasMessageStartingWith("snap.json: invalid field at " + message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            "availableIps" : 240      | "availableIps" : 2.5        | invalid field at $.subnets[0].availableIps: expected a whole number, got the number 2.5
            "managed" : true          | "managed" : "yes"           | invalid field at $.clusters[0].nodeGroups[0].managed: expected true or false, got the string "yes"
            "capturedAt" : "2026      | "capturedAt" : "soon", "x" : "2026 | invalid field at $.capturedAt: expected an ISO-8601 instant
            "tags" : {                | "tags" : [ ], "t" : {       | invalid field at $.subnets[0].tags: expected an object of strings, got an array
            "secondaryIps" : [ "10    | "secondaryIps" : [ null, "10 | invalid field at $.nodes[0].enis[0].secondaryIps[0]: expected a string, got null
            "otherEnis" : [ {         | "otherEnis" : [ null, {     | invalid field at $.otherEnis[0]: expected an object, got null
            "warmEniTarget" : 1,      | ''                          | missing field "warmEniTarget" at $.clusters[0].cni.warmEniTarget; expected a whole number
            "noManage" : true         | "noManage" : true, "x" : 1  | unknown field "x" at $.otherEnis[0].x; expected only eniId, subnetId, instanceId, interfaceType, deviceIndex, primaryIp, secondaryIps, prefixes, noManage
            """)
    void aWrongShapeNamesThePathWhatIsExpectedAndWhatIsThere(String good, String bad, String message) {
        String json = InventoryFile.toJson(InventoryFileTest.sample());
        assertThat(json).contains(good);
        assertThatThrownBy(() -> InventoryFile.parse(json.replaceFirst(java.util.regex.Pattern.quote(good),
                java.util.regex.Matcher.quoteReplacement(bad)), "snap.json"))
                .isInstanceOf(InvalidInventoryFileException.class)
                .hasMessageStartingWith("snap.json: " + message);
    }

    @Test
    void theMapperIsTheOnlyPlaceThatKnowsTheDomain() {
        // the DTOs hold wire values only: no domain type in any component
        for (Class<?> type : formatRecords())
            for (RecordComponent c : type.getRecordComponents())
                assertThat(c.getGenericType().getTypeName()).as(type.getSimpleName() + "." + c.getName())
                        .doesNotContain("dev.eksip.domain");
    }
}
