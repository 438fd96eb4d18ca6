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
 * §3/§5 primary ENIs excluded by their node subnet's tags. The tag rules are amazon-vpc-cni-k8s v1.23.1
 * {@code pkg/awsutils/awsutils.go} (since v1.22.0): {@code isSubnetValidForENICreation} (candidates),
 * {@code IsSubnetExcluded} (a primary ENI's own subnet), {@code ValidSubnetTagsMatchingClusterName} and
 * {@code getTagValue}, which returns "" both for a missing tag and for an empty value, so an empty
 * {@code kubernetes.io/role/cni} value is no tag.
 */
final class SubnetDiscovery {
    private static final String CNI_ROLE_TAG = "kubernetes.io/role/cni";
    /** awsutils.go {@code clusterTagKeyPrefix}. */
    private static final String CNI_CLUSTER_TAG_PREFIX = "cni.networking.k8s.aws/cluster/";

    private final Map<String, List<Subnet>> byVpcAndZone = new HashMap<>();
    private final Map<Key, List<Subnet>> candidates = new HashMap<>();

    private record Key(String cluster, String clusterName, String nodeSubnet) {
    }

    /** @param subnets every subnet of the inventory, in subnet id order */
    SubnetDiscovery(Collection<Subnet> subnets) {
        // indexed once: a node subnet's candidates are looked up among its VPC and zone only, not every subnet
        for (Subnet s : subnets)
            byVpcAndZone.computeIfAbsent(s.vpcId() + "|" + s.availabilityZone(), k -> new ArrayList<>()).add(s);
    }

    /**
     * §5 subnet discovery ({@code createENI} over {@code GetVpcSubnets}: same VPC and zone): the subnets
     * {@code isSubnetValidForENICreation} accepts. Rule 1: {@code kubernetes.io/role/cni=0} excludes. Rule 2: a
     * subnet without the tag (or with an empty value) is included only if it is the node's own subnet, and then
     * without further checks. Rule 3: a tagged subnet must pass {@code ValidSubnetTagsMatchingClusterName}: when
     * aws-node's {@code CLUSTER_NAME} is set, a subnet carrying {@code cni.networking.k8s.aws/cluster/*} tags must
     * carry {@code cni.networking.k8s.aws/cluster/<CLUSTER_NAME>}; when it is unset (the manifest and Helm chart
     * default) cluster tags are ignored.
     */
    List<Subnet> candidates(Cluster c, Subnet nodeSubnet) {
        return candidates.computeIfAbsent(new Key(c.name(), c.cni().clusterName(), nodeSubnet.subnetId()),
                k -> find(c, nodeSubnet));
    }

    private List<Subnet> find(Cluster c, Subnet nodeSubnet) {
        List<Subnet> out = new ArrayList<>();
        for (Subnet s : byVpcAndZone.getOrDefault(nodeSubnet.vpcId() + "|" + nodeSubnet.availabilityZone(), List.of())) {
            if (!s.vpcId().equals(nodeSubnet.vpcId()) || !s.availabilityZone().equals(nodeSubnet.availabilityZone()))
                continue;
            boolean self = s.subnetId().equals(nodeSubnet.subnetId());
            if (!validForEniCreation(s, self, c.cni().clusterName())) continue;
            if (!self && AddressSpace.ipv6Only(s)) continue;   // no IPv4 address for a pod ENI
            out.add(s);
        }
        return List.copyOf(out);
    }

    /** {@code isSubnetValidForENICreation(subnet, isPrimarySubnet)} with {@code CLUSTER_NAME} = {@code clusterName}. */
    static boolean validForEniCreation(Subnet s, boolean primarySubnet, String clusterName) {
        String role = roleTag(s);
        if (role.equals("0")) return false;                          // Rule 1
        if (role.isEmpty()) return primarySubnet;                    // Rule 2
        return matchesClusterName(s, clusterName);                   // Rule 3
    }

    /** {@code IsSubnetExcluded}: "" → no; "0" → yes; else excluded when the cluster tags do not match. */
    static boolean excluded(Subnet s, String clusterName) {
        String role = roleTag(s);
        if (role.isEmpty()) return false;
        if (role.equals("0")) return true;
        return !matchesClusterName(s, clusterName);
    }

    /** {@code ValidSubnetTagsMatchingClusterName}: no CLUSTER_NAME, no cluster tags, or this one among them. */
    private static boolean matchesClusterName(Subnet s, String clusterName) {
        if (clusterName.isEmpty()) return true;
        boolean scoped = s.tags().keySet().stream().anyMatch(k -> k.startsWith(CNI_CLUSTER_TAG_PREFIX));
        return !scoped || s.tags().containsKey(CNI_CLUSTER_TAG_PREFIX + clusterName);
    }

    /** {@code getTagValue(subnet.Tags, "kubernetes.io/role/cni")}: "" when missing. */
    private static String roleTag(Subnet s) {
        String v = s.tags().get(CNI_ROLE_TAG);
        return v == null ? "" : v;
    }

    /**
     * §3/§5 (v1.22.0+): with subnet discovery, {@code setupENI} → {@code excludedENIBasedOnSubnetTags} marks an ENI
     * excluded when {@code IsSubnetExcluded} says so for its subnet: {@code kubernetes.io/role/cni=0}, or a tagged
     * subnet scoped by {@code cni.networking.k8s.aws/cluster/*} to other clusters than {@code CLUSTER_NAME} (when set).
     * The primary ENI included: it gets no pod IPs but keeps its slot. IPv4 only ({@code if !c.enableIPv6}).
     */
    static boolean excludedPrimary(Cluster c, Subnet nodeSubnet) {
        CniSettings cni = c.cni();
        return nodeSubnet != null && cni.subnetDiscovery() && !cni.customNetworking() && !cni.ipv6()
               && excluded(nodeSubnet, cni.clusterName());
    }

    /** The node model's view of an excluded primary ENI: as under custom networking (§6(e)), no pod IPs, one slot. */
    static CniSettings primaryExcluded(CniSettings cni) {
        return new CniSettings(cni.warmEniTarget(), cni.warmIpTarget(), cni.minimumIpTarget(), cni.prefixDelegation(),
                cni.warmPrefixTarget(), cni.maxEni(), true, cni.podEni(), cni.subnetDiscovery(), false,
                cni.clusterName());
    }
}
