package dev.eksip.simulation;

import dev.eksip.domain.NodeGroupRef;
import dev.eksip.domain.PoolOutlook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Per Karpenter / Auto Mode node pool that can be forecast: its size at max (-1 when unbounded) and, per subnet it
 * launches into or puts pods in, how many more of its nodes (median holding) the subnet holds now.
 */
final class PoolOutlooks {
    private PoolOutlooks() {
    }

    static List<PoolOutlook> of(GrowthPlan plan, Map<String, SubnetSpace> now) {
        List<PoolOutlook> out = new ArrayList<>();
        for (GroupGrowth g : plan.groups()) {
            if (!g.group().isNodePool()) continue;
            Set<String> reach = new TreeSet<>();
            g.subnets().forEach(s -> reach.add(s.subnetId()));
            reach.addAll(g.cluster().podSubnets().values());
            List<PoolOutlook.SubnetRoom> rooms = new ArrayList<>();
            for (String id : reach) {
                SubnetSpace space = now.get(id);
                if (space == null) continue;
                int cost = plan.nodeCost(g, id, space.countedInBlocks());
                int value = Math.toIntExact(space.value());
                rooms.add(new PoolOutlook.SubnetRoom(id, value, cost, cost == 0 ? -1 : Math.max(0, value) / cost));
            }
            out.add(new PoolOutlook(new NodeGroupRef(g.cluster().name(), g.group().name()),
                    g.group().nodePool().provisioner(), g.current(), g.group().instanceTypes(),
                    g.group().nodePool().unbounded() ? -1 : g.maxNodes(), rooms));
        }
        return List.copyOf(out);
    }
}
