package dev.eksip.simulation;

import dev.eksip.domain.CniSettings;

import java.util.Optional;

/**
 * The CNI settings ipamd refuses to start with (it exits: {@code "ipamd: failed to validate configuration"}), from
 * {@code IPAMContext.isConfigValid} (pkg/ipamd/ipamd.go, v1.23.0): in IPv6 mode prefix delegation is required and
 * custom networking is not supported ("IPv6 is supported only in Prefix Delegation mode. Custom Networking is not
 * supported in IPv6 mode."). Nodes with such settings get no pod addresses at all, so a forecast or plan of them is
 * a configuration error, not a working cluster. (The same function's non-Nitro check — prefix delegation requested
 * on a type that does not support it — is not an error in IPv4 mode: ipamd falls back to secondary IPs, §1.)
 */
public final class IpamdStartup {
    private IpamdStartup() {
    }

    /** Why ipamd would refuse {@code cni}, empty when it starts. */
    public static Optional<String> refusal(CniSettings cni) {
        if (!cni.ipv6()) return Optional.empty();
        if (cni.customNetworking())
            return Optional.of("ENABLE_IPv6 with AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG=true: ipamd refuses to start "
                               + "(custom networking is not supported in IPv6 mode; ipamd.go isConfigValid)");
        if (!cni.prefixDelegation())
            return Optional.of("ENABLE_IPv6 without ENABLE_PREFIX_DELEGATION=true: ipamd refuses to start (IPv6 is "
                               + "supported only in prefix delegation mode; ipamd.go isConfigValid)");
        return Optional.empty();
    }
}
