package dev.eksip.aws;

import dev.eksip.testing.inventory.InventoryFixtures;
import static dev.eksip.testing.inventory.InventoryFixtures.nodeGroup;
import static dev.eksip.testing.inventory.InventoryFixtures.limits;
import dev.eksip.domain.ReservationType;
import dev.eksip.domain.InterfaceType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eksip.domain.Eni;
import dev.eksip.domain.Subnet;
import dev.eksip.app.inventory.AutoScalingGroupFacts;
import dev.eksip.app.inventory.ClusterFacts;
import dev.eksip.app.inventory.InstanceFacts;
import dev.eksip.app.inventory.LaunchSpec;
import dev.eksip.app.inventory.ManagedNodeGroupFacts;
import dev.eksip.app.inventory.VpcCniAddon;
import dev.eksip.domain.IpFamily;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterface;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.ec2.model.InstanceTypeInfo;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.NetworkInterfacePrivateIpAddress;
import software.amazon.awssdk.services.ec2.model.SubnetCidrReservation;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.eks.model.Nodegroup;

import java.util.List;
import java.util.Map;

/** The SDK → domain mappings, with SDK builders. */
class MappingTest {
    @Test
    void subnetKeepsAvailableCountTagsAndReservations() {
        var s = software.amazon.awssdk.services.ec2.model.Subnet.builder().subnetId("subnet-1").vpcId("vpc-1")
                .availabilityZone("us-east-1a").cidrBlock("10.0.0.0/24").availableIpAddressCount(187)
                .tags(Tag.builder().key("kubernetes.io/role/cni").value("1").build()).build();
        Subnet mapped = Ec2Mapping.subnet(s, List.of(SubnetCidrReservation.builder().subnetCidrReservationId("scr-1")
                .cidr("10.0.0.64/28").reservationType("prefix").build()));
        assertThat(mapped).isEqualTo(new Subnet("subnet-1", "vpc-1", "us-east-1a", "10.0.0.0/24", 187,
                Map.of("kubernetes.io/role/cni", "1"),
                List.of(new Subnet.CidrReservation("scr-1", "10.0.0.64/28", ReservationType.PREFIX))));
    }

    @Test
    void eniSeparatesPrimaryFromSecondaryAddressesAndReadsPrefixesTypeAndNoManage() {
        NetworkInterface n = NetworkInterface.builder().networkInterfaceId("eni-1").subnetId("subnet-1")
                .privateIpAddress("10.0.0.5").interfaceType("interface")
                .attachment(a -> a.instanceId("i-1").deviceIndex(1))
                .privateIpAddresses(
                        NetworkInterfacePrivateIpAddress.builder().privateIpAddress("10.0.0.5").primary(true).build(),
                        NetworkInterfacePrivateIpAddress.builder().privateIpAddress("10.0.0.6").primary(false).build(),
                        NetworkInterfacePrivateIpAddress.builder().privateIpAddress("10.0.0.7").primary(false).build())
                .ipv4Prefixes(p -> p.ipv4Prefix("10.0.0.16/28"))
                .tagSet(Tag.builder().key("node.k8s.amazonaws.com/no_manage").value("true").build())
                .build();
        Eni eni = Ec2Mapping.eni(n);
        assertThat(eni).isEqualTo(InventoryFixtures.eni("eni-1").subnet("subnet-1").attachedTo("i-1", 1)
                .type(InterfaceType.INTERFACE).primaryIp("10.0.0.5").secondaryIps("10.0.0.6", "10.0.0.7")
                .prefixes("10.0.0.16/28").noManage().build());
        assertThat(eni.take().addresses()).isEqualTo(1 + 2 + 16);
    }

    @Test
    void anUnattachedEniHasNoInstanceAndDeviceMinusOne() {
        Eni eni = Ec2Mapping.eni(NetworkInterface.builder().networkInterfaceId("eni-2").subnetId("subnet-1")
                .privateIpAddress("10.0.0.9").build());
        assertThat(eni.instanceId()).isEmpty();
        assertThat(eni.deviceIndex()).isEqualTo(-1);
        assertThat(eni.interfaceType()).isEqualTo(InterfaceType.INTERFACE);
        assertThat(eni.noManage()).isFalse();
        assertThat(eni.secondaryIps()).isEmpty();
    }

