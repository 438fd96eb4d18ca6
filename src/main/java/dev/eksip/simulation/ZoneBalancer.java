package dev.eksip.simulation;

import dev.eksip.domain.Subnet;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where Auto Scaling launches a node group's next node: it balances across the zones it launches into, so the zone
 * with the fewest nodes (the first by name on a tie), then that zone's subnet with the most room. Owns the group's
 * node count per zone during one simulated run.
 */
final class ZoneBalancer {
    private final TreeMap<String, Integer> perZone;

    ZoneBalancer(Map<String, Integer> nodesPerZone) {
        this.perZone = new TreeMap<>(nodesPerZone);
    }

    /** The zone of the next node, which is counted there. */
    String nextZone() {
        Map.Entry<String, Integer> fewest = null;
        for (Map.Entry<String, Integer> e : perZone.entrySet())
            if (fewest == null || e.getValue() < fewest.getValue()) fewest = e;
        if (fewest == null) throw new IllegalStateException("a node group without zones");
        fewest.setValue(fewest.getValue() + 1);
        return fewest.getKey();
    }

    /** The group's subnet in {@code zone} with the most room (the first listed on a tie). */
    static Subnet nodeSubnet(List<Subnet> groupSubnets, String zone, Map<String, SubnetSpace> state) {
        Subnet best = null;
        int most = 0;
        for (Subnet s : groupSubnets) {
            if (!s.availabilityZone().equals(zone)) continue;
            int room = state.get(s.subnetId()).value();
            if (best == null || room > most) {
                best = s;
                most = room;
            }
        }
        if (best == null) throw new IllegalStateException("no subnet of the group in " + zone);
        return best;
    }
}
