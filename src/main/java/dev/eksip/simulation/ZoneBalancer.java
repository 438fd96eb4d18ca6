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
    private final TreeMap<String, Long> perZone = new TreeMap<>();

    ZoneBalancer(Map<String, Integer> nodesPerZone) {
        nodesPerZone.forEach((zone, n) -> perZone.put(zone, (long) n));
    }

    private ZoneBalancer(TreeMap<String, Long> perZone, long[] delta, long times) {
        int i = 0;
        for (Map.Entry<String, Long> e : perZone.entrySet()) this.perZone.put(e.getKey(), e.getValue() + times * delta[i++]);
    }

    /** The zone of the next node, which is counted there. */
    String nextZone() {
        return nextZone(Trace.NONE);
    }

    /** The zone of the next node, which is counted there; the choice (by zone order) is recorded in {@code trace}. */
    String nextZone(Trace trace) {
        Map.Entry<String, Long> fewest = null;
        int index = 0;
        int chosen = -1;
        for (Map.Entry<String, Long> e : perZone.entrySet()) {
            if (fewest == null || e.getValue() < fewest.getValue()) {
                fewest = e;
                chosen = index;
            }
            index++;
        }
        if (fewest == null) throw new IllegalStateException("a node group without zones");
        fewest.setValue(fewest.getValue() + 1);
        trace.add(chosen);
        return fewest.getKey();
    }

    /** Nodes per zone, in zone order. */
    long[] counts() {
        return perZone.values().stream().mapToLong(Long::longValue).toArray();
    }

    /** These counts moved on by {@code times} repetitions of {@code delta} (in zone order). */
    ZoneBalancer shifted(long[] delta, long times) {
        return new ZoneBalancer(perZone, delta, times);
    }

    /** The group's subnet in {@code zone} with the most room (the first listed on a tie). */
    static Subnet nodeSubnet(List<Subnet> groupSubnets, String zone, Map<String, SubnetSpace> state) {
        return nodeSubnet(groupSubnets, zone, state, Trace.NONE);
    }

    /** As {@link #nodeSubnet(List, String, Map)}, recording the choice (by list position) in {@code trace}. */
    static Subnet nodeSubnet(List<Subnet> groupSubnets, String zone, Map<String, SubnetSpace> state, Trace trace) {
        Subnet best = null;
        long most = 0;
        int chosen = -1;
        for (int i = 0; i < groupSubnets.size(); i++) {
            Subnet s = groupSubnets.get(i);
            if (!s.availabilityZone().equals(zone)) continue;
            long room = state.get(s.subnetId()).value();
            if (best == null || room > most) {
                best = s;
                most = room;
                chosen = i;
            }
        }
        if (best == null) throw new IllegalStateException("no subnet of the group in " + zone);
        trace.add(chosen);
        return best;
    }
}
