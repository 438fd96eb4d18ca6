package dev.eksip.app.inventory;

import dev.eksip.testing.inventory.InventoryFixtures;
import static dev.eksip.testing.inventory.InventoryFixtures.nodeGroup;
import static dev.eksip.testing.inventory.InventoryFixtures.limits;
import static dev.eksip.testing.inventory.InventoryFixtures.cni;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.domain.Cluster;
import dev.eksip.domain.CniSettings;
import dev.eksip.domain.CniSource;
import dev.eksip.domain.Eni;
import dev.eksip.domain.InstanceLimits;
import dev.eksip.domain.Inventory;
import dev.eksip.domain.InventoryGap;
import dev.eksip.domain.IpFamily;
import dev.eksip.domain.NodeGroup;
import dev.eksip.domain.Scope;
import dev.eksip.domain.Subnet;
import dev.eksip.simulation.InstanceCatalog;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Subnets to read, unknown instance types and the assembled inventory, from plain fact records. */
class InventoryAssemblerTest {
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    static final CniSettings CUSTOM = cni().customNetworking().build();

    static ClusterFacts cluster(String name, String vpc, List<String> subnets, VpcCniAddon addon) {
        return new ClusterFacts(name, vpc, IpFamily.IPV4, subnets, List.of(), addon);
    }

    static NodeGroupAssembly.AttributedInstance instance(String id, String cluster, String type, String subnet,
                                                         String az, List<String> interfaceSubnets) {
        return new NodeGroupAssembly.AttributedInstance(new InstanceFacts(id, type, subnet, az, Map.of(),
                interfaceSubnets), cluster, "");
    }

    static NodeGroup group(String name, List<String> types, String... subnets) {
        return nodeGroup(name).managed().types(types).sizes(1, 1, 2).subnets(subnets).build();
    }

    static SubnetFacts subnet(String id, String vpc, String owner) {
        return new SubnetFacts(new Subnet(id, vpc, "eu-west-1a", "10.0.0.0/24", 200, Map.of(), List.of()), owner);
    }

    static EniFacts eni(String id, String subnet, String instance, int device) {
        return new EniFacts(InventoryFixtures.eni(id).subnet(subnet).attachedTo(instance, device).primaryIp(id + "-ip")
                .build(), "");
    }

    @Test
    void subnetsReferencedByClustersGroupsAndNodesAreReadInTheClustersVpcs() {
        List<ClusterFacts> clusters = List.of(cluster("prod", "vpc-1", List.of("subnet-a", "subnet-b"),
                VpcCniAddon.UNAVAILABLE), cluster("dev", "vpc-2", List.of("subnet-d"), VpcCniAddon.UNAVAILABLE));
        NodeGroupAssembly.Result groups = new NodeGroupAssembly.Result(
                Map.of("prod", List.of(group("g", List.of("m5.large"), "subnet-b", "subnet-c"))),
                List.of(instance("i-1", "prod", "m5.large", "subnet-a", "eu-west-1a", List.of("subnet-a", "subnet-p")),
                        instance("i-2", "prod", "m5.large", "", "", List.of())),
                List.of());

        InventoryAssembler.SubnetQuery query = InventoryAssembler.subnetQuery(clusters, groups);

        assertThat(query.referenced()).containsExactly("subnet-a", "subnet-b", "subnet-c", "subnet-d", "subnet-p");
        assertThat(query.vpcs()).containsExactly("vpc-1", "vpc-2");
        assertThat(query.everyVpcKnown()).isTrue();
        List<ClusterFacts> oneWithoutVpc = List.of(clusters.get(0), cluster("moto", "", List.of(),
                VpcCniAddon.UNAVAILABLE));
        assertThat(InventoryAssembler.subnetQuery(oneWithoutVpc, groups).everyVpcKnown()).isFalse();
        assertThat(InventoryAssembler.subnetQuery(List.of(), groups).everyVpcKnown()).isFalse();
    }

    @Test
    void typesTheEmbeddedTableLacksAreReadAndThoseNobodyKnowsAreGaps() {
        NodeGroupAssembly.Result groups = new NodeGroupAssembly.Result(
                Map.of("prod", List.of(group("new", List.of("x9.4xlarge")), group("bogus", List.of("zz1.huge")))),
                List.of(instance("i-1", "prod", "m5.large", "subnet-a", "eu-west-1a", List.of()),
                        instance("i-2", "prod", "X9.8xlarge", "subnet-a", "eu-west-1a", List.of())),
                List.of());

        List<String> unknown = InventoryAssembler.typesMissingFrom(InstanceCatalog.embedded(), groups);

        assertThat(unknown).containsExactly("X9.8xlarge", "x9.4xlarge", "zz1.huge");
        List<InstanceLimits> found = List.of(
                limits("x9.4xlarge").maxEnis(8).ipv4PerEni(30).networkCards(2).totalEnis(16).nitro().prefixDelegation()
                        .trunking().vcpus(16).build(),
                limits("x9.8xlarge").maxEnis(8).ipv4PerEni(30).networkCards(1).totalEnis(8).trunking().vcpus(32)
                        .build());
        assertThat(InventoryAssembler.unknownTypeGaps(unknown, found)).containsExactly(new InventoryGap(
                Scope.instanceType("zz1.huge"), "", "",
                "instance type zz1.huge is unknown to the embedded table and to DescribeInstanceTypes"));
    }

