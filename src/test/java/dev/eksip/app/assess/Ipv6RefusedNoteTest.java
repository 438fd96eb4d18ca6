package dev.eksip.app.assess;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.domain.Cluster;
import dev.eksip.domain.CniSettings;
import dev.eksip.domain.CniSource;
import dev.eksip.domain.IpFamily;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/**
 * Issue 11 item 9: an IPv6 cluster whose settings ipamd refuses (ipamd.go {@code isConfigValid}) is reported as a
 * configuration error: custom networking whatever the source; prefix delegation off only when the running aws-node
 * env says so (EKS turns it on for an IPv6 cluster's add-on itself, so an add-on's silence is not evidence).
 */
class Ipv6RefusedNoteTest {
    private static Cluster ipv6(CniSettings cni, CniSource source) {
        return new Cluster("v6", "vpc-1", IpFamily.IPV6, cni, source, Map.of(), List.of());
    }

    @Test
    void customNetworkingOnAnIpv6ClusterIsAConfigurationError() {
        CniSettings custom = new CniSettings(1, 0, 0, true, 1, 0, true, false, true, true);
        assertThat(ClusterNotes.of(ipv6(custom, CniSource.ADDON))).anyMatch(n -> n.startsWith(
                "Configuration error: ENABLE_IPv6 with AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG=true: ipamd refuses to start"));
    }

    @Test
    void prefixDelegationOffIsAnErrorOnlyWhenTheRunningEnvSaysSo() {
        CniSettings noPd = CniSettings.DEFAULTS.withIpv6(true);
        assertThat(ClusterNotes.of(ipv6(noPd, CniSource.AWS_NODE)))
                .anyMatch(n -> n.startsWith("Configuration error: ENABLE_IPv6 without ENABLE_PREFIX_DELEGATION=true"));
        assertThat(ClusterNotes.of(ipv6(noPd, CniSource.ADDON))).noneMatch(n -> n.startsWith("Configuration error"));
        assertThat(ClusterNotes.of(ipv6(noPd.withPrefixDelegation(true), CniSource.AWS_NODE)))
                .noneMatch(n -> n.startsWith("Configuration error"));
    }
}
