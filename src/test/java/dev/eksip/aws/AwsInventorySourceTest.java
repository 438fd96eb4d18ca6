package dev.eksip.aws;

import static dev.eksip.testing.inventory.InventoryFixtures.nodeGroup;
import static dev.eksip.testing.inventory.InventoryFixtures.limits;
import static dev.eksip.testing.inventory.InventoryFixtures.cni;
import dev.eksip.testing.aws.SdkFakes;
import dev.eksip.domain.Scope;
import dev.eksip.domain.InterfaceType;
import dev.eksip.domain.CniSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eksip.app.AwsCallException;
import dev.eksip.domain.Cluster;
import dev.eksip.domain.CniSettings;
import dev.eksip.domain.Eni;
import dev.eksip.domain.Inventory;
import dev.eksip.domain.InventoryGap;
import dev.eksip.domain.Node;
import dev.eksip.domain.NodeGroup;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.LaunchConfiguration;
import software.amazon.awssdk.services.autoscaling.model.TagDescription;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterface;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.InstanceTypeInfo;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateVersion;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.NetworkInterfacePrivateIpAddress;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.SubnetCidrReservation;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.eks.model.Addon;
import software.amazon.awssdk.services.eks.model.Nodegroup;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

class AwsInventorySourceTest {
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    final SdkFakes.Ec2 ec2 = new SdkFakes.Ec2();
    final SdkFakes.Eks eks = new SdkFakes.Eks();
    final SdkFakes.AutoScaling autoScaling = new SdkFakes.AutoScaling();
    final List<String> progress = new ArrayList<>();

    Inventory load(List<String> clusters, Map<String, CniSettings> configured) {
        return new AwsInventorySource(ec2, eks, autoScaling, "eu-west-1", configured,
                Clock.fixed(NOW, ZoneOffset.UTC), progress::add).load(clusters);
    }

    Inventory load() {
        return load(List.of(), Map.of());
    }


    static Tag tag(String k, String v) {
        return Tag.builder().key(k).value(v).build();
    }

    void subnet(String id, String az, String cidr, int available, Tag... tags) {
        ec2.subnets.add(Subnet.builder().subnetId(id).vpcId("vpc-1").availabilityZone(az).cidrBlock(cidr)
                .availableIpAddressCount(available).ownerId("111122223333").tags(tags).build());
    }

    void cluster(String name, String... subnets) {
        eks.clusters.put(name, software.amazon.awssdk.services.eks.model.Cluster.builder().name(name)
                .resourcesVpcConfig(v -> v.vpcId("vpc-1").subnetIds(subnets)).build());
        eks.nodegroups.putIfAbsent(name, new ArrayList<>());
    }

    void managedGroup(String cluster, String name, String type, int min, int desired, int max, String... subnets) {
        managedGroup(cluster, name, List.of(type), min, desired, max, subnets);
    }

    /** A managed node group that names no instance types (they come from its launch template or its nodes). */
    void managedGroupWithoutTypes(String cluster, String name, int min, int desired, int max, String... subnets) {
        managedGroup(cluster, name, List.of(), min, desired, max, subnets);
    }

    private void managedGroup(String cluster, String name, List<String> types, int min, int desired, int max,
                              String... subnets) {
        eks.nodegroups.get(cluster).add(Nodegroup.builder().nodegroupName(name).clusterName(cluster)
                .instanceTypes(types).subnets(subnets)
                .scalingConfig(s -> s.minSize(min).desiredSize(desired).maxSize(max))
                .resources(r -> r.autoScalingGroups(a -> a.name("eks-" + name + "-uuid"))).build());
    }

    void node(String id, String cluster, String group, String type, String subnet, String az, Tag... extra) {
        List<Tag> tags = new ArrayList<>(List.of(tag("kubernetes.io/cluster/" + cluster, "owned"),
                tag("eks:nodegroup-name", group)));
        tags.addAll(List.of(extra));
        instance(id, type, subnet, az, tags);
    }

    /** A node of the cluster without the EKS node group tag (self-managed, or unattributed). */
    void ungroupedNode(String id, String cluster, String type, String subnet, String az, Tag... extra) {
        List<Tag> tags = new ArrayList<>(List.of(tag("kubernetes.io/cluster/" + cluster, "owned")));
        tags.addAll(List.of(extra));
        instance(id, type, subnet, az, tags);
    }

    private void instance(String id, String type, String subnet, String az, List<Tag> tags) {
        ec2.instances.add(Instance.builder().instanceId(id).instanceType(type).subnetId(subnet)
                .placement(p -> p.availabilityZone(az)).state(s -> s.name(InstanceStateName.RUNNING)).tags(tags)
                .networkInterfaces(InstanceNetworkInterface.builder().subnetId(subnet).build()).build());
    }

