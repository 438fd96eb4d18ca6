package dev.eksip.app.report;

import dev.eksip.testing.forecast.Forecasts;
import dev.eksip.app.RunForecast;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eksip.app.snapshot.InventoryFile;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.SubnetForecast;
import dev.eksip.simulation.CniEnv;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code reportVersion 1} is pinned here, not derived from the domain: every object's field names in order, as
 * docs/audit-output.md lists them. A renamed {@link ReportV1} component fails these tests; a renamed domain
 * component fails {@link ReportJson}'s compile.
 */
class ReportFormatTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Class<? extends Record>, List<String>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put(ReportV1.class, List.of("reportVersion", "asOf", "accountId", "region", "source", "summary",
                "subnets", "zones", "clusters", "gaps", "pools"));
        FIELDS.put(ReportV1.Summary.class, List.of("subnets", "subnetsAtRisk", "subnetsExhaustedAtMax", "auditErrors",
                "worstSeverity", "unattributedNodes", "unattributedEnis"));
        FIELDS.put(ReportV1.Subnet.class, List.of("subnetId", "vpcId", "availabilityZone", "cidr", "usableIps",
                "availableIps", "utilizationPercent", "warmIps", "prefixMode", "freePrefixBlocks",
                "forecastAtDesired", "forecastAtMax", "nodesUntilExhaustion", "severity", "reason", "fix", "clusters",
                "nodeGroups", "prefixPlacement", "forecastAtUpdate", "updateSurge", "controlPlaneOf",
                "loadBalancerSubnet", "leakedEnis", "reclaimableIps"));
        FIELDS.put(ReportV1.PrefixPlacement.class, List.of("nodesFit", "freeBlocksAtDesired", "freeBlocksAtMax"));
        FIELDS.put(ReportV1.Band.class, List.of("packed", "expected", "pessimistic"));
        FIELDS.put(ReportV1.Growth.class, List.of("baseline", "median", "full"));
        FIELDS.put(ReportV1.Zone.class, List.of("availabilityZone", "vpcId", "subnets", "usableIps", "availableIps",
                "warmIps", "forecastAtDesired", "forecastAtMax", "severity"));
        FIELDS.put(ReportV1.Cluster.class, List.of("cluster", "nodes", "nodeGroups", "minForecastAtDesired",
                "minForecastAtMax", "subnetsAtRisk", "subnetsExhaustedAtMax", "severity", "cniSource", "cni",
                "subnets", "notes", "exact", "estimated", "maxPodsAssumed"));
        FIELDS.put(ReportV1.Cni.class, List.of("WARM_ENI_TARGET", "WARM_IP_TARGET", "MINIMUM_IP_TARGET",
                "ENABLE_PREFIX_DELEGATION", "WARM_PREFIX_TARGET", "MAX_ENI", "AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG",
                "ENABLE_POD_ENI", "ENABLE_SUBNET_DISCOVERY", "ENABLE_IPv6", "CLUSTER_NAME"));
        FIELDS.put(ReportV1.Gap.class, List.of("scope", "operation", "errorCode", "message"));
        FIELDS.put(ReportV1.Pool.class, List.of("cluster", "pool", "provisioner", "nodes", "instanceTypes", "maxNodes",
                "unbounded", "subnets"));
        FIELDS.put(ReportV1.PoolSubnet.class, List.of("subnetId", "freeNow", "nodeCost", "nodesUntilExhaustion"));
    }

    /** Present only when they apply (docs/audit-output.md). */
    private static final List<String> OPTIONAL_SUBNET_FIELDS = List.of("freePrefixBlocks", "nodesUntilExhaustion",
            "prefixPlacement");

    @Test
    void everyRecordOfTheFormatIsPinned() {
        List<Class<?>> records = new ArrayList<>(List.of(ReportV1.class));
        Arrays.stream(ReportV1.class.getDeclaredClasses()).filter(Class::isRecord).forEach(records::add);
        assertThat(FIELDS.keySet()).containsExactlyInAnyOrderElementsOf(records.stream()
                .map(c -> c.asSubclass(Record.class)).toList());
    }

    @Test
    void theRecordsDeclareExactlyThePinnedFieldsInThePinnedOrder() {
        FIELDS.forEach((type, fields) -> {
            assertThat(jsonNames(type)).as(type.getSimpleName()).containsExactlyElementsOf(fields);
            assertThat(type.getAnnotation(JsonPropertyOrder.class).value())
                    .as(type.getSimpleName() + " @JsonPropertyOrder").containsExactlyElementsOf(fields);
        });
    }

    @Test
    void everyPinnedFieldIsDocumented() throws IOException {
        String doc = Files.readString(Path.of("docs/audit-output.md"));
        FIELDS.forEach((type, fields) -> {
            if (type != ReportV1.Cni.class && type != ReportV1.Growth.class) fields.forEach(f -> assertThat(doc)
                    .as(type.getSimpleName() + "." + f).containsAnyOf("`" + f + "`", "`" + f + "[]`"));
        });
        assertThat(doc).contains("`{" + String.join(", ", FIELDS.get(ReportV1.Growth.class)) + "}`");
        assertThat(CniEnv.VARIABLES).as("cni: the aws-node variable names")
                .containsExactlyInAnyOrderElementsOf(FIELDS.get(ReportV1.Cni.class));
    }

    @Test
    void theSampleReportHasExactlyThePinnedFieldsInEveryObject() throws IOException {
        Forecast f = RunForecast.forecast(InventoryFile.read(Path.of("src/main/resources/sample/inventory.json")),
                Instant.parse("2026-11-25T00:00:00Z"));
        Map<Class<?>, Integer> seen = new LinkedHashMap<>();
        check(JSON.readTree(ReportJson.render(f, "test")), ReportV1.class, "$", seen);
        assertThat(seen.keySet()).as("object kinds checked").containsAll(FIELDS.keySet().stream()
                .filter(t -> t != ReportV1.Gap.class).toList());   // the sample was read without gaps
    }

    @Test
    void aSubnetOmitsPrefixBlocksOutsidePrefixModeAndTheFitWhenNoGroupGrowsThere() {
        SubnetForecast s = Forecasts.subnet("subnet-1").vpc("vpc-1").az("us-east-1a").cidr("10.0.0.0/24").usable(251)
                .available(200).warm(0).atDesired(10, 10, 10).atMax(10, 10, 10).nodesUntilExhaustion(-1).clusters()
                .nodeGroups().reason("fine").fix("").build();
        JsonNode n = JSON.valueToTree(ReportJson.subnet(s));
        List<String> expected = new ArrayList<>(FIELDS.get(ReportV1.Subnet.class));
        expected.removeAll(OPTIONAL_SUBNET_FIELDS);
        assertThat(fieldNames(n)).containsExactlyElementsOf(expected);
        assertThat(n.get("utilizationPercent").asDouble()).isEqualTo(20.3);
    }

    private static void check(JsonNode node, Class<?> type, String at, Map<Class<?>, Integer> seen) {
        List<String> expected = new ArrayList<>(FIELDS.get(type));
        if (type == ReportV1.Subnet.class)
            expected.removeIf(f -> OPTIONAL_SUBNET_FIELDS.contains(f) && !node.has(f));
        if (type == ReportV1.Cni.class)         // CLUSTER_NAME: only when set
            expected.removeIf(f -> f.equals("CLUSTER_NAME") && !node.has(f));
        if (type == ReportV1.Cluster.class)     // exact mode's fields: absent without it
            expected.removeIf(f -> List.of("exact", "estimated").contains(f) && !node.has(f));
        assertThat(fieldNames(node)).as(at).containsExactlyElementsOf(expected);
        seen.merge(type, 1, Integer::sum);
        for (RecordComponent c : type.getRecordComponents()) {
            String name = jsonName(c);
            JsonNode child = node.get(name);
            if (child == null && OPTIONAL_SUBNET_FIELDS.contains(name)) continue;
            if (c.getType().isRecord()) check(child, c.getType(), at + "." + name, seen);
            else if (c.getType() == List.class
                    && ((ParameterizedType) c.getGenericType()).getActualTypeArguments()[0] instanceof Class<?> e
                    && e.isRecord())
                for (int i = 0; i < child.size(); i++) check(child.get(i), e, at + "." + name + "[" + i + "]", seen);
        }
    }

    private static List<String> jsonNames(Class<?> type) {
        return Arrays.stream(type.getRecordComponents()).map(ReportFormatTest::jsonName).toList();
    }

    private static String jsonName(RecordComponent c) {
        JsonProperty p = c.getAccessor().getAnnotation(JsonProperty.class);   // not kept on the component itself
        return p == null ? c.getName() : p.value();
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
