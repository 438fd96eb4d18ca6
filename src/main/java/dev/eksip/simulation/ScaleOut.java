package dev.eksip.simulation;

import dev.eksip.domain.EniHolding;
import dev.eksip.domain.EniRole;
import dev.eksip.domain.Subnet;

import java.util.ArrayList;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One node group's new nodes under one cost assumption. Nodes are placed one by one ({@link ZoneBalancer},
 * {@link Destinations}) while a placement decision can change; once the last {@code p} nodes repeat the decisions
 * of the {@code p} before them (a cycle, e.g. one node per zone), the cycle is applied {@code m} more times at once,
 * for the largest {@code m} whose every comparison provably comes out the same. So the cost is O(distinct
 * placements), not O(nodes): a max size of 2^31−1 takes milliseconds and gives the node-by-node figures.
 *
 * <p>Why the extrapolation is exact: while the decisions repeat, each cycle takes the same amounts, so the state at
 * any point of cycle {@code t} is its state in the first cycle plus {@code t·Δ}. Every comparison a decision makes
 * (recorded in a {@link Trace}) is then a linear function of {@code t} against a constant, hence monotone in
 * {@code t}: if it comes out the same in the first cycle and in cycle {@code m}, it does in every cycle between. A
 * choice of the argmin/argmax kind is a conjunction of such comparisons, so recording the choice suffices; the
 * discovery candidates' ranking and fits and the /28 carving are recorded comparison by comparison. A cycle must
 * leave the loose addresses of prefix-mode subnets unchanged (they are bounded, so any longer run does).
 */
final class ScaleOut {
    /** The longest cycle looked for, in nodes. */
    static final int MAX_CYCLE = 1024;
    /** Candidate cycle lengths tried after each node. */
    private static final int TRIES = 4;

    private final GroupGrowth group;
    private final CostAssumption assumption;
    private final Destinations destinations;
    private final Map<String, SubnetSpace> state;
    private final List<String> reach;
    private ZoneBalancer zones;

    private ScaleOut(GroupGrowth group, CostAssumption assumption, Map<String, SubnetSpace> state,
                     Destinations destinations) {
        this.group = group;
        this.assumption = assumption;
        this.destinations = destinations;
        this.state = state;
        this.reach = List.copyOf(destinations.reach(group));
        this.zones = new ZoneBalancer(group.nodesPerZone());
    }

    /**
     * Up to this many new nodes are added one by one without looking for a cycle: recording and comparing the
     * decisions costs more than the few nodes it could skip (the figures are the same either way).
     */
    static final int ONE_BY_ONE = 64;

    /** Adds {@code nodes} new nodes of {@code group} to {@code state}. */
    static void grow(GroupGrowth group, CostAssumption assumption, Map<String, SubnetSpace> state,
                     Destinations destinations, long nodes) {
        grow(group, assumption, state, destinations, nodes, ONE_BY_ONE);
    }

    /** As {@link #grow(GroupGrowth, CostAssumption, Map, Destinations, long)}; cycles sought above {@code oneByOne}. */
    static void grow(GroupGrowth group, CostAssumption assumption, Map<String, SubnetSpace> state,
                     Destinations destinations, long nodes, int oneByOne) {
        if (nodes <= 0) return;
        if (nodes > oneByOne) {
            new ScaleOut(group, assumption, state, destinations).run(nodes);
            return;
        }
        ZoneBalancer zones = new ZoneBalancer(group.nodesPerZone());
        for (long i = 0; i < nodes; i++) addNode(group, assumption, zones, state, destinations, Trace.NONE);
    }

    /** One new node: its zone, its subnet, and where each of its ENIs goes. The decisions go to {@code trace}. */
    static void addNode(GroupGrowth g, CostAssumption assumption, ZoneBalancer zones, Map<String, SubnetSpace> state,
                        Destinations destinations, Trace trace) {
        String zone = zones.nextZone(trace);
        Subnet nodeSubnet = ZoneBalancer.nodeSubnet(g.subnets(), zone, state, trace);
        for (EniHolding eni : g.costIn(nodeSubnet).under(assumption)) {
            if (eni.role() == EniRole.PRIMARY && PrimaryPrefixes.overflow(g.cluster().cni())) {
                PrimaryPrefixes.place(eni.take(), g.cluster(), nodeSubnet, state, destinations, trace);
                continue;
            }
            Subnet target = destinations.of(eni, g.cluster(), zone, nodeSubnet, state, trace);
            if (target != null) state.get(target.subnetId()).take(eni.take(), trace);
        }
    }

    private void run(long nodes) {
        List<long[]> before = new ArrayList<>();
        List<int[]> traces = new ArrayList<>();
        long done = 0;
        while (done < nodes) {
            before.add(snapshot());
            Trace trace = Trace.recording();
            addNode(group, assumption, zones, state, destinations, trace);
            traces.add(trace.toArray());
            done++;
            long skipped = done < nodes ? skip(before, traces, nodes - done) : 0;
            if (skipped > 0) {
                done += skipped;
                before.clear();
                traces.clear();
            } else if (traces.size() > 4 * MAX_CYCLE) {
                before.subList(0, 2 * MAX_CYCLE).clear();
                traces.subList(0, 2 * MAX_CYCLE).clear();
            }
        }
    }

