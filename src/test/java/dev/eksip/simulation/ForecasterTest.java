package dev.eksip.simulation;

import dev.eksip.domain.ReservationType;
import dev.eksip.domain.CniSource;

import static dev.eksip.testing.inventory.InventoryFixtures.cluster;
import static dev.eksip.testing.inventory.InventoryFixtures.node;
import static dev.eksip.testing.inventory.InventoryFixtures.nodeGroup;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.domain.CniSettings;
import dev.eksip.domain.GrowthForecast;
import dev.eksip.domain.Inventory;
import dev.eksip.domain.Subnet;
import dev.eksip.testing.inventory.InventoryBuilder;
import dev.eksip.testing.inventory.NodeGroupBuilder;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class ForecasterTest {
    private static final Instant AS_OF = Instant.parse("2026-11-25T12:00:00Z");
    private static final String VPC = "vpc-1";

    private static SubnetFigures subnet(ForecastFigures f, String id) {
        return f.subnets().stream().filter(s -> s.subnetId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void growsEachNodeGroupToDesiredAndMaxUnderTheThreeCostAssumptions() {
        // m5.large, WARM_ENI_TARGET=1: two nodes with one pod each hold 2 ENIs x 10 = 20 addresses (§6(a)).
        InventoryBuilder b = new InventoryBuilder()
                .subnet("subnet-a", VPC, "us-east-1a", "10.0.0.0/24")
                .cluster(cluster("c1").vpc(VPC)
                        .groups(nodeGroup("ng").managed().type("m5.large").sizes(1, 4, 6).subnets("subnet-a")))
                .node(node("c1").inGroup("ng").type("m5.large").subnet("subnet-a").secondaryIpsPerEni(9, 9))
                .node(node("c1").inGroup("ng").type("m5.large").subnet("subnet-a").secondaryIpsPerEni(9, 9));
        ForecastFigures f = Forecaster.figures(b.build(AS_OF));

        SubnetFigures s = subnet(f, "subnet-a");
        assertThat(s.usableIps()).isEqualTo(251);
        assertThat(s.availableIps()).isEqualTo(211);
        // baseline: 1 ENI + 9 IPs = 10; median: 20; full (29 max pods → 27 pods → 3 ENIs): 30, and under full the
        // two existing nodes grow to it too (one more ENI of 10 each).
        assertThat(s.atDesired()).isEqualTo(new GrowthForecast(211 - 2 * 10, 211 - 2 * 20, 211 - 2 * 30 - 2 * 10));
        assertThat(s.atMax()).isEqualTo(new GrowthForecast(211 - 4 * 10, 211 - 4 * 20, 211 - 4 * 30 - 2 * 10));
        assertThat(s.nodesThatFit()).isEqualTo(211 / 20);
        assertThat(s.warmIps()).as("each node serves at most 9 pods from 18 IPs at 2 ENIs").isEqualTo(2 * 9);
    }

    @Test
    void newNodesAreBalancedAcrossZonesLikeAutoScaling() {
        InventoryBuilder b = new InventoryBuilder()
                .subnet("subnet-a", VPC, "us-east-1a", "10.0.0.0/24")
                .subnet("subnet-b", VPC, "us-east-1b", "10.0.1.0/24")
                .subnet("subnet-c", VPC, "us-east-1c", "10.0.2.0/24")
                .cluster(cluster("c1").vpc(VPC)
                        .groups(nodeGroup("ng").managed().type("m5.large").sizes(0, 4, 4)
                                .subnets("subnet-a", "subnet-b", "subnet-c")))
                .node(node("c1").inGroup("ng").type("m5.large").subnet("subnet-a").secondaryIpsPerEni(9, 9))
                .node(node("c1").inGroup("ng").type("m5.large").subnet("subnet-a").secondaryIpsPerEni(9, 9));
        ForecastFigures f = Forecaster.figures(b.build(AS_OF));

        // two existing nodes in a: the next two go to b and c, one each.
        assertThat(subnet(f, "subnet-a").atDesired().median()).isEqualTo(subnet(f, "subnet-a").availableIps());
        assertThat(subnet(f, "subnet-b").atDesired().median()).isEqualTo(251 - 20);
        assertThat(subnet(f, "subnet-c").atDesired().median()).isEqualTo(251 - 20);
    }

    @Test
    void aSubnetTheNextScaleOutExhaustsIsCritical() {
        InventoryBuilder b = new InventoryBuilder()
                .subnet("subnet-small", VPC, "us-east-1a", "10.0.0.0/26")
                .cluster(cluster("c1").vpc(VPC)
                        .groups(nodeGroup("ng").managed().type("m5.large").sizes(1, 3, 5).subnets("subnet-small")))
                .node(node("c1").inGroup("ng").type("m5.large").subnet("subnet-small").secondaryIpsPerEni(9, 9))
                .node(node("c1").inGroup("ng").type("m5.large").subnet("subnet-small").secondaryIpsPerEni(9, 9));
        ForecastFigures f = Forecaster.figures(b.build(AS_OF));

        SubnetFigures s = subnet(f, "subnet-small");
        assertThat(s.availableIps()).isEqualTo(59 - 40);
        assertThat(s.atDesired().median()).isEqualTo(19 - 20);
        // each node holds 18 pod IPs for at most 9 pods: 9 warm; WARM_IP_TARGET=5 would keep 5 per node.
        assertThat(s.warmIps()).isEqualTo(18);
    }

    @Test
    void aGroupOfSeveralInstanceTypesIsForecastWithTheTypeWhoseFullNodeTakesTheMostAddresses() {
        InventoryBuilder b = new InventoryBuilder()
                .subnet("subnet-a", VPC, "us-east-1a", "10.0.0.0/22")
                .cluster(cluster("c1").vpc(VPC)
                        .groups(nodeGroup("spot").managed().types("m5.large", "m5.4xlarge", "x99.mega").sizes(0, 1, 1)
                                .subnets("subnet-a")));
        ForecastFigures f = Forecaster.figures(b.build(AS_OF));

        // m5.4xlarge under the managed cap of 110 max pods: 108 pods → 4 ENIs x (1 + 29); an m5.large would be 30.
        SubnetFigures s = subnet(f, "subnet-a");
        assertThat(s.availableIps() - s.atDesired().full()).isEqualTo(120);
        assertThat(f.gaps()).singleElement().satisfies(g ->
                assertThat(g.message()).contains("x99.mega", "other types are forecast"));
    }

    @Test
    void customNetworkingPutsPodEnisInTheZonesPodSubnet() {
        CniSettings custom = NodeModelTest.settings("AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG=true");
        InventoryBuilder b = new InventoryBuilder()
                .subnet("subnet-node", VPC, "us-east-1a", "10.0.0.0/24")
                .subnet("subnet-pods", VPC, "us-east-1a", "100.64.0.0/20")
                .cluster(cluster("c1").vpc(VPC).cni(custom).cniFrom(CniSource.ADDON)
                        .podSubnet("us-east-1a", "subnet-pods")
                        .groups(nodeGroup("ng").managed().type("m5.large").sizes(1, 2, 2).subnets("subnet-node")))
                .node(node("c1").inGroup("ng").type("m5.large").subnet("subnet-node").podSubnet("subnet-pods")
                        .secondaryIpsPerEni(0, 9, 9));
        ForecastFigures f = Forecaster.figures(b.build(AS_OF));

        SubnetFigures node = subnet(f, "subnet-node");
        SubnetFigures pods = subnet(f, "subnet-pods");
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
                .cluster(cluster("c1").vpc(VPC)
                        .groups(nodeGroup("ng").managed().type("m5.large").sizes(0, 1, 1).subnets("subnet-node")));
        ForecastFigures f = Forecaster.figures(b.build(AS_OF));

        SubnetFigures node = subnet(f, "subnet-node");
        SubnetFigures extra = subnet(f, "subnet-extra");
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
                .cluster(cluster("c1").vpc(VPC).cni(pd).cniFrom(CniSource.ADDON)
                        .groups(nodeGroup("ng").managed().type("m5.large").sizes(0, 1, 2).subnets("subnet-pd")));
        ForecastFigures f = Forecaster.figures(b.build(AS_OF));

        SubnetFigures s = subnet(f, "subnet-pd");
        assertThat(s.prefixMode()).isTrue();
        assertThat(s.availableIps()).isGreaterThan(900);
        assertThat(s.freePrefixBlocks()).isZero();
    }

    @Test
    void anUnknownInstanceTypeIsAGapNotAFailure() {
        InventoryBuilder b = new InventoryBuilder()
                .subnet("subnet-a", VPC, "us-east-1a", "10.0.0.0/24")
                .cluster(cluster("c1").vpc(VPC)
                        .groups(nodeGroup("ng").managed().type("x99.mega").sizes(0, 1, 2).subnets("subnet-a"),
                                nodeGroup("ok").managed().type("m5.large").sizes(0, 1, 1).subnets("subnet-a")));
        ForecastFigures f = Forecaster.figures(b.build(AS_OF));

        assertThat(f.gaps()).anySatisfy(g -> assertThat(g.message()).contains("x99.mega"));
        assertThat(subnet(f, "subnet-a").atDesired().baseline()).isEqualTo(251 - 10);
    }

    @Test
    void ipv6ClustersAreHealthyAndSayWhy() {
        CniSettings v6 = NodeModelTest.settings("ENABLE_IPv6=true;ENABLE_PREFIX_DELEGATION=true");
        InventoryBuilder b = new InventoryBuilder()
                .subnet("subnet-a", VPC, "us-east-1a", "10.0.0.0/24")
                .cluster(cluster("v6").vpc(VPC).cni(v6).cniFrom(CniSource.ADDON)
                        .groups(nodeGroup("ng").managed().type("m5.large").sizes(0, 10, 20).subnets("subnet-a")));
        ForecastFigures f = Forecaster.figures(b.build(AS_OF));

        assertThat(subnet(f, "subnet-a").atMax().full()).isEqualTo(251 - 20);
    }

    @Test
    void nodesInAZoneTheGroupNoLongerLaunchesIntoDoNotBreakZoneBalancing() {
        // A self-managed group whose ASG dropped us-east-1c still has one node there; Auto Scaling balances only
        // over the zones it launches into, so the next node goes to a (tie with b, first zone).
        InventoryBuilder b = new InventoryBuilder()
                .subnet("subnet-a", VPC, "us-east-1a", "10.0.0.0/24")
                .subnet("subnet-b", VPC, "us-east-1b", "10.0.1.0/24")
                .subnet("subnet-c", VPC, "us-east-1c", "10.0.2.0/24")
                .cluster(cluster("c1").vpc(VPC)
                        .groups(nodeGroup("ng").selfManaged().type("m5.large").sizes(0, 6, 6)
                                .subnets("subnet-a", "subnet-b")))
                .node(node("c1").inGroup("ng").type("m5.large").subnet("subnet-a").secondaryIpsPerEni(9, 9))
                .node(node("c1").inGroup("ng").type("m5.large").subnet("subnet-a").secondaryIpsPerEni(9, 9))
                .node(node("c1").inGroup("ng").type("m5.large").subnet("subnet-b").secondaryIpsPerEni(9, 9))
                .node(node("c1").inGroup("ng").type("m5.large").subnet("subnet-b").secondaryIpsPerEni(9, 9))
                .node(node("c1").inGroup("ng").type("m5.large").subnet("subnet-c").secondaryIpsPerEni(9, 9));
        ForecastFigures f = Forecaster.figures(b.build(AS_OF));

        assertThat(subnet(f, "subnet-a").availableIps() - subnet(f, "subnet-a").atDesired().median()).isEqualTo(20);
        assertThat(subnet(f, "subnet-b").atDesired().median()).isEqualTo(subnet(f, "subnet-b").availableIps());
        assertThat(subnet(f, "subnet-c").atDesired().median()).isEqualTo(subnet(f, "subnet-c").availableIps());
    }

    @Test
    void prefixDelegationOnANonNitroTypeIsForecastInAddressesNotBlocks() {
        // §1: ENABLE_PREFIX_DELEGATION on a Xen type silently falls back to secondary IPs: no /28 is ever asked for.
        CniSettings pd = NodeModelTest.settings("ENABLE_PREFIX_DELEGATION=true");
        InventoryBuilder b = new InventoryBuilder()
                .subnet("subnet-a", VPC, "us-east-1a", "10.0.0.0/24")
                .cluster(cluster("c1").vpc(VPC).cni(pd).cniFrom(CniSource.ADDON)
                        .groups(nodeGroup("ng").managed().type("m4.large").sizes(0, 1, 1).subnets("subnet-a")));
        ForecastFigures f = Forecaster.figures(b.build(AS_OF));

        SubnetFigures s = subnet(f, "subnet-a");
        assertThat(s.prefixMode()).isFalse();
        assertThat(s.freePrefixBlocks()).isEqualTo(-1);
        assertThat(s.atDesired().baseline()).as("1 ENI + 9 secondary IPs").isEqualTo(251 - 10);
    }

    @Test
    void withCustomNetworkingAndPrefixDelegationOnlyThePodSubnetIsCountedInBlocks() {
        // §6(i): custom networking puts only the primary ENI's IP (a /32) in the node subnet; prefixes go to the
        // ENIConfig subnet, so only that one needs free aligned /28 blocks (§10).
        CniSettings cni = NodeModelTest.settings("ENABLE_PREFIX_DELEGATION=true;AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG=true");
        InventoryBuilder b = new InventoryBuilder()
                .subnet("subnet-node", VPC, "us-east-1a", "10.0.0.0/24")
                .subnet("subnet-pods", VPC, "us-east-1a", "100.64.0.0/20")
                .cluster(cluster("c1").vpc(VPC).cni(cni).cniFrom(CniSource.ADDON).podSubnet("us-east-1a", "subnet-pods")
                        .groups(nodeGroup("ng").managed().type("m5.large").sizes(0, 2, 2).subnets("subnet-node")));
        ForecastFigures f = Forecaster.figures(b.build(AS_OF));

        SubnetFigures node = subnet(f, "subnet-node");
        SubnetFigures pods = subnet(f, "subnet-pods");
        assertThat(node.prefixMode()).isFalse();
        assertThat(node.availableIps() - node.atDesired().baseline()).as("2 primary IPs").isEqualTo(2);
        assertThat(pods.prefixMode()).isTrue();
        assertThat(pods.freePrefixBlocks() * 16 - pods.atDesired().baseline()).as("2 nodes x 1 prefix").isEqualTo(32);
    }

    @Test
    void aPrimarySubnetTaggedCniZeroGivesNoPodIpsSoPodEnisGoToTheTaggedSubnet() {
        // §3/§5: with subnet discovery, ENIs in a subnet tagged kubernetes.io/role/cni=0 are excluded, the primary
        // ENI included: it takes no pod IPs but keeps its slot, like custom networking (§6(e)); pod ENIs are
        // created in the other candidates.
        InventoryBuilder b = new InventoryBuilder()
                .subnet("subnet-node", VPC, "us-east-1a", "10.0.0.0/24", "kubernetes.io/role/cni=0")
                .subnet("subnet-extra", VPC, "us-east-1a", "10.0.16.0/20", "kubernetes.io/role/cni=1")
                .cluster(cluster("c1").vpc(VPC)
                        .groups(nodeGroup("ng").managed().type("m5.large").sizes(0, 1, 1).subnets("subnet-node")));
        ForecastFigures f = Forecaster.figures(b.build(AS_OF));

        SubnetFigures node = subnet(f, "subnet-node");
        SubnetFigures extra = subnet(f, "subnet-extra");
        assertThat(node.availableIps() - node.atDesired().baseline()).as("primary IP only").isEqualTo(1);
        assertThat(extra.availableIps() - extra.atDesired().baseline()).as("one pod ENI, 1 + 9").isEqualTo(10);
        // full: 27 pods, 2 usable pod ENIs (the excluded primary keeps its slot) → 18 IPs on 2 ENIs.
        assertThat(node.availableIps() - node.atDesired().full()).isEqualTo(1);
        assertThat(extra.availableIps() - extra.atDesired().full()).isEqualTo(20);
    }

    @Test
    void withPrefixDelegationAnExcludedNodeSubnetIsCountedInAddressesAndPrefixesGoToTheCandidate() {
        CniSettings pd = NodeModelTest.settings("ENABLE_PREFIX_DELEGATION=true");
        InventoryBuilder b = new InventoryBuilder()
                .subnet("subnet-node", VPC, "us-east-1a", "10.0.0.0/24", "kubernetes.io/role/cni=0")
                .subnet("subnet-extra", VPC, "us-east-1a", "10.0.16.0/20", "kubernetes.io/role/cni=1")
                .cluster(cluster("c1").vpc(VPC).cni(pd).cniFrom(CniSource.ADDON)
                        .groups(nodeGroup("ng").managed().type("m5.large").sizes(0, 1, 1).subnets("subnet-node")));
        ForecastFigures f = Forecaster.figures(b.build(AS_OF));

        SubnetFigures node = subnet(f, "subnet-node");
        SubnetFigures extra = subnet(f, "subnet-extra");
        assertThat(node.prefixMode()).isFalse();
        assertThat(node.availableIps() - node.atDesired().baseline()).as("primary IP only").isEqualTo(1);
        assertThat(extra.prefixMode()).isTrue();
        assertThat(extra.freePrefixBlocks() * 16 - extra.atDesired().baseline()).as("one pod ENI, 1 prefix")
                .isEqualTo(16);
    }

    @Test
    void warmAddressesOfANodeWithAnExcludedPrimaryAreEstimatedWithoutThePrimaryEni() {
        // Two full pod ENIs (18 IPs) next to an excluded primary ENI serve up to 18 pods: nothing is surely idle.
        // Modelled as if the primary took pod IPs, 18 IPs would serve at most 9 pods and 9 would look warm.
        InventoryBuilder b = new InventoryBuilder()
                .subnet("subnet-node", VPC, "us-east-1a", "10.0.0.0/24", "kubernetes.io/role/cni=0")
                .subnet("subnet-extra", VPC, "us-east-1a", "10.0.16.0/20", "kubernetes.io/role/cni=1")
                .cluster(cluster("c1").vpc(VPC)
                        .groups(nodeGroup("ng").managed().type("m5.large").sizes(0, 1, 1).subnets("subnet-node")))
                .node(node("c1").inGroup("ng").type("m5.large").subnet("subnet-node").podSubnet("subnet-extra")
                        .secondaryIpsPerEni(0, 9, 9));
        ForecastFigures f = Forecaster.figures(b.build(AS_OF));

        assertThat(subnet(f, "subnet-extra").warmIps()).isZero();
    }

    @Test
    void subnetsScopedToAnotherClusterAreNoCandidates() {
        // §5: a subnet carrying cni.networking.k8s.aws/cluster/* tags must carry this cluster's, when aws-node's
        // CLUSTER_NAME is set (ValidSubnetTagsMatchingClusterName; unset, the tags are ignored: DiscoveryTagsTest).
        InventoryBuilder b = new InventoryBuilder()
                .subnet("subnet-node", VPC, "us-east-1a", "10.0.0.0/24")
                .subnet("subnet-other", VPC, "us-east-1a", "10.0.16.0/20", "kubernetes.io/role/cni=1",
                        "cni.networking.k8s.aws/cluster/other=1")
                .subnet("subnet-mine", VPC, "us-east-1a", "10.0.32.0/21", "kubernetes.io/role/cni=1",
                        "cni.networking.k8s.aws/cluster/c1=1")
                .subnet("subnet-other-az", VPC, "us-east-1b", "10.0.64.0/18", "kubernetes.io/role/cni=1")
                .cluster(cluster("c1").vpc(VPC).cni(NodeModelTest.settings("CLUSTER_NAME=c1"))
                        .groups(nodeGroup("ng").managed().type("m5.large").sizes(0, 1, 1).subnets("subnet-node")));
        ForecastFigures f = Forecaster.figures(b.build(AS_OF));

        assertThat(subnet(f, "subnet-other").atDesired().full()).isEqualTo(subnet(f, "subnet-other").availableIps());
        assertThat(subnet(f, "subnet-other-az").atDesired().full())
                .isEqualTo(subnet(f, "subnet-other-az").availableIps());
        assertThat(subnet(f, "subnet-mine").availableIps() - subnet(f, "subnet-mine").atDesired().full())
                .isEqualTo(20);
    }

    @Test
    void subnetDiscoveryRanksByAvailableIpAddressCountAndTakesTheFirstThatCanHoldThePrefixes() {
        // §5: candidates are tried by AvailableIpAddressCount descending, not by free /28 blocks. subnet-node has
        // more addresses (492) but fewer blocks (15) than subnet-extra (419 addresses, 25 blocks); both can hold
        // the pod ENIs' prefixes, so ipamd creates them in subnet-node.
        CniSettings pd = NodeModelTest.settings("ENABLE_PREFIX_DELEGATION=true");
        InventoryBuilder b = new InventoryBuilder()
                .subnet("subnet-node", VPC, "us-east-1a", "10.0.0.0/23")
                .fragment("subnet-node", 2, 7)
                .subnet("subnet-extra", VPC, "us-east-1a", "10.0.16.0/22", "kubernetes.io/role/cni=1")
                .otherEni("subnet-extra", 600)
                .cluster(cluster("c1").vpc(VPC).cni(pd).cniFrom(CniSource.ADDON)
                        .groups(nodeGroup("ng").managed().type("t3.small").sizes(0, 1, 1).subnets("subnet-node")));
        ForecastFigures f = Forecaster.figures(b.build(AS_OF));

        SubnetFigures node = subnet(f, "subnet-node");
        SubnetFigures extra = subnet(f, "subnet-extra");
        assertThat(node.availableIps()).isEqualTo(492);
        assertThat(extra.availableIps()).isEqualTo(419);
        assertThat(extra.freePrefixBlocks()).isEqualTo(25);
        // subnet-node (15 free blocks) can send its nodes' prefixes to subnet-extra when it has no free /28
        // (PrimaryPrefixes): it is counted in addresses, what its nodes' own IPs need.
        assertThat(node.prefixMode()).isFalse();
        assertThat(node.overflowTo()).containsExactly("subnet-extra");
        // full: t3.small, max pods 110 → 7 prefixes on 3 ENIs (3,3,1). The primary (1 + 3 prefixes) is in
        // subnet-node; the first pod ENI (1 + 3) too (443 > 419 addresses at that moment); then subnet-node has
        // 394 < 419, so the last pod ENI (1 prefix) lands in subnet-extra. Ranking by blocks would have put both
        // pod ENIs in subnet-extra.
        assertThat(node.atDesired().full()).isEqualTo(492 - 2 * (1 + 3 * 16));
        assertThat(extra.atDesired().full()).isEqualTo(16 * (25 - 1));
    }

    @Test
    void prefixReservationsDoNotReduceFreeBlocksButExplicitOnesDo() {
        CniSettings pd = NodeModelTest.settings("ENABLE_PREFIX_DELEGATION=true");
        InventoryBuilder b = new InventoryBuilder()
                .subnet("subnet-pd", VPC, "us-east-1a", "10.0.0.0/24")
                .reservation("subnet-pd", "10.0.0.64/26", ReservationType.PREFIX)
                .reservation("subnet-pd", "10.0.0.128/26", ReservationType.EXPLICIT)
                .cluster(cluster("c1").vpc(VPC).cni(pd).cniFrom(CniSource.ADDON)
                        .groups(nodeGroup("ng").managed().type("m5.large").sizes(0, 1, 1).subnets("subnet-pd")));
        ForecastFigures f = Forecaster.figures(b.build(AS_OF));

        assertThat(subnet(f, "subnet-pd").freePrefixBlocks()).isEqualTo(16 - 2 - 4);
    }

    @Test
    void freeBlocksNeverExceedWhatAvailableIpAddressCountAllows() {
        // §10: AvailableIpAddressCount also sees consumers the inventory does not (load balancers, endpoints…).
        CniSettings pd = NodeModelTest.settings("ENABLE_PREFIX_DELEGATION=true");
        Inventory inv = new InventoryBuilder()
                .subnet("subnet-pd", VPC, "us-east-1a", "10.0.0.0/24")
                .cluster(cluster("c1").vpc(VPC).cni(pd).cniFrom(CniSource.ADDON)
                        .groups(nodeGroup("ng").managed().type("m5.large").sizes(0, 1, 1).subnets("subnet-pd")))
                .build(AS_OF);
        Subnet s = inv.subnets().get(0);
        Subnet busy = new Subnet(s.subnetId(), s.vpcId(), s.availabilityZone(), s.cidr(), 40, s.tags(),
                s.reservations());
        inv = new Inventory(inv.accountId(), inv.region(), inv.capturedAt(), List.of(busy), inv.clusters(),
                inv.nodes(), inv.otherEnis(), inv.instanceLimits(), inv.gaps());
        ForecastFigures f = Forecaster.figures(inv);

        assertThat(subnet(f, "subnet-pd").freePrefixBlocks()).isEqualTo(40 / 16);
    }

    @Test
    void maxPodsPrecedenceFollowsTheEksUserGuide() {
        var m5 = InstanceCatalog.embedded().require("m5.large");
        var m5x12 = InstanceCatalog.embedded().require("m5.12xlarge");
        CniSettings pd = NodeModelTest.settings("ENABLE_PREFIX_DELEGATION=true");
        // §8: a managed node group without a custom AMI caps at 110 (≤ 30 vCPUs) / 250, even an explicit value.
        assertThat(Forecaster.maxPods(m5, pd, managedGroup().maxPods(200).build())).isEqualTo(110);
        assertThat(Forecaster.maxPods(m5x12, pd, managedGroup().maxPods(300).build())).isEqualTo(250);
        assertThat(Forecaster.maxPods(m5, pd, managedGroup().maxPods(50).build())).isEqualTo(50);
        assertThat(Forecaster.maxPods(m5, pd, managedGroup().maxPods(0).build())).isEqualTo(110);
        assertThat(Forecaster.maxPods(m5, CniSettings.DEFAULTS, managedGroup().maxPods(0).build())).isEqualTo(29);
        // custom AMI or self-managed: the explicit kubelet value, else nodeadm's formula (no cap, not PD-aware).
        assertThat(Forecaster.maxPods(m5, pd, managedGroup().customAmi().maxPods(200).build())).isEqualTo(200);
        assertThat(Forecaster.maxPods(m5, pd, selfManagedGroup().maxPods(200).build())).isEqualTo(200);
        assertThat(Forecaster.maxPods(m5, pd, selfManagedGroup().maxPods(0).build())).isEqualTo(29);
        assertThat(Forecaster.maxPods(m5, pd, null)).isEqualTo(29);
    }

    /** A managed node group "ng" of one m5.large in subnet-a. */
    private static NodeGroupBuilder managedGroup() {
        return nodeGroup("ng").managed().type("m5.large").sizes(0, 1, 1).subnets("subnet-a");
    }

    /** The same group, self-managed. */
    private static NodeGroupBuilder selfManagedGroup() {
        return nodeGroup("ng").selfManaged().type("m5.large").sizes(0, 1, 1).subnets("subnet-a");
    }
}
