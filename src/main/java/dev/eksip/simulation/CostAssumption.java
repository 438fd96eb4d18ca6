package dev.eksip.simulation;

/**
 * The three assumptions of what one new node costs (vpc-cni-model.md §9): (a) its 0-pod baseline, (b) the median
 * holding of its node group's existing nodes, (c) its full max pods. They give the three figures of a
 * {@link dev.eksip.domain.GrowthForecast}.
 */
enum CostAssumption { BASELINE, MEDIAN, FULL }
