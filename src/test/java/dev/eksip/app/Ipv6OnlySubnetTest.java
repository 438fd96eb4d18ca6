package dev.eksip.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.domain.Cluster;
import dev.eksip.domain.CniSettings;
import dev.eksip.domain.CniSource;
import dev.eksip.domain.Eni;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.InterfaceType;
import dev.eksip.domain.Inventory;
import dev.eksip.domain.IpFamily;
import dev.eksip.domain.Node;
import dev.eksip.domain.NodeGroup;
import dev.eksip.domain.Severity;
import dev.eksip.domain.Subnet;
import dev.eksip.domain.SubnetForecast;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Issue 8 item 7: an IPv6-only subnet (EC2 names no IPv4 {@code CidrBlock}, so the inventory's cidr is "") in the
 * clusters' VPC used to fail every forecast with {@code NumberFormatException: For input string: ""}. It holds no
 * IPv4 address to run out of: it is reported with 0 usable addresses, severity OK and a note saying why, it takes
 * no IPv4 pod ENI, and the dual-stack subnet beside it is forecast as before.
 */
class Ipv6OnlySubnetTest {
    private static final Instant NOW = Instant.parse("2026-11-25T13:00:00Z");

    private static Inventory inventory(boolean prefixDelegation) {
        Subnet dualStack = new Subnet("subnet-ds", "vpc-1", "us-east-1a", "10.0.0.0/24", 240,
                Map.of("kubernetes.io/role/cni", "1"), List.of());
        Subnet ipv6Only = new Subnet("subnet-v6", "vpc-1", "us-east-1a", "", 0,
                Map.of("kubernetes.io/role/cni", "1"), List.of());
        NodeGroup group = new NodeGroup("ng", true, false, List.of("m5.large"), 1, 1, 4, List.of("subnet-ds"),
                "eks-ng", 0);
        CniSettings cni = CniSettings.DEFAULTS.withPrefixDelegation(prefixDelegation);
        Cluster cluster = new Cluster("prod", "vpc-1", IpFamily.IPV4, cni, CniSource.DEFAULT, Map.of(),
                List.of(group));
        Eni primary = new Eni("eni-1", "subnet-ds", "i-1", InterfaceType.INTERFACE, 0, "10.0.0.10",
                List.of("10.0.0.11"), List.of(), false);
        Node node = new Node("i-1", "prod", "ng", "m5.large", "subnet-ds", "us-east-1a", List.of(primary));
        return new Inventory("123456789012", "us-east-1", NOW, List.of(dualStack, ipv6Only), List.of(cluster),
                List.of(node), List.of(), List.of(), List.of());
    }

    private static SubnetForecast subnet(Forecast f, String id) {
        return f.subnets().stream().filter(s -> s.subnetId().equals(id)).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "prefix delegation {0}")
    @ValueSource(booleans = {false, true})
    void anIpv6OnlySubnetIsReportedWithNoIpv4AddressesAndANoteNotACrash(boolean prefixDelegation) {
        Forecast f = RunForecast.forecast(inventory(prefixDelegation), NOW);

        SubnetForecast v6 = subnet(f, "subnet-v6");
        assertThat(v6.cidr()).isEmpty();
        assertThat(v6.usableIps()).isZero();
        assertThat(v6.availableIps()).isZero();
        assertThat(v6.severity()).isEqualTo(Severity.OK);
        assertThat(v6.reason()).contains("IPv6-only").contains("no IPv4");
        assertThat(v6.atMax().headline()).isZero();

        SubnetForecast ds = subnet(f, "subnet-ds");
        assertThat(ds.usableIps()).isEqualTo(251);
        assertThat(ds.atMax().headline()).isLessThan(240);
    }

    @Test
    void noPodEniIsForecastIntoAnIpv6OnlySubnet() {
        Forecast f = RunForecast.forecast(inventory(false), NOW);

        assertThat(subnet(f, "subnet-v6").atMax().headline()).isZero();
        assertThat(subnet(f, "subnet-v6").atDesired().headline()).isZero();
    }
}
