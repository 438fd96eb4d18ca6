package dev.eksip.simulation;

import dev.eksip.domain.Cluster;
import dev.eksip.domain.CniSettings;
import dev.eksip.domain.Subnet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * §5 subnet discovery: the subnets ipamd may create a node's pod ENIs in (cached per cluster and node subnet), and
 * §3/§5 primary ENIs excluded by a {@code kubernetes.io/role/cni=0} node subnet.
 */
final class SubnetDiscovery {
    private static final String CNI_ROLE_TAG = "kubernetes.io/role/cni";
    private static final String CNI_CLUSTER_TAG_PREFIX = "cni.networking.k8s.aws/cluster/";

    private final Map<String, List<Subnet>> byVpcAndZone = new HashMap<>();
    private final Map<Key, List<Subnet>> candidates = new HashMap<>();

    private record Key(String cluster, String nodeSubnet) {
    }

    /** @param subnets every subnet of the inventory, in subnet id order */
    SubnetDiscovery(Collection<Subnet> subnets) {
        // indexed once: a node subnet's candidates are looked up among its VPC and zone only, not every subnet
        for (Subnet s : subnets)
            byVpcAndZone.computeIfAbsent(s.vpcId() + "|" + s.availabilityZone(), k -> new ArrayList<>()).add(s);
    }

    /**
     * §5 subnet discovery: the node's subnet (unless tagged {@code kubernetes.io/role/cni=0}) and subnets of
     * the same VPC and zone tagged {@code kubernetes.io/role/cni} with another value; subnets carrying
     * {@code cni.networking.k8s.aws/cluster/*} tags must carry this cluster's.
     */
    List<Subnet> candidates(Cluster c, Subnet nodeSubnet) {
        return candidates.computeIfAbsent(new Key(c.name(), nodeSubnet.subnetId()), k -> find(c, nodeSubnet));
    }

    private List<Subnet> find(Cluster c, Subnet nodeSubnet) {
        List<Subnet> out = new ArrayList<>();
        for (Subnet s : byVpcAndZone.getOrDefault(nodeSubnet.vpcId() + "|" + nodeSubnet.availabilityZone(), List.of())) {
            if (!s.vpcId().equals(nodeSubnet.vpcId()) || !s.availabilityZone().equals(nodeSubnet.availabilityZone()))
                continue;
            String role = s.tags().get(CNI_ROLE_TAG);
            boolean tagged = role != null && !role.equals("0");
            boolean self = s.subnetId().equals(nodeSubnet.subnetId()) && !"0".equals(role);
            if (!(self || tagged)) continue;
            if (!self && AddressSpace.ipv6Only(s)) continue;   // no IPv4 address for a pod ENI
            boolean scoped = s.tags().keySet().stream().anyMatch(k -> k.startsWith(CNI_CLUSTER_TAG_PREFIX));
            if (scoped && !s.tags().containsKey(CNI_CLUSTER_TAG_PREFIX + c.name())) continue;
            out.add(s);
        }
        return List.copyOf(out);
    }

    /**
     * §3/§5 (v1.22.1+): with subnet discovery, ENIs in a subnet tagged {@code kubernetes.io/role/cni=0} are excluded,
     * the primary ENI included when the node's own subnet carries the tag: it gets no pod IPs but keeps its slot.
     */
    static boolean excludedPrimary(Cluster c, Subnet nodeSubnet) {
        CniSettings cni = c.cni();
        return nodeSubnet != null && cni.subnetDiscovery() && !cni.customNetworking() && !cni.ipv6()
               && "0".equals(nodeSubnet.tags().get(CNI_ROLE_TAG));
    }

    /** The node model's view of an excluded primary ENI: as under custom networking (§6(e)), no pod IPs, one slot. */
    static CniSettings primaryExcluded(CniSettings cni) {
        return new CniSettings(cni.warmEniTarget(), cni.warmIpTarget(), cni.minimumIpTarget(), cni.prefixDelegation(),
                cni.warmPrefixTarget(), cni.maxEni(), true, cni.podEni(), cni.subnetDiscovery(), false);
    }
}
