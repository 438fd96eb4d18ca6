package dev.eksip.testing.inventory;

import dev.eksip.domain.InstanceLimits;

/**
 * {@link InstanceLimits} of a made-up instance type in named steps: {@code limits("x9.large").maxEnis(3).ipv4PerEni(10)
 * .networkCards(1).totalEnis(3).nitro().prefixDelegation().trunking().vcpus(2)}. Defaults: 1 ENI of 2 addresses on
 * one network card (total ENIs = {@code maxEnis} unless said), Xen, not bare metal, no prefix delegation, no
 * trunking, no branch interfaces, vCPUs unknown (0).
 */
public final class InstanceLimitsBuilder {
    private final String type;
    private int maxEnis = 1;
    private int ipv4PerEni = 2;
    private int networkCards = 1;
    private int totalEnis;
    private boolean nitro;
    private boolean bareMetal;
    private boolean prefixDelegation;
    private boolean trunking;
    private int branchInterfaces;
    private int vcpus;

    InstanceLimitsBuilder(String type) {
        this.type = type;
    }

    /** ENIs the CNI may use (default network card). */
    public InstanceLimitsBuilder maxEnis(int n) {
        maxEnis = n;
        return this;
    }

    public InstanceLimitsBuilder ipv4PerEni(int n) {
        ipv4PerEni = n;
        return this;
    }

    public InstanceLimitsBuilder networkCards(int n) {
        networkCards = n;
        return this;
    }

    /** ENIs over all network cards. */
    public InstanceLimitsBuilder totalEnis(int n) {
        totalEnis = n;
        return this;
    }

    public InstanceLimitsBuilder nitro() {
        return nitro(true);
    }

    public InstanceLimitsBuilder nitro(boolean value) {
        nitro = value;
        return this;
    }

    public InstanceLimitsBuilder bareMetal() {
        bareMetal = true;
        return this;
    }

    /** Prefix delegation supported. */
    public InstanceLimitsBuilder prefixDelegation() {
        return prefixDelegation(true);
    }

    public InstanceLimitsBuilder prefixDelegation(boolean supported) {
        prefixDelegation = supported;
        return this;
    }

    /** Trunking compatible (security groups for pods). */
    public InstanceLimitsBuilder trunking() {
        trunking = true;
        return this;
    }

    public InstanceLimitsBuilder branchInterfaces(int n) {
        branchInterfaces = n;
        return this;
    }

    public InstanceLimitsBuilder vcpus(int n) {
        vcpus = n;
        return this;
    }

    public InstanceLimits build() {
        int allEnis = totalEnis == 0 ? maxEnis : totalEnis;
        return new InstanceLimits(type, maxEnis, ipv4PerEni, networkCards, allEnis, nitro, bareMetal, prefixDelegation,
                trunking, branchInterfaces, vcpus);
    }
}