    /** An ENI of nobody's instance (a load balancer's, an endpoint's). */
    NetworkInterface unattachedEni(String id, String subnet) {
        return networkInterface(id, subnet, null, 0);
    }

    NetworkInterface eni(String id, String subnet, String instance, int device, int secondaries, String... prefixes) {
        return networkInterface(id, subnet, software.amazon.awssdk.services.ec2.model.NetworkInterfaceAttachment
                .builder().instanceId(instance).deviceIndex(device).build(), secondaries, prefixes);
    }

    private NetworkInterface networkInterface(String id, String subnet,
                                              software.amazon.awssdk.services.ec2.model.NetworkInterfaceAttachment
                                                      attachment, int secondaries, String... prefixes) {
        List<NetworkInterfacePrivateIpAddress> ips = new ArrayList<>();
        ips.add(NetworkInterfacePrivateIpAddress.builder().privateIpAddress(id + "-ip0").primary(true).build());
        for (int i = 1; i <= secondaries; i++)
            ips.add(NetworkInterfacePrivateIpAddress.builder().privateIpAddress(id + "-ip" + i).primary(false).build());
        NetworkInterface n = NetworkInterface.builder().networkInterfaceId(id).subnetId(subnet)
                .privateIpAddress(id + "-ip0").privateIpAddresses(ips).interfaceType("interface")
                .attachment(attachment)
                .ipv4Prefixes(java.util.Arrays.stream(prefixes).map(p -> software.amazon.awssdk.services.ec2.model
                        .Ipv4PrefixSpecification.builder().ipv4Prefix(p).build()).toList())
                .build();
        ec2.interfaces.add(n);
        return n;
    }

    /** Two clusters: prod (2 managed groups, 3 nodes) and dev (1 managed group, 1 node). */
    void twoClusters() {
        subnet("subnet-a", "eu-west-1a", "10.0.0.0/24", 200);
        subnet("subnet-b", "eu-west-1b", "10.0.1.0/24", 230);
        subnet("subnet-d", "eu-west-1a", "10.0.9.0/24", 240);
        subnet("subnet-other", "eu-west-1c", "10.0.99.0/24", 251); // no cluster uses it
        cluster("prod", "subnet-a", "subnet-b");
        cluster("dev", "subnet-d");
        managedGroup("prod", "general", "m5.large", 1, 2, 4, "subnet-a", "subnet-b");
        managedGroup("prod", "batch", "c5.xlarge", 0, 1, 3, "subnet-b");
        managedGroup("dev", "small", "t3.medium", 1, 1, 2, "subnet-d");
        node("i-1", "prod", "general", "m5.large", "subnet-a", "eu-west-1a");
        node("i-2", "prod", "general", "m5.large", "subnet-b", "eu-west-1b");
        node("i-3", "prod", "batch", "c5.xlarge", "subnet-b", "eu-west-1b");
        node("i-9", "dev", "small", "t3.medium", "subnet-d", "eu-west-1a");
        eni("eni-1", "subnet-a", "i-1", 0, 9);
        eni("eni-1b", "subnet-a", "i-1", 1, 9);
        eni("eni-2", "subnet-b", "i-2", 0, 9);
        eni("eni-3", "subnet-b", "i-3", 0, 14);
        eni("eni-9", "subnet-d", "i-9", 0, 5);
        unattachedEni("eni-lb", "subnet-a");
    }


    @Test
    void readsClustersNodeGroupsNodesAndEnis() {
        twoClusters();
        Inventory inv = load();

        assertThat(inv.capturedAt()).isEqualTo(NOW);
        assertThat(inv.region()).isEqualTo("eu-west-1");
        assertThat(inv.accountId()).isEqualTo("111122223333");
        assertThat(inv.clusters()).extracting(Cluster::name).containsExactly("dev", "prod");
        assertThat(inv.subnets()).extracting(s -> s.subnetId()).containsExactly("subnet-a", "subnet-b", "subnet-d");
        Cluster prod = inv.clusters().get(1);
        assertThat(prod.nodeGroups()).containsExactly(
                nodeGroup("batch").managed().type("c5.xlarge").sizes(0, 1, 3).subnets("subnet-b")
                        .autoScalingGroup("eks-batch-uuid").build(),
                nodeGroup("general").managed().type("m5.large").sizes(1, 2, 4).subnets("subnet-a", "subnet-b")
                        .autoScalingGroup("eks-general-uuid").build());
        Node n1 = inv.nodes().stream().filter(n -> n.instanceId().equals("i-1")).findFirst().orElseThrow();
        assertThat(n1.nodeGroup()).isEqualTo("general");
        assertThat(n1.enis()).extracting(Eni::eniId).containsExactly("eni-1", "eni-1b");
        assertThat(n1.enis().get(1).secondaryIps()).hasSize(9);
        assertThat(inv.otherEnis()).extracting(Eni::eniId).containsExactly("eni-lb");
        assertThat(inv.gaps()).isEmpty();
        assertThat(progress).isNotEmpty();
    }

