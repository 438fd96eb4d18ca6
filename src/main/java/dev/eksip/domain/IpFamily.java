package dev.eksip.domain;

import java.util.Optional;

/** EKS {@code kubernetesNetworkConfig.ipFamily}: the one truth about a cluster being IPv6 (vpc-cni-model.md §6(h)). */
public enum IpFamily implements WireName {
    IPV4("ipv4"),
    IPV6("ipv6");

    private final String id;

    IpFamily(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    public static Optional<IpFamily> fromId(String id) {
        return WireName.parse(IpFamily.class, id);
    }
}
