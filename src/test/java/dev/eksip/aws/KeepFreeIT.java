package dev.eksip.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.app.RunForecast;
import dev.eksip.domain.Cluster;
import dev.eksip.domain.Eni;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.Inventory;
import dev.eksip.domain.NodeGroup;
import dev.eksip.domain.Severity;
import dev.eksip.domain.Subnet;
import dev.eksip.domain.SubnetForecast;
import dev.eksip.testing.aws.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.PrivateIpAddressSpecification;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.eks.EksClient;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a subnet must keep free, read from moto: the cluster's own subnets (DescribeCluster), a managed node group's
 * update surge (DescribeNodegroup; moto keeps no updateConfig), an unattached ENI ipamd left behind
 * (DescribeNetworkInterfaces), and a subnet tagged for load balancers that nothing else references
 * (DescribeSubnets), with the calls and IAM actions of every audit.
 */
class KeepFreeIT {
    private static final String CLUSTER = "keepfree";
    private static final String ROLE_ARN = "arn:aws:iam::123456789012:role/eks";

    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();
    static Ec2Client ec2;
    static AwsClients clients;
    static final ApiCallCounter COUNTER = new ApiCallCounter();
    static String nodeSubnet, controlPlaneA, controlPlaneB, elbSubnet, leakedEni;

    @BeforeAll
    static void seed() {
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
        ec2 = MOTO.client(Ec2Client.builder());
        EksClient eks = MOTO.client(EksClient.builder());
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.30.0.0/16")).vpc().vpcId();
        nodeSubnet = subnet(vpc, "10.30.0.0/24", "us-east-1a", Map.of("Name", "nodes"));
        controlPlaneA = subnet(vpc, "10.30.9.0/28", "us-east-1a", Map.of("Name", "cp-a"));
        controlPlaneB = subnet(vpc, "10.30.9.16/28", "us-east-1b", Map.of("Name", "cp-b"));
        elbSubnet = subnet(vpc, "10.30.8.0/28", "us-east-1b", Map.of("kubernetes.io/role/elb", "1"));
        subnet(vpc, "10.30.7.0/28", "us-east-1b", Map.of("Name", "unrelated"));
        eks.createCluster(r -> r.name(CLUSTER).roleArn(ROLE_ARN).version("1.31")
                .resourcesVpcConfig(v -> v.subnetIds(controlPlaneA, controlPlaneB)));
        eks.createNodegroup(r -> r.clusterName(CLUSTER).nodegroupName("ng").nodeRole(ROLE_ARN).subnets(nodeSubnet)
                .instanceTypes("m5.large").scalingConfig(s -> s.minSize(0).desiredSize(0).maxSize(3))
                .updateConfig(u -> u.maxUnavailable(4)));
        // nine addresses taken in cp-a: 11 usable - 9 = 2 free, below the control plane's 6
        ec2.createNetworkInterface(r -> r.subnetId(controlPlaneA).privateIpAddresses(
                java.util.stream.IntStream.rangeClosed(4, 12).mapToObj(i -> PrivateIpAddressSpecification.builder()
                        .privateIpAddress("10.30.9." + i).primary(i == 4).build()).toList())
                .description("someone else's"));
        leakedEni = ec2.createNetworkInterface(r -> r.subnetId(nodeSubnet).privateIpAddress("10.30.0.10")
                        .description("aws-K8S-i-0123456789abcdef0")
                        .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.NETWORK_INTERFACE)
                                .tags(Tag.builder().key("node.k8s.amazonaws.com/instance_id")
                                        .value("i-0123456789abcdef0").build()).build()))
                .networkInterface().networkInterfaceId();
        clients = AwsClients.fromEnvironment(Map.of("AWS_REGION", "us-east-1",
                "AWS_ENDPOINT_URL", MOTO.endpoint().toString()), COUNTER);
    }

    @AfterAll
    static void close() {
        clients.close();
        ec2.close();
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    private static String subnet(String vpc, String cidr, String az, Map<String, String> tags) {
        return ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock(cidr).availabilityZone(az)
                .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.SUBNET)
                        .tags(tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue())
                                .build()).toList()).build())).subnet().subnetId();
    }

    private static Inventory load() {
        return AwsInventorySource.using(clients, Map.of(), m -> { }).load(List.of(CLUSTER));
    }

    @Test
    void theClusterSubnetsUpdateConfigLeakedEniAndLoadBalancerSubnetAreRead() {
        COUNTER.reset();
        Inventory inv = load();

        Cluster c = inv.clusters().get(0);
        assertThat(c.subnetIds()).containsExactlyInAnyOrder(controlPlaneA, controlPlaneB);
        // moto keeps no updateConfig (DescribeNodegroup answers without it): EKS's default of one node applies;
        // the mapping of a real answer is KeepFreeMappingTest's
        NodeGroup ng = c.nodeGroups().get(0);
        assertThat(ng.managed()).isTrue();
        assertThat(ng.maxUnavailable()).isZero();
        assertThat(inv.subnets()).extracting(Subnet::subnetId)
                .contains(nodeSubnet, controlPlaneA, controlPlaneB, elbSubnet).hasSize(4);
        assertThat(inv.otherEnis()).filteredOn(Eni::leakedByCni).extracting(Eni::eniId).containsExactly(leakedEni);
        // the same calls as any audit: no new IAM action (IamActionsTest), the ELB subnet came with the others
        for (String call : COUNTER.calls().keySet()) {
            String[] parts = call.split(":");
            assertThat(AwsInventorySource.IAM_ACTIONS)
                    .contains(parts[0].toLowerCase(java.util.Locale.ROOT).replace("autoscaling", "autoscaling")
                              + ":" + parts[1]);
        }
    }

    @Test
    void theForecastFlagsTheClusterSubnetAndCountsTheLeakedEni() {
        Forecast f = RunForecast.forecast(load(), Instant.parse("2026-12-01T00:00:00Z"));

        SubnetForecast cp = f.subnets().stream().filter(s -> s.subnetId().equals(controlPlaneA)).findFirst()
                .orElseThrow();
        assertThat(cp.availableIps()).isLessThan(6);
        assertThat(cp.clusters()).containsExactly(CLUSTER);
        assertThat(cp.severity()).isEqualTo(Severity.CRITICAL);
        SubnetForecast nodes = f.subnets().stream().filter(s -> s.subnetId().equals(nodeSubnet)).findFirst()
                .orElseThrow();
        assertThat(nodes.leakedEnis()).isEqualTo(1);
        assertThat(nodes.reclaimableIps()).isEqualTo(1);
        assertThat(nodes.updateSurge()).containsEntry(CLUSTER + "/ng", 2);   // twice its one zone
        assertThat(f.subnets().stream().filter(s -> s.subnetId().equals(elbSubnet)).findFirst().orElseThrow()
                .loadBalancerSubnet()).isTrue();
    }
}
