package dev.eksip.app.assess;

import static dev.eksip.testing.inventory.InventoryFixtures.cluster;
import static dev.eksip.testing.inventory.InventoryFixtures.node;
import static dev.eksip.testing.inventory.InventoryFixtures.nodeGroup;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.domain.CniSettings;
import dev.eksip.domain.CniSource;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.Inventory;
import dev.eksip.domain.Severity;
import dev.eksip.domain.SubnetForecast;
import dev.eksip.testing.inventory.InventoryBuilder;
import dev.eksip.simulation.CniEnv;
import dev.eksip.simulation.Forecaster;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The forecast end to end: the simulation's figures (see ForecasterTest), assessed. */
class AssessmentTest {
    private static final Instant AS_OF = Instant.parse("2026-11-25T12:00:00Z");
    private static final String VPC = "vpc-1";

    private static Forecast forecast(InventoryBuilder b) {
        Inventory inventory = b.build(AS_OF);
        return Assessment.forecast(inventory, Forecaster.figures(inventory), AS_OF);
    }

    private static SubnetForecast subnet(Forecast f, String id) {
        return f.subnets().stream().filter(s -> s.subnetId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aSubnetWithRoomIsOkAndItsClusterSeesItsLowestForecast() {
        Forecast f = forecast(new InventoryBuilder()
                .subnet("subnet-a", VPC, "us-east-1a", "10.0.0.0/24")
                .cluster(cluster("c1").vpc(VPC)
                        .groups(nodeGroup("ng").managed().type("m5.large").sizes(1, 4, 6).subnets("subnet-a")))
                .node(node("c1").inGroup("ng").type("m5.large").subnet("subnet-a").secondaryIpsPerEni(9, 9))
                .node(node("c1").inGroup("ng").type("m5.large").subnet("subnet-a").secondaryIpsPerEni(9, 9)));

        SubnetForecast s = subnet(f, "subnet-a");
        assertThat(s.severity()).isEqualTo(Severity.OK);
        assertThat(s.reason()).isEqualTo("131 addresses remain at max size; 10 more nodes fit.");
        assertThat(s.fix()).isEmpty();
        assertThat(s.nodeGroups()).containsExactly("c1/ng");
        assertThat(f.clusters().get(0).minForecastAtMax()).isEqualTo(211 - 80);
        assertThat(f.clusters().get(0).nodes()).isEqualTo(2);
        assertThat(f.clusters().get(0).notes())
                .containsExactly("CNI settings: ipamd's defaults (no add-on configuration values to read).");
    }

    @Test
    void zonesAreSummedPerVpcAndZone() {
        Forecast f = forecast(new InventoryBuilder()
                .subnet("subnet-a", VPC, "us-east-1a", "10.0.0.0/24")
                .subnet("subnet-b", VPC, "us-east-1b", "10.0.1.0/24")
                .subnet("subnet-c", VPC, "us-east-1c", "10.0.2.0/24")
                .cluster(cluster("c1").vpc(VPC)
                        .groups(nodeGroup("ng").managed().type("m5.large").sizes(0, 4, 4)
                                .subnets("subnet-a", "subnet-b", "subnet-c")))
                .node(node("c1").inGroup("ng").type("m5.large").subnet("subnet-a").secondaryIpsPerEni(9, 9))
                .node(node("c1").inGroup("ng").type("m5.large").subnet("subnet-a").secondaryIpsPerEni(9, 9)));

        assertThat(f.zones()).hasSize(3);
        assertThat(f.zones()).extracting(z -> z.availabilityZone())
                .containsExactly("us-east-1a", "us-east-1b", "us-east-1c");
        assertThat(f.zones().get(1).atDesired()).isEqualTo(subnet(f, "subnet-b").atDesired());
    }

    @Test
    void aSubnetTheNextScaleOutExhaustsIsCritical() {
        Forecast f = forecast(new InventoryBuilder()
                .subnet("subnet-small", VPC, "us-east-1a", "10.0.0.0/26")
                .cluster(cluster("c1").vpc(VPC)
                        .groups(nodeGroup("ng").managed().type("m5.large").sizes(1, 3, 5).subnets("subnet-small")))
                .node(node("c1").inGroup("ng").type("m5.large").subnet("subnet-small").secondaryIpsPerEni(9, 9))
                .node(node("c1").inGroup("ng").type("m5.large").subnet("subnet-small").secondaryIpsPerEni(9, 9)));

        SubnetForecast s = subnet(f, "subnet-small");
        assertThat(s.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(s.reason()).contains("short by 1 addresses");
        // each node holds 18 pod IPs for at most 9 pods: 9 warm; WARM_IP_TARGET=5 would keep 5 per node.
        assertThat(s.fix()).contains("WARM_IP_TARGET=5", "about 8");
        assertThat(f.subnetsExhaustedAtMax()).isEqualTo(1);
        assertThat(f.clusters().get(0).severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.clusters().get(0).subnetsExhaustedAtMax()).isEqualTo(1);
    }

    @Test
    void prefixDelegationWithoutFreeBlocksIsCriticalAndTheFixIsAPrefixReservation() {
        CniSettings pd = CniEnv.parse(Map.of(CniEnv.ENABLE_PREFIX_DELEGATION, "true"));
        Forecast f = forecast(new InventoryBuilder()
                .subnet("subnet-pd", VPC, "us-east-1a", "10.0.0.0/22")
                .fragment("subnet-pd", 1, 7)           // one address taken in every /28: churned secondary IPs
                .cluster(cluster("c1").vpc(VPC).cni(pd).cniFrom(CniSource.ADDON)
                        .groups(nodeGroup("ng").managed().type("m5.large").sizes(0, 1, 2).subnets("subnet-pd"))));

        SubnetForecast s = subnet(f, "subnet-pd");
        assertThat(s.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(s.fix()).contains("prefix-type subnet CIDR reservation");
        assertThat(f.clusters().get(0).notes())
                .containsExactly("CNI settings: the vpc-cni add-on's configuration values.");
    }

    @Test
    void ipv6ClustersAreHealthyAndSayWhy() {
        CniSettings v6 = CniEnv.parse(Map.of(CniEnv.ENABLE_IPV6, "true", CniEnv.ENABLE_PREFIX_DELEGATION, "true"));
        Forecast f = forecast(new InventoryBuilder()
                .subnet("subnet-a", VPC, "us-east-1a", "10.0.0.0/24")
                .cluster(cluster("v6").vpc(VPC).cni(v6).cniFrom(CniSource.ADDON)
                        .groups(nodeGroup("ng").managed().type("m5.large").sizes(0, 10, 20).subnets("subnet-a"))));

        assertThat(f.clusters().get(0).severity()).isEqualTo(Severity.OK);
        assertThat(f.clusters().get(0).notes()).anySatisfy(n -> assertThat(n).contains("IPv6"));
    }
}
