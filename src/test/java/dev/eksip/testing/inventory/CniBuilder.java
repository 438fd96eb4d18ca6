package dev.eksip.testing.inventory;

import dev.eksip.domain.CniSettings;

/**
 * {@link CniSettings} in named steps, starting from ipamd's defaults ({@link CniSettings#DEFAULTS}:
 * WARM_ENI_TARGET=1, WARM_PREFIX_TARGET=1, subnet discovery on, everything else off or unset):
 * {@code cni().prefixDelegation().warmPrefixTarget(2).build()}.
 */
public final class CniBuilder {
    private int warmEniTarget;
    private int warmIpTarget;
    private int minimumIpTarget;
    private boolean prefixDelegation;
    private int warmPrefixTarget;
    private int maxEni;
    private boolean customNetworking;
    private boolean podEni;
    private boolean subnetDiscovery;
    private boolean ipv6;

    CniBuilder() {
        CniSettings d = CniSettings.DEFAULTS;
        warmEniTarget = d.warmEniTarget();
        warmIpTarget = d.warmIpTarget();
        minimumIpTarget = d.minimumIpTarget();
        prefixDelegation = d.prefixDelegation();
        warmPrefixTarget = d.warmPrefixTarget();
        maxEni = d.maxEni();
        customNetworking = d.customNetworking();
        podEni = d.podEni();
        subnetDiscovery = d.subnetDiscovery();
        ipv6 = d.ipv6();
    }

    public CniBuilder warmEniTarget(int n) {
        warmEniTarget = n;
        return this;
    }

    public CniBuilder warmIpTarget(int n) {
        warmIpTarget = n;
        return this;
    }

    public CniBuilder minimumIpTarget(int n) {
        minimumIpTarget = n;
        return this;
    }

    public CniBuilder prefixDelegation() {
        return prefixDelegation(true);
    }

    public CniBuilder prefixDelegation(boolean enabled) {
        prefixDelegation = enabled;
        return this;
    }

    public CniBuilder warmPrefixTarget(int n) {
        warmPrefixTarget = n;
        return this;
    }

    public CniBuilder maxEni(int n) {
        maxEni = n;
        return this;
    }

    public CniBuilder customNetworking() {
        return customNetworking(true);
    }

    public CniBuilder customNetworking(boolean enabled) {
        customNetworking = enabled;
        return this;
    }

    /** ENABLE_POD_ENI (security groups for pods). */
    public CniBuilder podEni() {
        return podEni(true);
    }

    public CniBuilder podEni(boolean enabled) {
        podEni = enabled;
        return this;
    }

    public CniBuilder noSubnetDiscovery() {
        return subnetDiscovery(false);
    }

    public CniBuilder subnetDiscovery(boolean enabled) {
        subnetDiscovery = enabled;
        return this;
    }

    public CniBuilder ipv6() {
        return ipv6(true);
    }

    public CniBuilder ipv6(boolean enabled) {
        ipv6 = enabled;
        return this;
    }

    public CniSettings build() {
        return new CniSettings(warmEniTarget, warmIpTarget, minimumIpTarget, prefixDelegation, warmPrefixTarget,
                maxEni, customNetworking, podEni, subnetDiscovery, ipv6);
    }
}
