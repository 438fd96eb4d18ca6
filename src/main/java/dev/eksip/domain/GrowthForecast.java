package dev.eksip.domain;

/**
 * Addresses a subnet has left after growth, under the three assumptions of what a new node costs
 * (vpc-cni-model.md §9): its 0-pod baseline, the median holding of the group's existing nodes, and its full
 * max pods. Negative = short by that many. In prefix mode these count addresses in free aligned /28 blocks.
 */
public record GrowthForecast(int baseline, int median, int full) {
    /** The headline figure: the median-holding assumption, what the node group's own nodes show today. */
    public int headline() {
        return median;
    }

    public int worst() {
        return Math.min(baseline, Math.min(median, full));
    }
}
