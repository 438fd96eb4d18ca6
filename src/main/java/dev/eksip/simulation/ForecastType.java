package dev.eksip.simulation;

import dev.eksip.domain.Cluster;
import dev.eksip.domain.InstanceLimits;
import dev.eksip.domain.InventoryGap;
import dev.eksip.domain.NodeGroup;
import dev.eksip.domain.Scope;

import java.util.List;

/**
 * The instance type new nodes of a node group are forecast with. A group of several types (mixed instances, spot)
 * may launch any of them: the one whose full node takes the most addresses is assumed (conservative). Unknown
 * types are gaps.
 */
final class ForecastType {
    private ForecastType() {
    }

    /** The type of {@code g}'s new nodes; null when no type is known. Adds what it cannot resolve to {@code gaps}. */
    static InstanceLimits of(Cluster c, NodeGroup g, InstanceCatalog catalog, List<InventoryGap> gaps) {
        InstanceLimits worst = null;
        int worstIps = -1;
        for (String type : g.instanceTypes()) {
            InstanceLimits limits = catalog.find(type).orElse(null);
            if (limits == null) {
                gaps.add(new InventoryGap(Scope.instanceType(type), "", "",
                        "instance type '%s' of node group %s/%s is unknown; %s".formatted(type, c.name(),
                                g.name(), g.instanceTypes().size() > 1 ? "the group's other types are forecast"
                                        : "its growth is not forecast")));
                continue;
            }
            int maxPods = Forecaster.maxPods(limits, c.cni(), g);
            int ips = NodeModel.converge(limits, c.cni(), maxPods, maxPods, 0).subnetIps();
            if (ips > worstIps) {
                worst = limits;
                worstIps = ips;
            }
        }
        Scope scope = Scope.nodeGroup(c.name(), g.name());
        boolean reported = gaps.stream().anyMatch(x -> x.scope().equals(scope));
        if (g.instanceTypes().isEmpty() && !reported)   // the inventory may already have said so
            gaps.add(new InventoryGap(Scope.cluster(c.name()), "", "",
                    "node group %s names no instance type; its growth is not forecast".formatted(g.name())));
        return worst;
    }
}