    /** Repeats the latest cycle as often as it provably recurs (at most {@code left} nodes); the nodes skipped. */
    private long skip(List<long[]> before, List<int[]> traces, long left) {
        int n = traces.size();
        long[] now = snapshot();
        int tries = 0;
        for (int p = 1; p <= Math.min(n / 2, MAX_CYCLE) && p <= left && tries < TRIES; p++) {
            if (!repeats(traces, n, p)) continue;
            long[] start = before.get(n - p);
            long[] delta = new long[now.length];
            for (int i = 0; i < now.length; i++) delta[i] = now[i] - start[i];
            if (!looseSettled(delta)) continue;
            tries++;
            List<int[]> cycle = traces.subList(n - p, n);
            long lo = 0;
            long hi = left / p;
            while (lo < hi) {           // the largest m whose cycle m still replays the first one
                long mid = lo + (hi - lo + 1) / 2;
                if (replays(start, delta, mid, cycle)) lo = mid;
                else hi = mid - 1;
            }
            if (lo == 0) continue;
            restore(now, delta, lo);
            return lo * p;
        }
        return 0;
    }

    private static boolean repeats(List<int[]> traces, int n, int p) {
        for (int i = 1; i <= p; i++) if (!Arrays.equals(traces.get(n - i), traces.get(n - i - p))) return false;
        return true;
    }

    /** Whether the cycle leaves every subnet's loose addresses as they were. */
    private boolean looseSettled(long[] delta) {
        int offset = zones.counts().length;
        for (int k = 0; k < reach.size(); k++) if (delta[offset + SubnetSpace.STATE * k + 2] != 0) return false;
        return true;
    }

    /** Whether the cycle started from {@code start + m·delta} takes the decisions recorded in {@code cycle}. */
    private boolean replays(long[] start, long[] delta, long m, List<int[]> cycle) {
        Map<String, SubnetSpace> shifted = new Overlay(state, reach.size());
        ZoneBalancer shiftedZones = shift(start, delta, m, shifted);
        for (int[] expected : cycle) {
            Trace trace = Trace.recording();
            addNode(group, assumption, shiftedZones, shifted, destinations, trace);
            if (!Arrays.equals(expected, trace.toArray())) return false;
        }
        return true;
    }

    /** Sets the state to {@code now + m·delta}: m more cycles. */
    private void restore(long[] now, long[] delta, long m) {
        zones = shift(now, delta, m, state);
    }

    /** Puts {@code base + m·delta} into {@code into} for the reachable subnets; returns the zone counts so moved. */
    private ZoneBalancer shift(long[] base, long[] delta, long m, Map<String, SubnetSpace> into) {
        long[] counts = zones.counts();
        int z = counts.length;
        long[] zoneDelta = new long[z];
        for (int i = 0; i < z; i++) zoneDelta[i] = base[i] + m * delta[i] - counts[i];
        ZoneBalancer moved = zones.shifted(zoneDelta, 1);
        for (int k = 0; k < reach.size(); k++) {
            String id = reach.get(k);
            SubnetSpace space = into.get(id);
            long[] c = space.counts();
            long[] d = new long[SubnetSpace.STATE];
            for (int j = 0; j < SubnetSpace.STATE; j++)
                d[j] = base[z + SubnetSpace.STATE * k + j] + m * delta[z + SubnetSpace.STATE * k + j] - c[j];
            into.put(id, space.shifted(d, 1));
        }
        return moved;
    }

    /**
     * The state as a replay sees it: the reachable subnets' shifted copies, every other subnet as it is (a node of
     * the group reads and takes only from the reachable ones). Only {@link #get} and {@link #put} are used; the
     * other views are the union. A copy of the whole state per replay would make every group's cost grow with the
     * account's subnet count.
     */
    private static final class Overlay extends AbstractMap<String, SubnetSpace> {
        private final Map<String, SubnetSpace> base;
        private final Map<String, SubnetSpace> over;

        Overlay(Map<String, SubnetSpace> base, int size) {
            this.base = base;
            this.over = HashMap.newHashMap(size);
        }

        @Override
        public SubnetSpace get(Object key) {
            SubnetSpace s = over.get(key);
            return s != null ? s : base.get(key);
        }

        @Override
        public SubnetSpace put(String key, SubnetSpace value) {
            SubnetSpace before = get(key);
            over.put(key, value);
            return before;
        }

        @Override
        public Set<Entry<String, SubnetSpace>> entrySet() {
            Map<String, SubnetSpace> union = new HashMap<>(base);
            union.putAll(over);
            return Collections.unmodifiableMap(union).entrySet();
        }
    }

    /** Zone counts, then the {@link SubnetSpace#counts()} of every reachable subnet. */
    private long[] snapshot() {
        long[] counts = zones.counts();
        long[] out = Arrays.copyOf(counts, counts.length + SubnetSpace.STATE * reach.size());
        for (int k = 0; k < reach.size(); k++) {
            long[] c = state.get(reach.get(k)).counts();
            System.arraycopy(c, 0, out, counts.length + SubnetSpace.STATE * k, SubnetSpace.STATE);
        }
        return out;
    }
}
