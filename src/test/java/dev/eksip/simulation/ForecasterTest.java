package dev.eksip.simulation;

import static dev.eksip.fixtures.InventoryBuilder.managed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.domain.CniSettings;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.GrowthForecast;
import dev.eksip.domain.Severity;
import dev.eksip.domain.SubnetForecast;
import dev.eksip.fixtures.InventoryBuilder;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ForecasterTest {
    private static final Instant AS_OF = Instant.parse("2026-11-25T12:00:00Z");
    private static final String VPC = "vpc-1";

    private static SubnetForecast subnet(Forecast f, String id) {
        return f.subnets().stream().filter(s -> s.subnetId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void growsEachNodeGroupToDesiredAndMaxUnderTheThreeCostAssumptions() {
        // m5.large, WARM_ENI_TARGET=1: two nodes with one pod each hold 2 ENIs x 10 = 20 addresses (§6(a)).
        InventoryBuilder b = new InventoryBuilder()
                .subnet("subnet-a", VPC, "us-east-1a", "10.0.0.0/24")
                .cluster("c1", VPC, CniSettings.DEFAULTS, "default", Map.of(),
                        managed("ng", "m5.large", 1, 4, 6, "subnet-a"))
                .node("c1", "ng", "m5.large", "subnet-a", null, false, 9, 9)
                .node("c1", "ng", "m5.large", "subnet-a", null, false, 9, 9);
        Forecast f = Forecaster.forecast(b.build(AS_OF), AS_OF);

        SubnetForecast s = subnet(f, "subnet-a");
        assertThat(s.usableIps()).isEqualTo(251);
        assertThat(s.availableIps()).isEqualTo(211);
        // baseline: 1 ENI + 9 IPs = 10; median: 20; full (29 max pods → 27 pods → 3 ENIs): 30.
        assertThat(s.atDesired()).isEqualTo(new GrowthForecast(211 - 2 * 10, 211 - 2 * 20, 211 - 2 * 30));
        assertThat(s.atMax()).isEqualTo(new GrowthForecast(211 - 4 * 10, 211 - 4 * 20, 211 - 4 * 30));
        assertThat(s.nodesUntilExhaustion()).isEqualTo(211 / 20);
        assertThat(s.severity()).isEqualTo(Severity.OK);
        assertThat(s.warmIps()).as("each node serves at most 9 pods from 18 IPs at 2 ENIs").isEqualTo(2 * 9);
        assertThat(f.clusters().get(0).minForecastAtMax()).isEqualTo(211 - 80);
    }

    @Test
    void newNodesAreBalancedAcrossZonesLikeAutoScaling() {
        InventoryBuilder b = new InventoryBuilder()
                .subnet("subnet-a", VPC, "us-east-1a", "10.0.0.0/24")
                .subnet("subnet-b", VPC, "us-east-1b", "10.0.1.0/24")
                .subnet("subnet-c", VPC, "us-east-1c", "10.0.2.0/24")
                .cluster("c1", VPC, CniSettings.DEFAULTS, "default", Map.of(),
                        managed("ng", "m5.large", 0, 4, 4, "subnet-a", "subnet-b", "subnet-c"))
                .node("c1", "ng", "m5.large", "subnet-a", null, false, 9, 9)
                .node("c1", "ng", "m5.large", "subnet-a", null, false, 9, 9);
        Forecast f = Forecaster.forecast(b.build(AS_OF), AS_OF);

        // two existing nodes in a: the next two go to b and c, one each.
        assertThat(subnet(f, "subnet-a").atDesired().median()).isEqualTo(subnet(f, "subnet-a").availableIps());
        assertThat(subnet(f, "subnet-b").atDesired().median()).isEqualTo(251 - 20);
        assertThat(subnet(f, "subnet-c").atDesired().median()).isEqualTo(251 - 20);
        assertThat(f.zones()).hasSize(3);
    }

    @Test
    void aSubnetTheNextScaleOutExhaustsIsCritical() {
        InventoryBuilder b = new InventoryBuilder()
                .subnet("subnet-small", VPC, "us-east-1a", "10.0.0.0/26")
                .cluster("c1", VPC, CniSettings.DEFAULTS, "default", Map.of(),
                        managed("ng", "m5.large", 1, 3, 5, "subnet-small"))
                .node("c1", "ng", "m5.large", "subnet-small", null, false, 9, 9)
                .node("c1", "ng", "m5.large", "subnet-small", null, false, 9, 9);
        Forecast f = Forecaster.forecast(b.build(AS_OF), AS_OF);

        SubnetForecast s = subnet(f, "subnet-small");
        assertThat(s.availableIps()).isEqualTo(59 - 40);
        assertThat(s.atDesired().median()).isEqualTo(19 - 20);
        assertThat(s.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(s.reason()).contains("short by 1 addresses");
        assertThat(s.fix()).isNotBlank();
        assertThat(f.subnetsExhaustedAtMax()).isEqualTo(1);
    }

    @Test
    void customNetworkingPutsPodEnisInTheZonesPodSubnet() {
        CniSettings custom = NodeModelTest.settings("AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG=true");
        InventoryBuilder b = new InventoryBuilder()
                .subnet("subnet-node", VPC, "us-east-1a", "10.0.0.0/24")
                .subnet("subnet-pods", VPC, "us-east-1a", "100.64.0.0/20")
                .cluster("c1", VPC, custom, "addon", Map.of("us-east-1a", "subnet-pods"),
                        managed("ng", "m5.large", 1, 2, 2, "subnet-node"))
                .node("c1", "ng", "m5.large", "subnet-node", "subnet-pods", false, 0, 9, 9);
        Forecast f = Forecaster.forecast(b.build(AS_OF), AS_OF);

        SubnetForecast node = subnet(f, "subnet-node");
        SubnetForecast pods = subnet(f, "subnet-pods");
        assertThat(node.availableIps() - node.atDesired().median()).as("node subnet: primary IP only").isEqualTo(1);
        assertThat(pods.availableIps() - pods.atDesired().median()).as("pod subnet: 2 ENIs x 10").isEqualTo(20);
        assertThat(pods.clusters()).containsExactly("c1");
    }

    @Test
    void subnetDiscoveryPutsNewEnisInTheTaggedSubnetWithTheMostFreeAddresses() {
        InventoryBuilder b = new InventoryBuilder()
                .subnet("subnet-node", VPC, "us-east-1a", "10.0.0.0/24")
                .subnet("subnet-extra", VPC, "us-east-1a", "10.0.16.0/20", "kubernetes.io/role/cni=1")
                .subnet("subnet-excluded", VPC, "us-east-1a", "10.0.32.0/20", "kubernetes.io/role/cni=0")
                .cluster("c1", VPC, CniSettings.DEFAULTS, "default", Map.of(),
                        managed("ng", "m5.large", 0, 1, 1, "subnet-node"));
        Forecast f = Forecaster.forecast(b.build(AS_OF), AS_OF);

        SubnetForecast node = subnet(f, "subnet-node");
        SubnetForecast extra = subnet(f, "subnet-extra");
        // baseline node: primary ENI (1 + 9) in its subnet; no pod ENI at p=0. Full: 2 pod ENIs go to subnet-extra.
        assertThat(node.availableIps() - node.atDesired().full()).isEqualTo(10);
        assertThat(extra.availableIps() - extra.atDesired().full()).isEqualTo(20);
        assertThat(subnet(f, "subnet-excluded").atDesired().full())
                .isEqualTo(subnet(f, "subnet-excluded").availableIps());
    }

    @Test
    void prefixDelegationForecastsAgainstFreeAlignedBlocksNotAddresses() {
        CniSettings pd = NodeModelTest.settings("ENABLE_PREFIX_DELEGATION=true");
        InventoryBuilder b = new InventoryBuilder()
                .subnet("subnet-pd", VPC, "us-east-1a", "10.0.0.0/22")
                .fragment("subnet-pd", 1, 7)           // one address taken in every /28: churned secondary IPs
                .cluster("c1", VPC, pd, "addon", Map.of(), managed("ng", "m5.large", 0, 1, 2, "subnet-pd"));
        Forecast f = Forecaster.forecast(b.build(AS_OF), AS_OF);

        SubnetForecast s = subnet(f, "subnet-pd");
        assertThat(s.prefixMode()).isTrue();
        assertThat(s.availableIps()).isGreaterThan(900);
        assertThat(s.freePrefixBlocks()).isZero();
        assertThat(s.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(s.fix()).contains("prefix-type subnet CIDR reservation");
    }

    @Test
    void prefixReservationsServePrefixesButExplicitReservationsDoNot() {
        CniSettings pd = NodeModelTest.settings("ENABLE_PREFIX_DELEGATION=true");
        InventoryBuilder b = new InventoryBuilder()
                .subnet("subnet-pd", VPC, "us-east-1a", "10.0.0.0/24")
                .reservation("subnet-pd", "10.0.0.128/26", "explicit")
                .cluster("c1", VPC, pd, "addon", Map.of(), managed("ng", "m5.large", 0, 1, 1, "subnet-pd"));
        Forecast f = Forecaster.forecast(b.build(AS_OF), AS_OF);

        // 16 blocks; the first and last hold AWS-reserved addresses; 4 blocks are explicitly reserved.
        assertThat(subnet(f, "subnet-pd").freePrefixBlocks()).isEqualTo(16 - 2 - 4);
    }

    @Test
    void anUnknownInstanceTypeIsAGapNotAFailure() {
        InventoryBuilder b = new InventoryBuilder()
                .subnet("subnet-a", VPC, "us-east-1a", "10.0.0.0/24")
                .cluster("c1", VPC, CniSettings.DEFAULTS, "default", Map.of(),
                        managed("ng", "x99.mega", 0, 1, 2, "subnet-a"),
                        managed("ok", "m5.large", 0, 1, 1, "subnet-a"));
        Forecast f = Forecaster.forecast(b.build(AS_OF), AS_OF);

        assertThat(f.gaps()).anySatisfy(g -> assertThat(g.message()).contains("x99.mega"));
        assertThat(subnet(f, "subnet-a").atDesired().baseline()).isEqualTo(251 - 10);
    }

    @Test
    void ipv6ClustersAreHealthyAndSayWhy() {
        CniSettings v6 = NodeModelTest.settings("ENABLE_IPv6=true;ENABLE_PREFIX_DELEGATION=true");
        InventoryBuilder b = new InventoryBuilder()
                .subnet("subnet-a", VPC, "us-east-1a", "10.0.0.0/24")
                .cluster("v6", VPC, v6, "addon", Map.of(), managed("ng", "m5.large", 0, 10, 20, "subnet-a"));
        Forecast f = Forecaster.forecast(b.build(AS_OF), AS_OF);

        assertThat(subnet(f, "subnet-a").atMax().full()).isEqualTo(251 - 20);
        assertThat(f.clusters().get(0).severity()).isEqualTo(Severity.OK);
        assertThat(f.clusters().get(0).notes()).anySatisfy(n -> assertThat(n).contains("IPv6"));
    }
}