    @Test
    void followsEveryPageOfSubnetsInstancesEnisAndReservations() {
        twoClusters();
        for (int i = 0; i < 7; i++) unattachedEni("eni-extra-" + i, "subnet-b");
        ec2.reservations.put("subnet-a", List.of(
                SubnetCidrReservation.builder().subnetCidrReservationId("scr-1").cidr("10.0.0.128/28")
                        .reservationType("prefix").build(),
                SubnetCidrReservation.builder().subnetCidrReservationId("scr-2").cidr("10.0.0.144/28")
                        .reservationType("explicit").build(),
                SubnetCidrReservation.builder().subnetCidrReservationId("scr-3").cidr("10.0.0.160/28")
                        .reservationType("prefix").build()));
        ec2.pageSize = 2;
        eks.pageSize = 1;

        Inventory inv = load();

        assertThat(inv.subnets()).hasSize(3);
        assertThat(inv.nodes()).hasSize(4);
        assertThat(inv.otherEnis()).hasSize(8);
        assertThat(inv.nodes().stream().mapToInt(n -> n.enis().size()).sum()).isEqualTo(5);
        assertThat(inv.subnets().get(0).reservations()).extracting(r -> r.reservationId())
                .containsExactly("scr-1", "scr-2", "scr-3");
        assertThat(inv.clusters()).hasSize(2);
        // pages, not items: 13 ENIs in the 3 subnets at 2 per page = 7 calls; 4 nodes = 2 calls
        assertThat(ec2.count("DescribeNetworkInterfaces")).isEqualTo(7);
        assertThat(ec2.count("DescribeInstances")).isEqualTo(2);
        // the 4 subnets of the VPC = 2 pages (the unused one is dropped)
        assertThat(ec2.count("DescribeSubnets")).isEqualTo(2);
        // one subnet with 3 reservations = 2 pages, the two others 1 page each
        assertThat(ec2.count("GetSubnetCidrReservations")).isEqualTo(4);
        assertThat(eks.calls.stream().filter("ListClusters"::equals).count()).isEqualTo(2);
    }

    @Test
    void morePagesOfFilterValuesThanEc2AcceptsAreSplitIntoBatchesOf200() {
        subnet("subnet-a", "eu-west-1a", "10.0.0.0/24", 200);
        List<String> many = IntStream.range(0, 450).mapToObj(i -> "subnet-x" + i).toList();
        String[] subnets = new ArrayList<>(many) {{ add("subnet-a"); }}.toArray(String[]::new);
        cluster("prod", subnets);

        Inventory inv = load();

        assertThat(inv.subnets()).extracting(s -> s.subnetId()).containsExactly("subnet-a");
        // one by VPC, then the 450 referenced subnets it lacks → 3 batches of at most 200 ids
        assertThat(ec2.count("DescribeSubnets")).isEqualTo(4);
    }

    @Test
    void ipv4PrefixesAndBranchEnisAreRead() {
        subnet("subnet-a", "eu-west-1a", "10.0.0.0/24", 150);
        cluster("prod", "subnet-a");
        managedGroup("prod", "pd", "m5.large", 1, 1, 2, "subnet-a");
        node("i-1", "prod", "pd", "m5.large", "subnet-a", "eu-west-1a");
        eni("eni-1", "subnet-a", "i-1", 0, 0, "10.0.0.16/28", "10.0.0.32/28");
        NetworkInterface trunk = eni("eni-trunk", "subnet-a", "i-1", 2, 0).toBuilder().interfaceType("trunk").build();
        ec2.interfaces.set(ec2.interfaces.size() - 1, trunk);
        ec2.interfaces.add(NetworkInterface.builder().networkInterfaceId("eni-branch").subnetId("subnet-a")
                .privateIpAddress("10.0.0.77").interfaceType("branch")
                .tagSet(tag("vpcresources.k8s.aws/trunk-eni-id", "eni-trunk")).build());

        Inventory inv = load();

        Node n = inv.nodes().get(0);
        assertThat(n.enis()).extracting(Eni::eniId).containsExactly("eni-1", "eni-trunk", "eni-branch");
        Eni primary = n.enis().get(0);
        assertThat(primary.prefixes()).containsExactly("10.0.0.16/28", "10.0.0.32/28");
        assertThat(primary.take().addresses()).isEqualTo(1 + 32);
        assertThat(n.enis().get(1).interfaceType()).isEqualTo(InterfaceType.TRUNK);
        assertThat(n.enis().get(2).interfaceType()).isEqualTo(InterfaceType.BRANCH);
        assertThat(n.enis().get(2).deviceIndex()).isEqualTo(-1);
        assertThat(inv.otherEnis()).isEmpty();
    }

