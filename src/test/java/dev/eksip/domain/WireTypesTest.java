package dev.eksip.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Scopes and the domain's enums keep the spelling of docs/inventory-format.md, both ways. */
class WireTypesTest {
    @Test
    void everyScopeReadsBackFromItsId() {
        List<Scope> scopes = List.of(Scope.cluster("prod"), Scope.nodeGroup("prod", "web-spot"),
                new Scope.OfSubnet("subnet-1"), new Scope.OfLaunchTemplate("lt-0abc"), Scope.instanceType("m5.large"),
                Scope.region("eu-west-1"));

        assertThat(scopes).extracting(Scope::id).containsExactly("cluster/prod", "nodegroup/prod/web-spot",
                "subnet/subnet-1", "launch-template/lt-0abc", "instance-type/m5.large", "region/eu-west-1");
        for (Scope s : scopes) assertThat(Scope.parse(s.id())).contains(s);
    }

    @Test
    void onlyClusterAndNodeGroupScopesBelongToACluster() {
        assertThat(Scope.nodeGroup("prod", "ng").cluster()).contains("prod");
        assertThat(Scope.cluster("prod").cluster()).contains("prod");
        assertThat(Scope.region("us-east-1").cluster()).isEmpty();
        assertThat(Scope.instanceType("x9.huge").cluster()).isEmpty();
    }

    @Test
    void malformedScopesAreRejected() {
        for (String bad : List.of("", "cluster", "cluster/", "/prod", "nodegroup/prod", "nodegroup/prod/", "vpc/v-1"))
            assertThat(Scope.parse(bad)).as(bad).isEmpty();
    }

    @Test
    void enumsUseTheAwsSpelling() {
        assertThat(InterfaceType.ofEc2("branch")).isEqualTo(InterfaceType.BRANCH);
        assertThat(InterfaceType.ofEc2("efa-only")).isEqualTo(InterfaceType.EFA_ONLY);
        assertThat(InterfaceType.ofEc2(null)).isEqualTo(InterfaceType.INTERFACE);
        assertThat(InterfaceType.ofEc2("quantum_link")).isEqualTo(InterfaceType.OTHER);
        assertThat(CniSource.fromId("configured")).contains(CniSource.CONFIGURED);
        assertThat(ReservationType.fromId("Prefix")).isEqualTo(Optional.empty());
        assertThat(IpFamily.fromId("ipv6")).contains(IpFamily.IPV6);
    }

    @Test
    void theClusterIpFamilyDecidesIpv6() {
        Cluster v6 = new Cluster("v6", "vpc-1", IpFamily.IPV6, CniSettings.DEFAULTS, CniSource.DEFAULT, java.util.Map.of(),
                List.of());
        Cluster v4 = new Cluster("v4", "vpc-1", IpFamily.IPV4, CniSettings.DEFAULTS.withIpv6(true), CniSource.ADDON,
                java.util.Map.of(), List.of());

        assertThat(v6.cni().ipv6()).isTrue();
        assertThat(v4.cni().ipv6()).isFalse();
    }
}
