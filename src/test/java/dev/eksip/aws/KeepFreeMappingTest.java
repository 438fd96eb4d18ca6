package dev.eksip.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.app.inventory.SubnetFacts;
import dev.eksip.domain.Eni;
import dev.eksip.domain.NodeGroup;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.eks.model.Nodegroup;

import java.util.List;

/**
 * What the readers map for the addresses a subnet must keep free: leaked VPC CNI ENIs, a managed node group's
 * update configuration, load-balancer subnets.
 */
class KeepFreeMappingTest {
    private static NetworkInterface.Builder unattached(String id) {
        return NetworkInterface.builder().networkInterfaceId(id).subnetId("subnet-1").privateIpAddress("10.0.0.9")
                .interfaceType("interface").status("available");
    }

    @Test
    void anAvailableEniIpamdCreatedIsLeakedAndNoOtherIs() {
        Eni byDescription = Ec2Mapping.eni(unattached("eni-1").description("aws-K8S-i-0123456789abcdef0").build());
        Eni byTag = Ec2Mapping.eni(unattached("eni-2")
                .tagSet(Tag.builder().key("node.k8s.amazonaws.com/instance_id").value("i-1").build()).build());
        Eni byCreatedAt = Ec2Mapping.eni(unattached("eni-3")
                .tagSet(Tag.builder().key("node.k8s.amazonaws.com/createdAt").value("2026-01-01T00:00:00Z").build())
                .build());
        assertThat(List.of(byDescription, byTag, byCreatedAt)).allSatisfy(e -> assertThat(e.leakedByCni()).isTrue());

        Eni attached = Ec2Mapping.eni(unattached("eni-4").status("in-use").description("aws-K8S-i-1")
                .attachment(a -> a.instanceId("i-1").deviceIndex(1)).build());
        Eni someoneElses = Ec2Mapping.eni(unattached("eni-5").description("ELB app/prod-alb").build());
        Eni noManage = Ec2Mapping.eni(unattached("eni-6")
                .tagSet(Tag.builder().key("node.k8s.amazonaws.com/no_manage").value("true").build()).build());
        Eni branch = Ec2Mapping.eni(unattached("eni-7").interfaceType("branch").description("aws-k8s-branch-eni")
                .build());
        assertThat(List.of(attached, someoneElses, noManage, branch))
                .allSatisfy(e -> assertThat(e.leakedByCni()).isFalse());
    }

    @Test
    void aManagedNodeGroupKeepsItsUpdateConfig() {
        Nodegroup g = Nodegroup.builder().nodegroupName("ng").instanceTypes("m5.large").subnets("s-1")
                .scalingConfig(s -> s.minSize(1).desiredSize(2).maxSize(5)).updateConfig(u -> u.maxUnavailable(3))
                .build();
        NodeGroup byCount = EksMapping.managedNodeGroup(g, g.instanceTypes());
        assertThat(byCount.maxUnavailable()).isEqualTo(3);
        assertThat(byCount.maxUnavailablePercentage()).isZero();
        NodeGroup byPercent = EksMapping.managedNodeGroup(
                g.toBuilder().updateConfig(u -> u.maxUnavailablePercentage(25)).build(), g.instanceTypes());
        assertThat(byPercent.maxUnavailable()).isZero();
        assertThat(byPercent.maxUnavailablePercentage()).isEqualTo(25);
        NodeGroup none = EksMapping.managedNodeGroup(
                g.toBuilder().updateConfig((software.amazon.awssdk.services.eks.model.NodegroupUpdateConfig) null)
                        .build(), g.instanceTypes());
        assertThat(none.maxUnavailable()).isZero();
    }

    @Test
    void subnetsTaggedForLoadBalancersAreLoadBalancerSubnets() {
        assertThat(facts("kubernetes.io/role/elb", "1").loadBalancerSubnet()).isTrue();
        assertThat(facts("kubernetes.io/role/internal-elb", "").loadBalancerSubnet()).isTrue();
        assertThat(facts("kubernetes.io/role/elb", "0").loadBalancerSubnet()).isFalse();
        assertThat(facts("kubernetes.io/role/cni", "1").loadBalancerSubnet()).isFalse();
    }

    private static SubnetFacts facts(String key, String value) {
        return Ec2Mapping.subnetFacts(software.amazon.awssdk.services.ec2.model.Subnet.builder().subnetId("subnet-1")
                .vpcId("vpc-1").availabilityZone("us-east-1a").cidrBlock("10.0.0.0/24").availableIpAddressCount(9)
                .tags(Tag.builder().key(key).value(value).build()).build());
    }
}