    @Test
    void clustersTakeTheirCniSettingsPodSubnetsVpcAndGroupsAndTheAccountIsTheSubnetsOwner() {
        ClusterFacts prod = cluster("prod", "", List.of("subnet-x", "subnet-a"), VpcCniAddon.UNAVAILABLE);
        ClusterFacts dev = cluster("dev", "vpc-9", List.of("subnet-d"),
                new VpcCniAddon.Configured(Map.of("WARM_IP_TARGET", "5")));
        NodeGroupAssembly.Result groups = new NodeGroupAssembly.Result(
                Map.of("prod", List.of(group("g", List.of("m5.large"), "subnet-a")), "dev", List.of()),
                List.of(instance("i-1", "prod", "m5.large", "subnet-a", "eu-west-1a", List.of()),
                        instance("i-2", "prod", "m5.large", "subnet-a", "eu-west-1a", List.of())),
                List.of());
        List<SubnetFacts> subnets = List.of(subnet("subnet-a", "vpc-1", ""), subnet("subnet-d", "vpc-9", "111"),
                subnet("subnet-pa", "vpc-1", "222"));
        List<EniFacts> enis = List.of(eni("eni-1", "subnet-a", "i-1", 0), eni("eni-1p", "subnet-pa", "i-1", 1),
                eni("eni-2", "subnet-a", "i-2", 0), eni("eni-2p", "subnet-pa", "i-2", 1),
                eni("eni-lb", "subnet-d", "", -1));
        InventoryGap gap = new InventoryGap(Scope.region("eu-west-1"), "autoscaling:DescribeAutoScalingGroups",
                "AccessDenied", "self-managed node groups could not be read; their nodes count as unattributed");

        Inventory inv = InventoryAssembler.assemble(new InventoryAssembler.Facts("eu-west-1", NOW,
                List.of(dev, prod), groups, subnets, enis, List.of(), Map.of("prod", CUSTOM), List.of(gap)));

        assertThat(inv.accountId()).isEqualTo("111");
        assertThat(inv.region()).isEqualTo("eu-west-1");
        assertThat(inv.capturedAt()).isEqualTo(NOW);
        assertThat(inv.subnets()).extracting(Subnet::subnetId).containsExactly("subnet-a", "subnet-d", "subnet-pa");
        assertThat(inv.clusters()).extracting(Cluster::name).containsExactly("dev", "prod");
        Cluster devCluster = inv.clusters().get(0);
        assertThat(devCluster.cniSource()).isEqualTo(CniSource.ADDON);
        assertThat(devCluster.cni().warmIpTarget()).isEqualTo(5);
        assertThat(devCluster.vpcId()).isEqualTo("vpc-9");
        assertThat(devCluster.podSubnets()).isEmpty();
        // its own subnets, from DescribeCluster: where EKS places its control-plane ENIs
        assertThat(devCluster.subnetIds()).containsExactly("subnet-d");
        Cluster prodCluster = inv.clusters().get(1);
        assertThat(prodCluster.cniSource()).isEqualTo(CniSource.CONFIGURED);
        assertThat(prodCluster.cni()).isEqualTo(CUSTOM);
        // no VPC from EKS: the first of its subnets that was read names it
        assertThat(prodCluster.vpcId()).isEqualTo("vpc-1");
        assertThat(prodCluster.podSubnets()).isEqualTo(Map.of("eu-west-1a", "subnet-pa"));
        assertThat(prodCluster.nodeGroups()).extracting(NodeGroup::name).containsExactly("g");
        assertThat(inv.nodes()).hasSize(2).allSatisfy(n -> assertThat(n.enis()).hasSize(2));
        assertThat(inv.otherEnis()).extracting(Eni::eniId).containsExactly("eni-lb");
        assertThat(inv.gaps()).containsExactly(gap);
    }

    @Test
    void aClusterWithoutVpcOrReadSubnetsHasNoVpc() {
        Inventory inv = InventoryAssembler.assemble(new InventoryAssembler.Facts("eu-west-1", NOW,
                List.of(cluster("moto", "", List.of("subnet-gone"), VpcCniAddon.UNAVAILABLE)),
                new NodeGroupAssembly.Result(Map.of(), List.of(), List.of()), List.of(), List.of(), List.of(),
                Map.of(), List.of()));

        assertThat(inv.clusters().get(0).vpcId()).isEmpty();
        assertThat(inv.clusters().get(0).cniSource()).isEqualTo(CniSource.DEFAULT);
        assertThat(inv.accountId()).isEmpty();
    }
}
