package dev.eksip.plan;

import static java.util.Objects.requireNonNull;

import dev.eksip.domain.PlacementBand;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What {@code plan} reports (product.md "--output json of plan"): the subnet, totals, one row per instance row of
 * the scenario, and notes on where the real daemon differs from this result.
 *
 * @param model     the arithmetic used
 * @param sheet     the spreadsheet sheet used (subnet-calc only)
 * @param subnet    the subnet's size
 * @param totals    sums over the rows
 * @param instances one result row per scenario row, in scenario order
 * @param notes     where ipamd differs for this scenario, and how numbers were obtained
 * @param blocks    with prefix delegation (vpc-cni model), the scenario counted in free aligned /28 blocks
 */
public record PlanResult(PlanModel model, Optional<SpreadsheetSheet> sheet, SubnetSummary subnet, Totals totals,
                         List<Row> instances, List<String> notes, Optional<PrefixBlocks> blocks) {
    public PlanResult {
        requireNonNull(model, "model");
        requireNonNull(sheet, "sheet");
        requireNonNull(subnet, "subnet");
        requireNonNull(totals, "totals");
        instances = List.copyOf(instances);
        notes = List.copyOf(notes);
        requireNonNull(blocks, "blocks");
    }

    /** A result counted in addresses only. */
    public PlanResult(PlanModel model, Optional<SpreadsheetSheet> sheet, SubnetSummary subnet, Totals totals,
                      List<Row> instances, List<String> notes) {
        this(model, sheet, subnet, totals, instances, notes, Optional.empty());
    }

    /**
     * The scenario in /28 blocks (vpc-cni-model.md, "Beyond the original: random /32 placement and the /28 band"):
     * the fresh subnet's free aligned blocks, the prefixes its nodes ask for, the blocks left as a band (packed,
     * random placement's expected value, its 10th percentile; negative = prefixes that find no block), and the
     * share of random-placement runs in which every node got all its /32s and prefixes.
     */
    public record PrefixBlocks(int freeBlocksNow, long prefixesNeeded, PlacementBand freeBlocksLeft,
                               double allPlacedShare) {
        public PrefixBlocks {
            requireNonNull(freeBlocksLeft, "freeBlocksLeft");
        }
    }

    /** The subnet: {@code totalIps = 2^(32−N)}, {@code usableIps} per the model (AWS: −5; the sheet: −2). */
    public record SubnetSummary(int prefixLength, long totalIps, long usableIps) {
    }

    /** {@code subnetIpsRemaining = usableIps − subnetIpsUsed}; negative when over-subscribed (no clamp). */
    public record Totals(long podsHosted, long subnetIpsUsed, long subnetIpsRemaining) {
    }

    /**
     * One scenario row's result; "per node" values are for one node of the row.
     *
     * @param maxPods           the max pods used or shown (empty when the spreadsheet has no value: #N/A)
     * @param enisPerNode       ENIs attached (vpc-cni) / "with warm ENI" (subnet-calc)
     * @param activeEnisPerNode ENIs holding an assigned pod IP (vpc-cni) / "in use ENIs" (subnet-calc)
     * @param warmEnisPerNode   {@code enisPerNode − activeEnisPerNode}
     * @param podsTotal         pods hosted by the row
     * @param podsWithoutIp     schedulable pods per node left without an IP
     * @param podsUnschedulable pods per node above max pods (or branch pods above the branch ENI limit)
     */
    public record Row(String instanceType, int count, int podsPerNode, int branchPodsPerNode, OptionalInt maxPods,
                      int enisPerNode, int activeEnisPerNode, int warmEnisPerNode, int secondaryIpsPerNode,
                      int prefixesPerNode, int warmIpsPerNode, int subnetIpsPerNode, long subnetIpsTotal,
                      long podsTotal, int podsWithoutIp, int podsUnschedulable) {
        public Row {
            requireNonNull(instanceType, "instanceType");
            requireNonNull(maxPods, "maxPods");
        }
    }
}
