package dev.eksip.domain;

/**
 * The aws-node (ipamd) settings that shape the warm pool, named after their environment variables
 * (vpc-cni-model.md §1). Numbers are already normalised the way ipamd reads them: negative or unparsable
 * targets are replaced by ipamd's default, {@code maxEni < 1} means "not set".
 *
 * @param warmEniTarget    {@code WARM_ENI_TARGET} (N, default 1, 0 allowed)
 * @param warmIpTarget     {@code WARM_IP_TARGET} (W, 0 = unset)
 * @param minimumIpTarget  {@code MINIMUM_IP_TARGET} (Min, 0 = unset)
 * @param prefixDelegation {@code ENABLE_PREFIX_DELEGATION}
 * @param warmPrefixTarget {@code WARM_PREFIX_TARGET} (K; the shipped manifest sets 1)
 * @param maxEni           {@code MAX_ENI} (values below 1 = unset)
 * @param customNetworking {@code AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG}
 * @param podEni           {@code ENABLE_POD_ENI} (security groups for pods: trunk + branch ENIs)
 * @param subnetDiscovery  {@code ENABLE_SUBNET_DISCOVERY} (default true since v1.18.0)
 * @param ipv6             {@code ENABLE_IPv6}
 * @param clusterName      {@code CLUSTER_NAME} ("" = unset, as the manifest and Helm chart ship it): subnet
 *                         discovery honours {@code cni.networking.k8s.aws/cluster/*} subnet tags only when set
 */
public record CniSettings(int warmEniTarget, int warmIpTarget, int minimumIpTarget, boolean prefixDelegation,
                          int warmPrefixTarget, int maxEni, boolean customNetworking, boolean podEni,
                          boolean subnetDiscovery, boolean ipv6, String clusterName) {

    /** ipamd's defaults as shipped (manifest and Helm chart: WARM_ENI_TARGET=1, WARM_PREFIX_TARGET=1). */
    public static final CniSettings DEFAULTS =
            new CniSettings(1, 0, 0, false, 1, 0, false, false, true, false);

    public CniSettings {
        if (warmEniTarget < 0 || warmIpTarget < 0 || minimumIpTarget < 0 || warmPrefixTarget < 0)
            throw new IllegalArgumentException("warm targets must be >= 0");
        if (maxEni < 0) maxEni = 0;
        if (clusterName == null) clusterName = "";
    }

    /** Without {@code CLUSTER_NAME} (unset). */
    public CniSettings(int warmEniTarget, int warmIpTarget, int minimumIpTarget, boolean prefixDelegation,
                       int warmPrefixTarget, int maxEni, boolean customNetworking, boolean podEni,
                       boolean subnetDiscovery, boolean ipv6) {
        this(warmEniTarget, warmIpTarget, minimumIpTarget, prefixDelegation, warmPrefixTarget, maxEni,
                customNetworking, podEni, subnetDiscovery, ipv6, "");
    }

    /** §4.2 {@code warmIPTargetsDefined}: WARM_IP_TARGET or MINIMUM_IP_TARGET set → warm-IP mode. */
    public boolean warmIpMode() {
        return warmIpTarget != 0 || minimumIpTarget != 0;
    }

    public CniSettings withIpv6(boolean enabled) {
        return new CniSettings(warmEniTarget, warmIpTarget, minimumIpTarget, prefixDelegation, warmPrefixTarget, maxEni,
                customNetworking, podEni, subnetDiscovery, enabled, clusterName);
    }

    public CniSettings withPrefixDelegation(boolean enabled) {
        return new CniSettings(warmEniTarget, warmIpTarget, minimumIpTarget, enabled, warmPrefixTarget, maxEni,
                customNetworking, podEni, subnetDiscovery, ipv6, clusterName);
    }

    /** These settings with {@code CLUSTER_NAME} set to {@code name} ("" = unset). */
    public CniSettings withClusterName(String name) {
        return new CniSettings(warmEniTarget, warmIpTarget, minimumIpTarget, prefixDelegation, warmPrefixTarget, maxEni,
                customNetworking, podEni, subnetDiscovery, ipv6, name);
    }
}
