package dev.eksip.simulation;

import dev.eksip.domain.Cluster;
import dev.eksip.domain.CniSettings;
import dev.eksip.domain.Subnet;
import dev.eksip.domain.SubnetTake;

import java.util.Map;

/**
 * §5 with prefix delegation and subnet discovery: where the /28 prefixes a node's primary ENI would hold go when its
 * subnet has too few free /28 blocks (amazon-vpc-cni-k8s v1.23.1, commit b52188387).
 *
 * <ul>
 *   <li>{@code pkg/ipamd/ipamd.go} {@code tryAssignPrefixes}: a request for {@code n} prefixes on an ENI that fails
 *       is retried for one ({@code AllocIPAddresses(ctx, eni.ID, 1)}), so the primary takes every free block its
 *       subnet has; when even one fails with {@code InsufficientCidrBlocks}, "{@code if c.useSubnetDiscovery &&
 *       containsInsufficientCIDRsOrSubnetIPs(err) { continue }}" moves on and the pool was not increased;</li>
 *   <li>{@code increaseDatastorePool}: "{@code If we did not add any IPs, try to allocate an ENI}" →
 *       {@code tryAllocateENI} → {@code awsutils.AllocENI} → {@code createENI}, which with subnet discovery tries
 *       {@code GetVpcSubnets} (same VPC and zone, sorted by {@code AvailableIpAddressCount} descending) in order,
 *       skipping subnets {@code isSubnetValidForENICreation} rejects, and keeps the first where
 *       {@code CreateNetworkInterface} (all-or-nothing, {@code Ipv4PrefixCount}) succeeds: {@link Destinations};</li>
 *   <li>without subnet discovery the error is returned, {@code increaseDatastorePool} logs "subnet doesn't seem to
 *       have enough IPs/Prefixes", sets {@code lastInsufficientCidrError} and creates no ENI: nothing overflows.</li>
 * </ul>
 *
 * The primary ENI's own prefixes are always in the node subnet (EC2: an ENI's addresses come from its subnet); what
 * overflows is a new ENI, one {@code /32} (its primary IP) plus the remaining prefixes, in the candidate. When no
 * candidate can hold it either, ipamd gets nothing: the prefixes are charged to the node subnet, where the forecast
 * goes short. The extra ENI's slot is not checked against the type's ENI limit (max pods under prefix delegation
 * fits one ENI's prefixes on every type with three or more ENIs).
 */
final class PrimaryPrefixes {
    private PrimaryPrefixes() {
    }

    /** Whether a primary ENI's prefixes can overflow to a new ENI in a discovery candidate under {@code cni}. */
    static boolean overflow(CniSettings cni) {
        return cni.prefixDelegation() && cni.subnetDiscovery() && !cni.customNetworking() && !cni.ipv6();
    }

    /**
     * Takes {@code take} (a primary ENI's /32s and prefixes) from {@code nodeSubnet}, sending the prefixes it has no
     * free /28 for to a new ENI in a discovery candidate of cluster {@code c}; decisions go to {@code trace}.
     */
    static void place(SubnetTake take, Cluster c, Subnet nodeSubnet, Map<String, SubnetSpace> state,
                      Destinations destinations, Trace trace) {
        SubnetSpace home = state.get(nodeSubnet.subnetId());
        boolean fits = home.fits(take);
        trace.add(fits);
        if (fits || !home.prefixMode() || take.prefixes() == 0 || !overflow(c.cni())) {
            home.take(take, trace);
            return;
        }
        home.take(new SubnetTake(take.ips(), 0), trace);          // the node's own IP first (instance launch)
        int onPrimary = (int) Math.clamp(home.blocks(), 0, take.prefixes());  // one at a time while blocks are free
        trace.add(onPrimary);
        if (onPrimary > 0) home.take(new SubnetTake(0, onPrimary), trace);
        SubnetTake newEni = new SubnetTake(1, take.prefixes() - onPrimary);
        Subnet target = destinations.discoveredThatFits(c, nodeSubnet, newEni, state, trace);
        trace.add(target != null);
        if (target == null) home.take(new SubnetTake(0, newEni.prefixes()), trace);   // nowhere: short here
        else state.get(target.subnetId()).take(newEni, trace);
    }
}
