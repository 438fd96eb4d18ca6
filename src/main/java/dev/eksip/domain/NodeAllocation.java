package dev.eksip.domain;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What ipamd converges to on one node (vpc-cni-model.md §6): the ENIs it holds and what they hold, and what
 * happened to the pods asked for.
 *
 * @param instanceType      the instance type
 * @param prefixMode        prefix delegation in effect (false when requested on a non-Nitro type: §1 fallback)
 * @param ipv6              IPv6 cluster: no IPv4 warm pool (§6(h))
 * @param customNetworking  pod ENIs live in the ENIConfig subnet, the primary ENI holds no pod IPs (§6(e))
 * @param maxPods           kubelet max pods used
 * @param pods              IP-consuming pods asked for
 * @param branchPods        security-group pods asked for (branch ENIs; no ipamd IP)
 * @param enis              every ENI of the node, in attach order: primary first, then pod ENIs, trunk, branches
 * @param podsWithIp        IP-consuming pods that got an address
 * @param podsWithoutIp     schedulable pods left without an address (node full, or a lone MINIMUM_IP_TARGET cap)
 * @param podsUnschedulable pods above max pods (kubelet refuses them) or branch pods beyond the branch ENI limit
 */
public record NodeAllocation(String instanceType, boolean prefixMode, boolean ipv6, boolean customNetworking,
                             int maxPods, int pods, int branchPods, List<EniHolding> enis,
                             int podsWithIp, int podsWithoutIp, int podsUnschedulable) {
    public NodeAllocation {
        requireNonNull(instanceType, "instanceType");
        enis = List.copyOf(enis);
    }

    private int count(EniRole role) {
        int n = 0;
        for (EniHolding e : enis) if (e.role() == role) n++;
        return n;
    }

    /** ENIs attached to the node and occupying a slot: primary, pod ENIs and trunk (branch ENIs ride on the trunk). */
    public int attachedEnis() {
        return enis.size() - count(EniRole.BRANCH);
    }

    /** ENIs that hold pod addresses ({@code k} of §6). */
    public int podEnis() {
        int n = 0;
        for (EniHolding e : enis) if (e.podAddresses() > 0) n++;
        return n;
    }

    public boolean trunk() {
        return count(EniRole.TRUNK) > 0;
    }

    public int branchEnis() {
        return count(EniRole.BRANCH);
    }

    public int secondaryIps() {
        int n = 0;
        for (EniHolding e : enis) n += e.secondaryIps();
        return n;
    }

    public int prefixes() {
        int n = 0;
        for (EniHolding e : enis) n += e.prefixes();
        return n;
    }

    /** §3 TotalIPs: addresses ipamd can hand to pods. */
    public int podAddresses() {
        int n = 0;
        for (EniHolding e : enis) n += e.podAddresses();
        return n;
    }

    /** Addresses held idle in the warm pool (§3 available = TotalIPs − AssignedIPs); IPv6 has no pool (§6(h)). */
    public int warmAddresses() {
        return ipv6 ? 0 : podAddresses() - podsWithIp;
    }

    /** §6(i): every IPv4 address the node takes from subnets. */
    public int subnetIps() {
        int n = 0;
        for (EniHolding e : enis) n += e.take().addresses();
        return n;
    }

    /** Addresses on the primary ENI: always in the node's own subnet. */
    public int primaryEniSubnetIps() {
        return enis.isEmpty() ? 0 : enis.get(0).take().addresses();
    }

    /** Addresses on secondary ENIs (pod ENIs, trunk, branches): where §5 "where the new ENI's addresses come from" puts them. */
    public int secondaryEniSubnetIps() {
        return subnetIps() - primaryEniSubnetIps();
    }
}
