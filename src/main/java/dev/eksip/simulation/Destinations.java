package dev.eksip.simulation;

import dev.eksip.domain.Cluster;
import dev.eksip.domain.CniSettings;
import dev.eksip.domain.EniHolding;
import dev.eksip.domain.EniRole;
import dev.eksip.domain.Subnet;
import dev.eksip.domain.SubnetTake;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * §5 "where the new ENI's addresses come from", by the ENI's role: the primary ENI in the node's subnet; pod ENIs in
 * the ENIConfig subnet of the zone with custom networking, else with subnet discovery the candidate subnet with the
 * most free addresses, else the node's subnet; trunk and branch ENIs (security groups for pods) in the ENIConfig
 * subnet with custom networking, else the node's subnet. With custom networking and no known ENIConfig subnet for
 * the zone, the ENI has no destination ({@code null}): ipamd would create it in the ENIConfig's subnet, never in
 * the node's ({@code pkg/ipamd/ipamd.go} {@code tryAllocateENI} → {@code awsutils.AllocENI(useCustomCfg, sg,
 * eniCfgSubnet, …)}, v1.23.1), so charging the node subnet would be wrong; {@link PodSubnetGaps} says so instead.
 */
final class Destinations {
    private final Map<String, Subnet> subnets;
    private final SubnetDiscovery discovery;

    Destinations(Map<String, Subnet> subnets, SubnetDiscovery discovery) {
        this.subnets = subnets;
        this.discovery = discovery;
    }

    /**
     * The subnet {@code eni} of a new node of {@code c} in {@code zone} and {@code nodeSubnet} is created in;
     * {@code null} when custom networking and the zone's ENIConfig subnet is unknown (not charged anywhere).
     */
    Subnet of(EniHolding eni, Cluster c, String zone, Subnet nodeSubnet, Map<String, SubnetSpace> state) {
        return of(eni, c, zone, nodeSubnet, state, Trace.NONE);
    }

    /** As {@link #of(EniHolding, Cluster, String, Subnet, Map)}, recording discovery's comparisons in {@code trace}. */
    Subnet of(EniHolding eni, Cluster c, String zone, Subnet nodeSubnet, Map<String, SubnetSpace> state,
              Trace trace) {
        CniSettings cni = c.cni();
        return switch (eni.role()) {
            case PRIMARY, UNMANAGED -> nodeSubnet;     // UNMANAGED: the launch template's, in the launch subnet
            case TRUNK, BRANCH -> cni.customNetworking() ? podSubnet(c, zone) : nodeSubnet;
            case POD -> cni.customNetworking() ? podSubnet(c, zone)
                    : cni.subnetDiscovery() ? discovered(c, nodeSubnet, eni, state, trace)
                    : nodeSubnet;
        };
    }

    /**
     * §5 subnet discovery: candidates sorted by {@code AvailableIpAddressCount} descending and ENI creation
     * tried in that order, so the new ENI lands in the first candidate that can hold it (all-or-nothing create,
     * in prefix mode free aligned /28 blocks, §9.4); if none can, the first one (where the forecast goes short).
     */
    private Subnet discovered(Cluster c, Subnet nodeSubnet, EniHolding eni, Map<String, SubnetSpace> state,
                              Trace trace) {
        List<Subnet> candidates = discovery.candidates(c, nodeSubnet);
        int n = candidates.size();
        if (n == 0) return nodeSubnet;
        SubnetTake take = eni.take();
        // Insertion sort of the candidates' positions by free addresses descending, then id (a handful of them).
        int[] order = new int[n];
        long[] free = new long[n];
        SubnetSpace[] spaces = new SubnetSpace[n];
        for (int i = 0; i < n; i++) {
            spaces[i] = state.get(candidates.get(i).subnetId());
            free[i] = spaces[i].free();
            int j = i;
            while (j > 0 && ranksBefore(candidates, free, i, order[j - 1])) {
                order[j] = order[j - 1];
                j--;
            }
            order[j] = i;
        }
        // The whole ranking and every candidate's fit: all the comparisons the choice below depends on.
        int chosen = -1;
        for (int k = 0; k < n; k++) {
            boolean fits = spaces[order[k]].fits(take);
            trace.add(order[k]);
            trace.add(fits);
            if (fits && chosen < 0) chosen = order[k];
        }
        return candidates.get(chosen >= 0 ? chosen : order[0]);
    }

    /** Whether candidate {@code a} ranks before {@code b}: more free addresses, then the lower subnet id. */
    private static boolean ranksBefore(List<Subnet> candidates, long[] free, int a, int b) {
        if (free[a] != free[b]) return free[a] > free[b];
        return candidates.get(a).subnetId().compareTo(candidates.get(b).subnetId()) < 0;
    }

    /**
     * The discovery candidate a new pod ENI taking {@code take} is created in ({@code createENI}: the first, by
     * {@code AvailableIpAddressCount} descending, that can hold it), or {@code null} when none can.
     */
    Subnet discoveredThatFits(Cluster c, Subnet nodeSubnet, SubnetTake take, Map<String, SubnetSpace> state,
                              Trace trace) {
        Subnet s = discovered(c, nodeSubnet, new EniHolding(EniRole.POD, 0, take.prefixes()), state, trace);
        return state.get(s.subnetId()).fits(take) ? s : null;
    }

    /** Every subnet a new node of {@code g} can be placed in, read or take addresses from. */
    Set<String> reach(GroupGrowth g) {
        Set<String> out = new TreeSet<>();
        for (Subnet s : g.subnets()) {
            out.add(s.subnetId());
            for (Subnet candidate : discovery.candidates(g.cluster(), s)) out.add(candidate.subnetId());
        }
        for (String id : g.cluster().podSubnets().values()) if (subnets.containsKey(id)) out.add(id);
        return out;
    }

    /** The zone's ENIConfig subnet if known and read, else {@code null}. */
    private Subnet podSubnet(Cluster c, String zone) {
        return subnets.get(c.podSubnets().getOrDefault(zone, ""));
    }
}
