package dev.eksip.simulation;

import dev.eksip.domain.CniSettings;

import java.util.List;
import java.util.Map;

/**
 * Reads aws-node (ipamd) environment variables into {@link CniSettings}, normalising them exactly as ipamd does
 * (vpc-cni-model.md §1): an unset variable takes the value the shipped manifest / add-on gives it; a set but
 * negative or unparsable number falls back to ipamd's code default; booleans follow Go's {@code strconv.ParseBool}
 * ({@code 1 t T TRUE true True 0 f F FALSE false False}), anything else keeps the default. Values are not trimmed
 * (Go's {@code strconv.Atoi} does not trim either).
 */
public final class CniEnv {
    public static final String WARM_ENI_TARGET = "WARM_ENI_TARGET";
    public static final String WARM_IP_TARGET = "WARM_IP_TARGET";
    public static final String MINIMUM_IP_TARGET = "MINIMUM_IP_TARGET";
    public static final String WARM_PREFIX_TARGET = "WARM_PREFIX_TARGET";
    public static final String MAX_ENI = "MAX_ENI";
    public static final String ENABLE_PREFIX_DELEGATION = "ENABLE_PREFIX_DELEGATION";
    public static final String CUSTOM_NETWORK_CFG = "AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG";
    public static final String ENABLE_POD_ENI = "ENABLE_POD_ENI";
    public static final String ENABLE_SUBNET_DISCOVERY = "ENABLE_SUBNET_DISCOVERY";
    public static final String ENABLE_IPV6 = "ENABLE_IPv6";
    /** Only subnet discovery's cluster-scoped subnet tags read it ({@code ValidSubnetTagsMatchingClusterName}). */
    public static final String CLUSTER_NAME = "CLUSTER_NAME";
    /** Every variable {@link #parse} reads. */
    public static final List<String> VARIABLES = List.of(WARM_ENI_TARGET, WARM_IP_TARGET, MINIMUM_IP_TARGET,
            WARM_PREFIX_TARGET, MAX_ENI, ENABLE_PREFIX_DELEGATION, CUSTOM_NETWORK_CFG, ENABLE_POD_ENI,
            ENABLE_SUBNET_DISCOVERY, ENABLE_IPV6, CLUSTER_NAME);

    private CniEnv() {
    }

    /**
     * The settings ipamd runs with when its environment is the shipped manifest overlaid with {@code env}
     * (e.g. the {@code env} map of the vpc-cni add-on's configuration values). Unknown variables are ignored.
     */
    public static CniSettings parse(Map<String, String> env) {
        CniSettings d = CniSettings.DEFAULTS;
        // getWarmENITarget: unset, unparsable or negative -> defaultWarmENITarget (1); 0 allowed
        int warmEni = number(env.get(WARM_ENI_TARGET), d.warmEniTarget(), 1);
        // getWarmIPTarget / getMinimumIPTarget: unparsable or negative -> 0 (unset)
        int warmIp = number(env.get(WARM_IP_TARGET), d.warmIpTarget(), 0);
        int minimumIp = number(env.get(MINIMUM_IP_TARGET), d.minimumIpTarget(), 0);
        // getWarmPrefixTarget: unset in the add-on -> the manifest's "1"; set but unparsable or negative ->
        // noWarmPrefixTarget (0), which is what ipamd's code falls back to
        int warmPrefix = number(env.get(WARM_PREFIX_TARGET), d.warmPrefixTarget(), 0);
        // getMaxENI: values below 1 (or unparsable) mean "no limit"
        int maxEni = number(env.get(MAX_ENI), d.maxEni(), 0);
        if (maxEni < 1) maxEni = 0;
        return new CniSettings(warmEni, warmIp, minimumIp,
                bool(env.get(ENABLE_PREFIX_DELEGATION), d.prefixDelegation()),
                warmPrefix, maxEni,
                bool(env.get(CUSTOM_NETWORK_CFG), d.customNetworking()),
                bool(env.get(ENABLE_POD_ENI), d.podEni()),
                bool(env.get(ENABLE_SUBNET_DISCOVERY), d.subnetDiscovery()),
                bool(env.get(ENABLE_IPV6), d.ipv6()),
                // os.Getenv(clusterNameEnvVar): taken as is; unset or "" skips cluster tag validation
                env.getOrDefault(CLUSTER_NAME, d.clusterName()));
    }

    /** {@code unset} when absent; {@code invalid} when unparsable or negative. */
    static int number(String value, int unset, int invalid) {
        if (value == null) return unset;
        if (!value.matches("[+-]?\\d{1,9}")) return invalid;
        int n = Integer.parseInt(value);
        return n < 0 ? invalid : n;
    }

    /** Go's {@code strconv.ParseBool}; unparsable keeps {@code fallback} (ipamd logs and uses its default). */
    static boolean bool(String value, boolean fallback) {
        if (value == null) return fallback;
        return switch (value) {
            case "1", "t", "T", "TRUE", "true", "True" -> true;
            case "0", "f", "F", "FALSE", "false", "False" -> false;
            default -> fallback;
        };
    }
}
