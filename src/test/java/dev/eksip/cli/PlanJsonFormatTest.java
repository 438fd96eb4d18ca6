package dev.eksip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** {@code plan --output json} is pinned here (docs/cli.md "Output"): a renamed {@link PlanJsonV1} component fails. */
class PlanJsonFormatTest {
    private static final Map<Class<? extends Record>, List<String>> FIELDS = Map.of(
            PlanJsonV1.class, List.of("model", "sheet", "subnet", "totals", "instances", "notes", "prefixBlocks"),
            PlanJsonV1.PrefixBlocks.class, List.of("freeBlocksNow", "prefixesNeeded", "freeBlocksPacked",
                    "freeBlocksExpected", "freeBlocksPessimistic", "allPrefixesPlacedPercent"),
            PlanJsonV1.Subnet.class, List.of("prefixLength", "totalIps", "usableIps"),
            PlanJsonV1.Totals.class, List.of("podsHosted", "subnetIpsUsed", "subnetIpsRemaining"),
            PlanJsonV1.Row.class, List.of("instanceType", "count", "podsPerNode", "maxPods", "enisPerNode",
                    "activeEnisPerNode", "warmEnisPerNode", "secondaryIpsPerNode", "prefixesPerNode", "warmIpsPerNode",
                    "subnetIpsPerNode", "subnetIpsTotal", "podsTotal", "podsWithoutIp", "podsUnschedulable",
                    "branchPodsPerNode"));

    @Test
    void theRecordsDeclareExactlyThePinnedFieldsInThePinnedOrder() {
        assertThat(Arrays.stream(PlanJsonV1.class.getDeclaredClasses()).filter(Class::isRecord))
                .containsExactlyInAnyOrderElementsOf(FIELDS.keySet().stream()
                        .filter(t -> t != PlanJsonV1.class).toList());
        FIELDS.forEach((type, fields) -> {
            assertThat(Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName))
                    .as(type.getSimpleName()).containsExactlyElementsOf(fields);
            assertThat(type.getAnnotation(JsonPropertyOrder.class).value())
                    .as(type.getSimpleName() + " @JsonPropertyOrder").containsExactlyElementsOf(fields);
        });
    }

    @Test
    void everyPinnedFieldIsDocumented() throws IOException {
        String doc = Files.readString(Path.of("docs/cli.md"));
        FIELDS.forEach((type, fields) -> fields.forEach(f -> assertThat(doc).as(type.getSimpleName() + "." + f)
                .containsAnyOf("`" + f + "`", "." + f + "`", "`" + f + ".", "`" + f + "[]")));
    }
}