    @Test
    void instanceLimitsUseTheDefaultCardsEniCountNotTheInstanceTotal() {
        InstanceTypeInfo t = InstanceTypeInfo.builder().instanceType("p5.48xlarge").hypervisor("nitro")
                .bareMetal(false).vCpuInfo(v -> v.defaultVCpus(192))
                .networkInfo(n -> n.maximumNetworkInterfaces(64).ipv4AddressesPerInterface(50).maximumNetworkCards(32)
                        .defaultNetworkCardIndex(0)
                        .networkCards(c -> c.networkCardIndex(0).maximumNetworkInterfaces(2),
                                c -> c.networkCardIndex(1).maximumNetworkInterfaces(2)))
                .build();
        assertThat(Ec2Mapping.instanceLimits(t)).contains(
                limits("p5.48xlarge").maxEnis(2).ipv4PerEni(50).networkCards(32).totalEnis(64).nitro()
                        .prefixDelegation().trunking().vcpus(192).build());
    }

    @Test
    void bareMetalSupportsPrefixesWithoutNitroAndTypesWithoutNetworkInfoAreSkipped() {
        InstanceTypeInfo metal = InstanceTypeInfo.builder().instanceType("i3.metal").bareMetal(true)
                .networkInfo(n -> n.maximumNetworkInterfaces(15).ipv4AddressesPerInterface(50)).build();
        assertThat(Ec2Mapping.instanceLimits(metal)).hasValueSatisfying(l -> {
            assertThat(l.nitro()).isFalse();
            assertThat(l.prefixDelegationSupported()).isTrue();
            assertThat(l.maxEnis()).isEqualTo(15);
            assertThat(l.networkCards()).isEqualTo(1);
        });
        assertThat(Ec2Mapping.instanceLimits(InstanceTypeInfo.builder().instanceType("x.y").build())).isEmpty();
    }

    @Test
    void managedNodeGroupMapsScalingSubnetsAsgAndCustomAmi() {
        Nodegroup g = Nodegroup.builder().nodegroupName("ng").amiType("CUSTOM").instanceTypes("m5.large")
                .subnets("s-1", "s-2").scalingConfig(s -> s.minSize(1).desiredSize(2).maxSize(5))
                .resources(r -> r.autoScalingGroups(a -> a.name("eks-ng-123"))).build();
        assertThat(EksMapping.managedNodeGroup(g, g.instanceTypes())).isEqualTo(nodeGroup("ng").managed().customAmi()
                .type("m5.large").sizes(1, 2, 5).subnets("s-1", "s-2").autoScalingGroup("eks-ng-123").build());
        Nodegroup plain = g.toBuilder().amiType("AL2023_x86_64_STANDARD").resources((software.amazon.awssdk.services
                .eks.model.NodegroupResources) null).build();
        assertThat(EksMapping.managedNodeGroup(plain, List.of()).customAmi()).isFalse();
        assertThat(EksMapping.managedNodeGroup(plain, List.of()).autoScalingGroup()).isEmpty();
    }

