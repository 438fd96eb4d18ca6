package dev.eksip.simulation;

import dev.eksip.domain.InventoryGap;
import dev.eksip.domain.PoolOutlook;

import java.util.List;

/**
 * What the simulation finds for an inventory: figures per subnet (in subnet id order), and what it could not read.
 *
 * @param subnets           one entry per subnet of the inventory
 * @param gaps              the inventory's gaps and those the forecast met (unknown types, subnets not read)
 * @param unattributedNodes nodes that could not be tied to a node group (still counted in their subnet)
 * @param unattributedEnis  ENIs not attached to a known node (still counted)
 * @param pools             per Karpenter / Auto Mode node pool that can be forecast: how far it can grow
 */
public record ForecastFigures(List<SubnetFigures> subnets, List<InventoryGap> gaps, int unattributedNodes,
                              int unattributedEnis, List<PoolOutlook> pools) {
    public ForecastFigures {
        subnets = List.copyOf(subnets);
        gaps = List.copyOf(gaps);
        pools = List.copyOf(pools);
    }

    /** Figures without node pools. */
    public ForecastFigures(List<SubnetFigures> subnets, List<InventoryGap> gaps, int unattributedNodes,
                           int unattributedEnis) {
        this(subnets, gaps, unattributedNodes, unattributedEnis, List.of());
    }
}