    @Test
    void oneAtATimeAndConcurrentReadsGiveTheSameInventoryGapsInTheSameOrderAndTheSameCalls() {
        twoClusters();
        for (int c = 0; c < 12; c++) {
            cluster("extra-" + c, "subnet-d");
            for (int g = 0; g < 5; g++) managedGroup("extra-" + c, "ng-" + g, "t3.medium", 0, 0, 2, "subnet-d");
        }
        eks.failures.put("DescribeNodegroup/extra-3", SdkFakes.eksError("AccessDeniedException", 403));
        eks.failures.put("DescribeCluster/extra-7", SdkFakes.eksError("AccessDeniedException", 403));
        eks.failures.put("DescribeNodegroup/dev", SdkFakes.eksError("AccessDeniedException", 403));

        Inventory serial = load(1);
        List<String> serialCalls = calls();
        clearCalls();
        Inventory concurrent = load(16);

        assertThat(concurrent).isEqualTo(serial);
        assertThat(serial.gaps()).extracting(InventoryGap::scope).containsExactlyElementsOf(Stream.of(
                "dev", "extra-3", "extra-3", "extra-3", "extra-3", "extra-3", "extra-7").map(Scope::cluster).toList());
        assertThat(calls()).containsExactlyInAnyOrderElementsOf(serialCalls);
    }

    Inventory load(int readConcurrency) {
        return new AwsInventorySource(ec2, eks, autoScaling, "eu-west-1", Map.of(),
                Clock.fixed(NOW, ZoneOffset.UTC), progress::add, readConcurrency).load(List.of());
    }

    List<String> calls() {
        List<String> all = new ArrayList<>(ec2.calls);
        all.addAll(eks.calls);
        all.addAll(autoScaling.calls);
        return all;
    }

    void clearCalls() {
        ec2.calls.clear();
        eks.calls.clear();
        autoScaling.calls.clear();
    }

    @Test
    void accessDeniedOnOneClustersNodeGroupIsAGapAndTheRestIsRead() {
        twoClusters();
        eks.failures.put("DescribeNodegroup/dev", SdkFakes.eksError("AccessDeniedException", 403));

        Inventory inv = load();

        assertThat(inv.gaps()).containsExactly(new InventoryGap(Scope.parse("cluster/dev").orElseThrow(), "eks:DescribeNodegroup",
                "AccessDeniedException",
                "managed node group small could not be described; its nodes count as unattributed"));
        Cluster dev = inv.clusters().get(0);
        assertThat(dev.name()).isEqualTo("dev");
        assertThat(dev.nodeGroups()).isEmpty();
        // dev's node is kept, unattributed; prod is complete
        Node devNode = inv.nodes().stream().filter(n -> n.cluster().equals("dev")).findFirst().orElseThrow();
        assertThat(devNode.nodeGroup()).isEmpty();
        assertThat(devNode.enis()).hasSize(1);
        assertThat(inv.clusters().get(1).nodeGroups()).hasSize(2);
        assertThat(inv.nodes()).hasSize(4);
    }