    @Test
    void addonEnvReadsJsonOrYamlAndStringifiesScalars() {
        assertThat(EksMapping.addonEnv("{\"env\":{\"WARM_IP_TARGET\":\"5\",\"MAX_ENI\":3},\"init\":{}}"))
                .containsExactly(Map.entry("WARM_IP_TARGET", "5"), Map.entry("MAX_ENI", "3"));
        assertThat(EksMapping.addonEnv("env:\n  ENABLE_PREFIX_DELEGATION: true\n  WARM_PREFIX_TARGET: '1'\n"))
                .containsExactly(Map.entry("ENABLE_PREFIX_DELEGATION", "true"), Map.entry("WARM_PREFIX_TARGET", "1"));
        assertThat(EksMapping.addonEnv(null)).isEmpty();
        assertThat(EksMapping.addonEnv("")).isEmpty();
        assertThat(EksMapping.addonEnv("{\"resources\":{}}")).isEmpty();
        assertThatThrownBy(() -> EksMapping.addonEnv("env: [1, 2]")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("env is not a map");
        assertThatThrownBy(() -> EksMapping.addonEnv("{\"env\": ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("neither JSON nor YAML");
    }

    @Test
    void selfManagedGroupSplitsVpcZoneIdentifier() {
        AutoScalingGroup g = AutoScalingGroup.builder().autoScalingGroupName("asg").minSize(0).desiredCapacity(1)
                .maxSize(2).vpcZoneIdentifier("subnet-1,subnet-2 , subnet-3").build();
        assertThat(AutoScalingMapping.facts(g).nodeGroup(List.of("t3.large"))).isEqualTo(nodeGroup("asg").selfManaged()
                .type("t3.large").sizes(0, 1, 2).subnets("subnet-1", "subnet-2", "subnet-3").autoScalingGroup("asg")
                .build());
        assertThat(AutoScalingMapping.subnets(g.toBuilder().vpcZoneIdentifier(null).build())).isEmpty();
    }

    @Test
    void managedNodeGroupFactsNameEveryAsgAndTheLaunchTemplateByIdElseName() {
        Nodegroup g = Nodegroup.builder().nodegroupName("lt").subnets("s-1")
                .scalingConfig(s -> s.minSize(1).desiredSize(1).maxSize(1))
                .resources(r -> r.autoScalingGroups(a -> a.name("asg-1"), a -> a.name("asg-2")))
                .launchTemplate(l -> l.id("lt-9").name("named").version("3")).build();
        ManagedNodeGroupFacts facts = EksMapping.managedNodeGroupFacts(g);
        assertThat(facts.autoScalingGroups()).containsExactly("asg-1", "asg-2");
        assertThat(facts.launch()).isEqualTo(new LaunchSpec.Template("lt-9", "3"));
        assertThat(facts.group().instanceTypes()).isEmpty();
        assertThat(EksMapping.managedNodeGroupFacts(g.toBuilder().launchTemplate(l -> l.name("named")).build())
                .launch()).isEqualTo(new LaunchSpec.Template("named", "$Default"));
        assertThat(EksMapping.managedNodeGroupFacts(g.toBuilder()
                .launchTemplate((software.amazon.awssdk.services.eks.model.LaunchTemplateSpecification) null).build())
                .launch()).isEqualTo(LaunchSpec.NONE);
    }

    @Test
    void clusterFactsDefaultToNoVpcAndIpv4() {
        var cluster = software.amazon.awssdk.services.eks.model.Cluster.builder().name("prod")
                .resourcesVpcConfig(v -> v.subnetIds("s-1")).build();
        assertThat(EksMapping.cluster(cluster, List.of(), VpcCniAddon.UNAVAILABLE)).isEqualTo(new ClusterFacts("prod",
                "", IpFamily.IPV4, List.of("s-1"), List.of(), VpcCniAddon.UNAVAILABLE));
        var ipv6 = cluster.toBuilder().resourcesVpcConfig(v -> v.vpcId("vpc-1"))
                .kubernetesNetworkConfig(k -> k.ipFamily("ipv6")).build();
        assertThat(EksMapping.cluster(ipv6, List.of(), VpcCniAddon.UNAVAILABLE))
                .extracting(ClusterFacts::vpcId, ClusterFacts::ipFamily).containsExactly("vpc-1", IpFamily.IPV6);
    }

    /** moto 5.2.1 returns no computeConfig, so EKS Auto Mode detection is checked on the SDK's model here. */
    @Test
    void autoModeIsDescribeClustersComputeConfigWithItsBuiltInNodePools() {
        var cluster = software.amazon.awssdk.services.eks.model.Cluster.builder().name("auto").build();
        assertThat(EksMapping.cluster(cluster, List.of(), VpcCniAddon.UNAVAILABLE).autoMode())
                .isEqualTo(dev.eksip.domain.AutoMode.OFF);
        var auto = cluster.toBuilder().computeConfig(c -> c.enabled(true).nodePools("general-purpose", "system")
                .nodeRoleArn("arn:aws:iam::123456789012:role/AutoNode")).build();
        assertThat(EksMapping.cluster(auto, List.of(), VpcCniAddon.UNAVAILABLE).autoMode())
                .isEqualTo(new dev.eksip.domain.AutoMode(true, List.of("general-purpose", "system")));
        var disabled = cluster.toBuilder().computeConfig(c -> c.enabled(false)).build();
        assertThat(EksMapping.cluster(disabled, List.of(), VpcCniAddon.UNAVAILABLE).autoMode().enabled()).isFalse();
    }

    @Test
    void anAutoScalingGroupLaunchesFromItsTemplateItsMixedPolicysTemplateOrItsLaunchConfiguration() {
        AutoScalingGroup base = AutoScalingGroup.builder().autoScalingGroupName("asg").minSize(1).build();
        assertThat(AutoScalingMapping.launch(base.toBuilder().launchTemplate(l -> l.launchTemplateId("lt-1")
                .version("$Latest")).build())).isEqualTo(new LaunchSpec.Template("lt-1", "$Latest"));
        assertThat(AutoScalingMapping.launch(base.toBuilder().mixedInstancesPolicy(m -> m.launchTemplate(l -> l
                .launchTemplateSpecification(t -> t.launchTemplateName("named")))).launchConfigurationName("lc")
                .build())).isEqualTo(new LaunchSpec.Template("named", "$Default"));
        assertThat(AutoScalingMapping.launch(base.toBuilder().launchConfigurationName("lc").build()))
                .isEqualTo(new LaunchSpec.Configuration("lc"));
        assertThat(AutoScalingMapping.launch(base)).isEqualTo(LaunchSpec.NONE);
        // sizes: desired defaults to min, max to desired
        assertThat(AutoScalingMapping.facts(base)).extracting(AutoScalingGroupFacts::minSize,
                AutoScalingGroupFacts::desiredSize, AutoScalingGroupFacts::maxSize).containsExactly(1, 1, 1);
    }

    @Test
    void instanceFactsKeepTagsZoneAndTheSubnetsOfTheirEnis() {
        Instance i = Instance.builder().instanceId("i-1").instanceType("m5.large").subnetId("subnet-1")
                .placement(p -> p.availabilityZone("us-east-1a"))
                .tags(Tag.builder().key("eks:cluster-name").value("prod").build(), Tag.builder().key("k").build())
                .networkInterfaces(InstanceNetworkInterface.builder().subnetId("subnet-1").build(),
                        InstanceNetworkInterface.builder().subnetId("subnet-p").build())
                .build();
        assertThat(Ec2Mapping.instance(i)).isEqualTo(new InstanceFacts("i-1", "m5.large", "subnet-1", "us-east-1a",
                Map.of("eks:cluster-name", "prod", "k", ""), List.of("subnet-1", "subnet-p")));
        assertThat(Ec2Mapping.instance(Instance.builder().instanceId("i-2").instanceType("t3.small").build()))
                .extracting(InstanceFacts::subnetId, InstanceFacts::availabilityZone).containsExactly("", "");
    }

    @Test
    void eniFactsNameTheTrunkOfABranchEniAndSubnetFactsTheOwner() {
        NetworkInterface branch = NetworkInterface.builder().networkInterfaceId("eni-b").subnetId("subnet-1")
                .interfaceType("branch").tagSet(Tag.builder().key("vpcresources.k8s.aws/trunk-eni-id")
                        .value("eni-t").build()).build();
        assertThat(Ec2Mapping.eniFacts(branch).trunkEniId()).isEqualTo("eni-t");
        assertThat(Ec2Mapping.eniFacts(branch.toBuilder().tagSet(List.of()).build()).trunkEniId()).isEmpty();
        var subnet = software.amazon.awssdk.services.ec2.model.Subnet.builder().subnetId("subnet-1").ownerId("111")
                .build();
        assertThat(Ec2Mapping.subnetFacts(subnet).ownerId()).isEqualTo("111");
        assertThat(Ec2Mapping.subnetFacts(subnet.toBuilder().ownerId(null).build()).ownerId()).isEmpty();
    }
}
