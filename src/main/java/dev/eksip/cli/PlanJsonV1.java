package dev.eksip.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.eksip.plan.PlanResult;
import dev.eksip.plan.SpreadsheetSheet;

import java.util.List;

/**
 * {@code plan --output json} (product.md "--output json of plan"): these records are the format, component names
 * the field names, {@link JsonPropertyOrder} the order; {@link #of} maps the domain's {@link PlanResult} onto them.
 * {@code sheet} is present only for the subnet-calc model; {@code maxPods} is {@code null} when the spreadsheet has
 * no value (#N/A).
 */
@JsonPropertyOrder({"model", "sheet", "subnet", "totals", "instances", "notes", "prefixBlocks"})
record PlanJsonV1(String model, @JsonInclude(JsonInclude.Include.NON_NULL) String sheet, Subnet subnet,
                  Totals totals, List<Row> instances, List<String> notes,
                  @JsonInclude(JsonInclude.Include.NON_NULL) PrefixBlocks prefixBlocks) {

    /** With prefix delegation: the scenario in free aligned /28 blocks (docs/cli.md "Output"). */
    @JsonPropertyOrder({"freeBlocksNow", "prefixesNeeded", "freeBlocksPacked", "freeBlocksExpected",
            "freeBlocksPessimistic", "allPrefixesPlacedPercent"})
    record PrefixBlocks(int freeBlocksNow, long prefixesNeeded, int freeBlocksPacked, int freeBlocksExpected,
                        int freeBlocksPessimistic, double allPrefixesPlacedPercent) {
    }

    @JsonPropertyOrder({"prefixLength", "totalIps", "usableIps"})
    record Subnet(int prefixLength, long totalIps, long usableIps) {
    }

    @JsonPropertyOrder({"podsHosted", "subnetIpsUsed", "subnetIpsRemaining"})
    record Totals(long podsHosted, long subnetIpsUsed, long subnetIpsRemaining) {
    }

    @JsonPropertyOrder({"instanceType", "count", "podsPerNode", "maxPods", "enisPerNode", "activeEnisPerNode",
            "warmEnisPerNode", "secondaryIpsPerNode", "prefixesPerNode", "warmIpsPerNode", "subnetIpsPerNode",
            "subnetIpsTotal", "podsTotal", "podsWithoutIp", "podsUnschedulable", "branchPodsPerNode"})
    record Row(String instanceType, int count, int podsPerNode, Integer maxPods, int enisPerNode,
               int activeEnisPerNode, int warmEnisPerNode, int secondaryIpsPerNode, int prefixesPerNode,
               int warmIpsPerNode, int subnetIpsPerNode, long subnetIpsTotal, long podsTotal, int podsWithoutIp,
               int podsUnschedulable, int branchPodsPerNode) {
    }

    static PlanJsonV1 of(PlanResult plan) {
        return new PlanJsonV1(plan.model().id(), plan.sheet().map(SpreadsheetSheet::title).orElse(null),
                new Subnet(plan.subnet().prefixLength(), plan.subnet().totalIps(), plan.subnet().usableIps()),
                new Totals(plan.totals().podsHosted(), plan.totals().subnetIpsUsed(), plan.totals().subnetIpsRemaining()),
                plan.instances().stream().map(r -> new Row(r.instanceType(), r.count(), r.podsPerNode(),
                        r.maxPods().isPresent() ? r.maxPods().getAsInt() : null, r.enisPerNode(),
                        r.activeEnisPerNode(), r.warmEnisPerNode(), r.secondaryIpsPerNode(), r.prefixesPerNode(),
                        r.warmIpsPerNode(), r.subnetIpsPerNode(), r.subnetIpsTotal(), r.podsTotal(),
                        r.podsWithoutIp(), r.podsUnschedulable(), r.branchPodsPerNode())).toList(),
                plan.notes(), plan.blocks().map(b -> new PrefixBlocks(b.freeBlocksNow(), b.prefixesNeeded(),
                        b.freeBlocksLeft().packed(), b.freeBlocksLeft().expected(), b.freeBlocksLeft().pessimistic(),
                        Math.round(1000 * b.allPlacedShare()) / 10.0)).orElse(null));
    }
}
