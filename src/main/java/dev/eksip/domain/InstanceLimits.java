package dev.eksip.domain;

import static java.util.Objects.requireNonNull;

/**
 * What an EC2 instance type allows the VPC CNI (vpc-cni-model.md §1).
 *
 * @param instanceType              the EC2 type name, lower case
 * @param maxEnis                   {@code E_type}: ENIs the CNI may use (default network card only)
 * @param ipv4PerEni                {@code L}: IPv4 addresses per ENI, the ENI's primary included
 * @param networkCards              network cards of the type
 * @param totalEnis                 ENIs over all cards (informational; the CNI uses only card 0)
 * @param nitro                     hypervisor is Nitro
 * @param bareMetal                 a bare-metal type
 * @param prefixDelegationSupported Nitro or bare metal: /28 prefixes can be assigned
 * @param trunkingCompatible        supports a trunk ENI for security groups for pods (true when unknown, as ipamd)
 * @param branchInterfaces          branch ENIs per instance for security groups for pods (0 when unknown)
 * @param vcpus                     default vCPUs (0 when unknown); decides the managed-node-group max-pods cap
 */
public record InstanceLimits(String instanceType, int maxEnis, int ipv4PerEni, int networkCards, int totalEnis,
                             boolean nitro, boolean bareMetal, boolean prefixDelegationSupported,
                             boolean trunkingCompatible, int branchInterfaces, int vcpus) {
    public InstanceLimits {
        requireNonNull(instanceType, "instanceType");
        if (maxEnis < 1) throw new IllegalArgumentException("maxEnis must be >= 1 for " + instanceType);
        if (ipv4PerEni < 2) throw new IllegalArgumentException("ipv4PerEni must be >= 2 for " + instanceType);
        if (branchInterfaces < 0 || vcpus < 0 || networkCards < 1 || totalEnis < maxEnis)
            throw new IllegalArgumentException("inconsistent limits for " + instanceType);
    }

    /** {@code M = P = L - 1}: secondary IPs (or /28 prefixes) per ENI; the primary IP is never a pod IP. */
    public int slotsPerEni() {
        return ipv4PerEni - 1;
    }
}
