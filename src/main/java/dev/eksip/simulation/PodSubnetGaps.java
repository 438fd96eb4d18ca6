package dev.eksip.simulation;

import dev.eksip.domain.Cluster;
import dev.eksip.domain.InventoryGap;
import dev.eksip.domain.NodeGroup;
import dev.eksip.domain.Scope;
import dev.eksip.domain.Subnet;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Custom networking: the zones where a cluster's node groups launch but whose ENIConfig pod subnet is unknown
 * (no pod ENI observed there yet: a new cluster, a group at min 0, a new zone; ENIConfig objects live in
 * Kubernetes, out of reach of AWS APIs) or was not read. ipamd creates the pod ENIs of such a node in the
 * ENIConfig's subnet ({@code pkg/ipamd/ipamd.go} {@code tryAllocateENI}, v1.23.1), never in the node's, so
 * {@link Destinations} charges them nowhere and this says so: one gap per cluster and zone, naming the fix.
 */
final class PodSubnetGaps {
    private PodSubnetGaps() {
    }

    /** The gaps of {@code c}; none unless custom networking is on. */
    static List<InventoryGap> of(Cluster c, Map<String, Subnet> subnets) {
        if (!c.cni().customNetworking()) return List.of();
        Map<String, Set<String>> groupsByZone = new TreeMap<>();
        for (NodeGroup g : c.nodeGroups()) {
            for (String id : g.subnetIds()) {
                Subnet s = subnets.get(id);
                if (s == null) continue;   // already a gap: the subnet was not read
                String pods = c.podSubnets().get(s.availabilityZone());
                if (pods == null || !subnets.containsKey(pods))
                    groupsByZone.computeIfAbsent(s.availabilityZone(), z -> new TreeSet<>()).add(g.name());
            }
        }
        return groupsByZone.entrySet().stream().map(e -> gap(c, e.getKey(), e.getValue())).toList();
    }

    private static InventoryGap gap(Cluster c, String zone, Set<String> groups) {
        String pods = c.podSubnets().get(zone);
        String why = pods == null
                ? "is unknown: no pod ENI was observed there and ENIConfig objects are not readable through AWS APIs"
                : "%s was not read".formatted(pods);
        return new InventoryGap(Scope.cluster(c.name()), "", "",
                ("custom networking: the ENIConfig pod subnet of zone %s %s; the pod ENIs of new nodes of %s there "
                 + "are not forecast (never charged to the node subnet). Fix: export a snapshot (inventory export), "
                 + "add \"podSubnets\": {\"%s\": \"subnet-…\"} to cluster %s (the subnet of that zone's ENIConfig, "
                 + "kubectl get eniconfig) and audit it with --inventory")
                        .formatted(zone, why, String.join(", ", groups), zone, c.name()));
    }
}