    @Test
    void accessDeniedOnDescribeClusterKeepsTheNodesAndReportsTheGap() {
        twoClusters();
        eks.failures.put("DescribeCluster/dev", SdkFakes.eksError("AccessDeniedException", 403));

        Inventory inv = load();

        assertThat(inv.clusters()).extracting(Cluster::name).containsExactly("prod");
        assertThat(inv.gaps()).extracting(InventoryGap::scope, InventoryGap::operation, InventoryGap::errorCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Scope.parse("cluster/dev").orElseThrow(), "eks:DescribeCluster",
                        "AccessDeniedException"));
        assertThat(inv.nodes()).extracting(Node::instanceId).contains("i-9");
    }

    @Test
    void aDeniedAutoScalingCallIsAGap() {
        twoClusters();
        autoScaling.failures.put("DescribeAutoScalingGroups", SdkFakes.autoScalingError("AccessDenied"));

        Inventory inv = load();

        assertThat(inv.gaps()).extracting(InventoryGap::operation, InventoryGap::errorCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("autoscaling:DescribeAutoScalingGroups",
                        "AccessDenied"));
        assertThat(inv.nodes()).hasSize(4);
    }

    @Test
    void aDeniedCoreEc2CallFailsNamingTheCallAndCode() {
        twoClusters();
        ec2.failures.put("DescribeInstances", SdkFakes.ec2Error("UnauthorizedOperation"));

        assertThatThrownBy(this::load).isInstanceOfSatisfying(AwsCallException.class, e -> {
            assertThat(e.operation()).isEqualTo("ec2:DescribeInstances");
            assertThat(e.errorCode()).isEqualTo("UnauthorizedOperation");
            assertThat(e.getMessage()).contains("ec2:DescribeInstances").contains("UnauthorizedOperation");
        });
    }

    @Test
    void aClientSideFailureOfAGapCallIsAGapButOfACoreEc2CallIsFatal() {
        twoClusters();
        eks.failures.put("DescribeAddon/dev", SdkClientException.create("Unable to execute HTTP request: timed out"));

        Inventory inv = load();

        assertThat(inv.gaps()).containsExactly(new InventoryGap(Scope.cluster("dev"), "eks:DescribeAddon",
                "SdkClientException",
                "vpc-cni add-on settings of cluster dev could not be read; configured or default CNI settings used"));
        assertThat(inv.clusters()).extracting(Cluster::name, Cluster::cniSource).containsExactly(
                org.assertj.core.groups.Tuple.tuple("dev", CniSource.DEFAULT),
                org.assertj.core.groups.Tuple.tuple("prod", CniSource.DEFAULT));
        assertThat(inv.nodes()).hasSize(4);

        ec2.failures.put("DescribeSubnets", SdkClientException.create("Unable to execute HTTP request: timed out"));
        assertThatThrownBy(this::load).isInstanceOfSatisfying(AwsCallException.class, e -> {
            assertThat(e.operation()).isEqualTo("ec2:DescribeSubnets");
            assertThat(e.errorCode()).isEqualTo("SdkClientException");
        });
    }

    @Test
    void aFailedLaunchConfigurationReadIsARegionGapAndTheGroupTakesItsNodesTypes() {
        subnet("subnet-a", "eu-west-1a", "10.0.0.0/24", 200);
        cluster("prod", "subnet-a");
        TagDescription owned = TagDescription.builder().key("kubernetes.io/cluster/prod").value("owned").build();
        autoScaling.groups.add(AutoScalingGroup.builder().autoScalingGroupName("legacy").minSize(0)
                .desiredCapacity(1).maxSize(2).vpcZoneIdentifier("subnet-a").tags(owned)
                .launchConfigurationName("lc-1").build());
        autoScaling.failures.put("DescribeLaunchConfigurations", ApiCallTimeoutException.create(1000));
        ungroupedNode("i-1", "prod", "t3.large", "subnet-a", "eu-west-1a", tag("aws:autoscaling:groupName", "legacy"));

        Inventory inv = load();

        assertThat(inv.gaps()).containsExactly(new InventoryGap(Scope.region("eu-west-1"),
                "autoscaling:DescribeLaunchConfigurations", "ApiCallTimeoutException",
                "launch configurations could not be read; node group instance types taken from running nodes"));
        assertThat(inv.clusters().get(0).nodeGroups()).singleElement()
                .satisfies(g -> assertThat(g.instanceTypes()).containsExactly("t3.large"));
    }

    @Test
    void cniSettingsComeFromTheAddonThenConfiguredDefaultsThenIpamdDefaults() {
        twoClusters();
        subnet("subnet-y", "eu-west-1a", "10.0.20.0/24", 251);
        cluster("yaml", "subnet-y");
        cluster("broken", "subnet-y");
        eks.addons.put("prod", Addon.builder().addonName("vpc-cni")
                .configurationValues("{\"env\":{\"ENABLE_PREFIX_DELEGATION\":\"true\",\"WARM_PREFIX_TARGET\":\"2\"}}")
                .build());
        eks.addons.put("yaml", Addon.builder().addonName("vpc-cni")
                .configurationValues("env:\n  WARM_IP_TARGET: 5\n  MINIMUM_IP_TARGET: \"10\"\n").build());
        eks.failures.put("DescribeAddon/broken", SdkFakes.eksError("AccessDeniedException", 403));
        CniSettings devSettings = cni().warmEniTarget(2).build();

        Inventory inv = load(List.of(), Map.of("dev", devSettings, "broken", devSettings));

        Map<String, Cluster> byName = new java.util.HashMap<>();
        inv.clusters().forEach(c -> byName.put(c.name(), c));
        assertThat(byName.get("prod").cniSource()).isEqualTo(CniSource.ADDON);
        assertThat(byName.get("prod").cni()).isEqualTo(cni().prefixDelegation().warmPrefixTarget(2).build());
        assertThat(byName.get("yaml").cniSource()).isEqualTo(CniSource.ADDON);
        assertThat(byName.get("yaml").cni().warmIpTarget()).isEqualTo(5);
        assertThat(byName.get("yaml").cni().minimumIpTarget()).isEqualTo(10);
        assertThat(byName.get("dev").cniSource()).isEqualTo(CniSource.CONFIGURED);
        assertThat(byName.get("dev").cni()).isEqualTo(devSettings);
        assertThat(byName.get("broken").cniSource()).isEqualTo(CniSource.CONFIGURED);
        assertThat(inv.gaps()).extracting(InventoryGap::scope, InventoryGap::operation)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Scope.parse("cluster/broken").orElseThrow(), "eks:DescribeAddon"));
    }

    @Test
    void theEveryClusterEntryOfConfiguredSettingsAppliesToClustersWithoutTheirOwn() {
        twoClusters();
        CniSettings everyone = cni().warmIpTarget(5).minimumIpTarget(10).build();
        CniSettings dev = cni().warmEniTarget(0).build();

        Inventory inv = load(List.of(), Map.of("*", everyone, "dev", dev));

        Map<String, Cluster> byName = new java.util.HashMap<>();
        inv.clusters().forEach(c -> byName.put(c.name(), c));
        assertThat(byName.get("dev").cni()).isEqualTo(dev);
        assertThat(byName.get("prod").cniSource()).isEqualTo(CniSource.CONFIGURED);
        assertThat(byName.get("prod").cni()).isEqualTo(everyone);
    }

    @Test
    void instanceTypesMissingFromTheTableAreReadInOnePagedCallAndUnknownOnesAreGaps() {
        subnet("subnet-a", "eu-west-1a", "10.0.0.0/24", 200);
        cluster("prod", "subnet-a");
        managedGroup("prod", "new", "x9.4xlarge", 1, 1, 2, "subnet-a");
        managedGroup("prod", "newer", "x9.8xlarge", 1, 1, 2, "subnet-a");
        managedGroup("prod", "bogus", "zz1.huge", 0, 0, 1, "subnet-a");
        node("i-1", "prod", "new", "x9.4xlarge", "subnet-a", "eu-west-1a");
        node("i-2", "prod", "new", "m5.large", "subnet-a", "eu-west-1a");
        ec2.instanceTypes.add(InstanceTypeInfo.builder().instanceType("x9.4xlarge").hypervisor("nitro")
                .bareMetal(false).vCpuInfo(v -> v.defaultVCpus(16))
                .networkInfo(n -> n.maximumNetworkInterfaces(16).ipv4AddressesPerInterface(30).maximumNetworkCards(2)
                        .defaultNetworkCardIndex(0).networkCards(c -> c.networkCardIndex(0).maximumNetworkInterfaces(8),
                                c -> c.networkCardIndex(1).maximumNetworkInterfaces(8)))
                .build());
        ec2.instanceTypes.add(InstanceTypeInfo.builder().instanceType("x9.8xlarge").hypervisor("xen")
                .vCpuInfo(v -> v.defaultVCpus(32))
                .networkInfo(n -> n.maximumNetworkInterfaces(8).ipv4AddressesPerInterface(30)).build());
        ec2.pageSize = 1;

        Inventory inv = load();

        assertThat(inv.instanceLimits()).containsExactly(
                limits("x9.4xlarge").maxEnis(8).ipv4PerEni(30).networkCards(2).totalEnis(16).nitro().prefixDelegation()
                        .trunking().vcpus(16).build(),
                limits("x9.8xlarge").maxEnis(8).ipv4PerEni(30).networkCards(1).totalEnis(8).trunking().vcpus(32)
                        .build());
        // one paginated call: 2 types found at 1 per page = 2 pages
        assertThat(ec2.count("DescribeInstanceTypes")).isEqualTo(2);
        assertThat(inv.gaps()).containsExactly(new InventoryGap(Scope.parse("instance-type/zz1.huge").orElseThrow(), "", "",
                "instance type zz1.huge is unknown to the embedded table and to DescribeInstanceTypes"));
    }

    @Test
    void selfManagedGroupsTakeTypesFromOverridesLaunchTemplatesOrLaunchConfigurations() {
        subnet("subnet-a", "eu-west-1a", "10.0.0.0/24", 200);
        subnet("subnet-b", "eu-west-1b", "10.0.1.0/24", 200);
        cluster("prod", "subnet-a");
        TagDescription owned = TagDescription.builder().key("kubernetes.io/cluster/prod").value("owned").build();
        autoScaling.groups.add(AutoScalingGroup.builder().autoScalingGroupName("mixed").minSize(0).desiredCapacity(1)
                .maxSize(3).vpcZoneIdentifier("subnet-a, subnet-b").tags(owned)
                .mixedInstancesPolicy(m -> m.launchTemplate(l -> l.launchTemplateSpecification(s -> s
                        .launchTemplateId("lt-1")).overrides(o -> o.instanceType("m5.large"), o -> o.instanceType("m5a.large"))))
                .build());
        autoScaling.groups.add(AutoScalingGroup.builder().autoScalingGroupName("templated").minSize(1)
                .desiredCapacity(2).maxSize(4).vpcZoneIdentifier("subnet-b").tags(owned)
                .launchTemplate(l -> l.launchTemplateId("lt-2").version("$Default")).build());
        autoScaling.groups.add(AutoScalingGroup.builder().autoScalingGroupName("legacy").minSize(0)
                .desiredCapacity(0).maxSize(2).vpcZoneIdentifier("subnet-a").tags(owned)
                .launchConfigurationName("lc-1").build());
        // an EKS-managed group's ASG is not a self-managed group
        autoScaling.groups.add(AutoScalingGroup.builder().autoScalingGroupName("eks-general-uuid").minSize(0)
                .desiredCapacity(0).maxSize(2).vpcZoneIdentifier("subnet-a").tags(owned,
                        TagDescription.builder().key("eks:nodegroup-name").value("general").build()).build());
        ec2.templates.put("lt-1", List.of(LaunchTemplateVersion.builder().versionNumber(1L).defaultVersion(true)
                .launchTemplateData(d -> d.userData("")).build()));
        ec2.templates.put("lt-2", List.of(
                LaunchTemplateVersion.builder().versionNumber(1L).defaultVersion(true)
                        .launchTemplateData(d -> d.instanceType("c5.large")).build(),
                LaunchTemplateVersion.builder().versionNumber(2L).defaultVersion(false)
                        .launchTemplateData(d -> d.instanceType("c5.xlarge")).build()));
        autoScaling.launchConfigurations.add(LaunchConfiguration.builder().launchConfigurationName("lc-1")
                .instanceType("t3.large").build());
        ungroupedNode("i-1", "prod", "c5.large", "subnet-b", "eu-west-1b",
                tag("aws:autoscaling:groupName", "templated"));
        ungroupedNode("i-2", "prod", "m5.large", "subnet-a", "eu-west-1a", tag("aws:autoscaling:groupName", "gone"));

        Inventory inv = load();

        List<NodeGroup> groups = inv.clusters().get(0).nodeGroups();
        assertThat(groups).containsExactly(
                nodeGroup("legacy").selfManaged().type("t3.large").sizes(0, 0, 2).subnets("subnet-a")
                        .autoScalingGroup("legacy").build()
                        .withMaxPods(0, "launch configuration lc-1 user data is empty"),
                nodeGroup("mixed").selfManaged().types("m5.large", "m5a.large").sizes(0, 1, 3)
                        .subnets("subnet-a", "subnet-b").autoScalingGroup("mixed").build()
                        .withMaxPods(0, "launch template lt-1 version $Default user data is empty"),
                nodeGroup("templated").selfManaged().type("c5.large").sizes(1, 2, 4).subnets("subnet-b")
                        .autoScalingGroup("templated").build()
                        .withMaxPods(0, "launch template lt-2 version $Default user data is empty"));
        assertThat(inv.nodes()).extracting(Node::instanceId, Node::nodeGroup).containsExactly(
                org.assertj.core.groups.Tuple.tuple("i-1", "templated"),
                org.assertj.core.groups.Tuple.tuple("i-2", "")); // its ASG is unknown: kept, unattributed
        // lt-1 too, though its group names its types: a self-managed group's user data decides its max pods
        assertThat(ec2.count("DescribeLaunchTemplateVersions")).isEqualTo(2);
        assertThat(inv.gaps()).isEmpty();
    }

    @Test
    void aManagedGroupWithoutTypesUsesItsLaunchTemplateElseItsNodes() {
        subnet("subnet-a", "eu-west-1a", "10.0.0.0/24", 200);
        cluster("prod", "subnet-a");
        eks.nodegroups.get("prod").add(Nodegroup.builder().nodegroupName("lt").amiType("CUSTOM").subnets("subnet-a")
                .scalingConfig(s -> s.minSize(1).desiredSize(1).maxSize(1))
                .launchTemplate(l -> l.id("lt-9").version("3")).build());
        managedGroupWithoutTypes("prod", "observed", 1, 1, 1, "subnet-a");
        ec2.templates.put("lt-9", List.of(LaunchTemplateVersion.builder().versionNumber(3L)
                .launchTemplateData(d -> d.instanceType("r5.large")).build()));
        node("i-1", "prod", "observed", "m6i.large", "subnet-a", "eu-west-1a");

        Inventory inv = load();

        List<NodeGroup> groups = inv.clusters().get(0).nodeGroups();
        assertThat(groups.get(0).name()).isEqualTo("lt");
        assertThat(groups.get(0).customAmi()).isTrue();
        assertThat(groups.get(0).instanceTypes()).containsExactly("r5.large");
        assertThat(groups.get(1).instanceTypes()).containsExactly("m6i.large");
        assertThat(inv.gaps()).isEmpty();
    }

    @Test
    void customNetworkingPodSubnetsAreInferredPerZoneFromPodEnis() {
        subnet("subnet-a", "eu-west-1a", "10.0.0.0/24", 200);
        subnet("subnet-b", "eu-west-1b", "10.0.1.0/24", 200);
        subnet("subnet-pa", "eu-west-1a", "100.64.0.0/20", 4000);
        subnet("subnet-pb", "eu-west-1b", "100.64.16.0/20", 4000);
        cluster("prod", "subnet-a", "subnet-b");
        managedGroup("prod", "g", "m5.large", 1, 2, 3, "subnet-a", "subnet-b");
        node("i-1", "prod", "g", "m5.large", "subnet-a", "eu-west-1a");
        node("i-2", "prod", "g", "m5.large", "subnet-b", "eu-west-1b");
        eni("eni-1", "subnet-a", "i-1", 0, 0);
        eni("eni-1p", "subnet-pa", "i-1", 1, 9);
        eni("eni-2", "subnet-b", "i-2", 0, 0);
        eni("eni-2p", "subnet-pb", "i-2", 1, 9);
        // instance-level ENI list names the pod subnets too, so they are read
        ec2.instances.replaceAll(i -> i.toBuilder().networkInterfaces(ec2.interfaces.stream()
                .filter(n -> n.attachment() != null && n.attachment().instanceId().equals(i.instanceId()))
                .map(n -> InstanceNetworkInterface.builder().subnetId(n.subnetId()).build()).toList()).build());
        CniSettings custom = cni().customNetworking().build();

        Inventory inv = load(List.of(), Map.of("prod", custom));

        assertThat(inv.clusters().get(0).podSubnets())
                .isEqualTo(Map.of("eu-west-1a", "subnet-pa", "eu-west-1b", "subnet-pb"));
        assertThat(inv.subnets()).extracting(s -> s.subnetId())
                .containsExactly("subnet-a", "subnet-b", "subnet-pa", "subnet-pb");
    }

    @Test
    void aClusterWithoutAVpcIdIsPlacedByItsSubnets() {
        twoClusters();
        eks.clusters.put("dev", eks.clusters.get("dev").toBuilder().resourcesVpcConfig(v -> v.subnetIds("subnet-d"))
                .build());
        subnet("subnet-cni", "eu-west-1a", "10.0.64.0/20", 4000, tag("kubernetes.io/role/cni", "1"));

        Inventory inv = load();

        assertThat(inv.clusters().get(0).vpcId()).isEqualTo("vpc-1");
        assertThat(inv.subnets()).extracting(s -> s.subnetId())
                .containsExactly("subnet-a", "subnet-b", "subnet-cni", "subnet-d");
        assertThat(ec2.count("DescribeSubnets")).isEqualTo(2);
    }

    @Test
    void subnetDiscoveryCandidatesInTheClustersVpcAreRead() {
        twoClusters();
        subnet("subnet-cni", "eu-west-1a", "10.0.64.0/20", 4000, tag("kubernetes.io/role/cni", "1"));
        subnet("subnet-nocni", "eu-west-1a", "10.0.80.0/20", 4000, tag("kubernetes.io/role/cni", "0"));

        Inventory inv = load();

        assertThat(inv.subnets()).extracting(s -> s.subnetId()).contains("subnet-cni").doesNotContain("subnet-nocni");
    }

    @Test
    void aClusterFilterReadsOnlyThoseClustersWithoutListingAll() {
        twoClusters();

        Inventory inv = load(List.of("dev"), Map.of());

        assertThat(inv.clusters()).extracting(Cluster::name).containsExactly("dev");
        assertThat(inv.nodes()).extracting(Node::instanceId).containsExactly("i-9");
        assertThat(eks.calls).doesNotContain("ListClusters");
    }

    @Test
    void aNodeTaggedOnlyWithEksClusterNameIsReadWhenReadingEveryCluster() {
        twoClusters();
        ec2.instances.add(Instance.builder().instanceId("i-eks").instanceType("m5.large").subnetId("subnet-a")
                .placement(p -> p.availabilityZone("eu-west-1a")).state(st -> st.name(InstanceStateName.RUNNING))
                .tags(tag("eks:cluster-name", "prod"), tag("eks:nodegroup-name", "general")).build());
        ec2.instances.add(Instance.builder().instanceId("i-elsewhere").instanceType("m5.large").subnetId("subnet-a")
                .tags(tag("eks:cluster-name", "not-read")).build());

        assertThat(load().nodes()).extracting(Node::instanceId).contains("i-eks").doesNotContain("i-elsewhere");
        assertThat(load(List.of("dev"), Map.of()).nodes()).extracting(Node::instanceId).containsExactly("i-9");
    }
}
