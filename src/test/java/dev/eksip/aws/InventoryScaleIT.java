package dev.eksip.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.domain.Inventory;
import dev.eksip.domain.Node;
import dev.eksip.testing.aws.MotoServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.eks.EksClient;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A synthetic account of 1,000 nodes in 100 managed node groups (moto: CreateNodegroup + RunInstances in batches of
 * 10 with EKS tags): the inventory's API calls are counted and compared with the fewest pages the APIs allow.
 */
class InventoryScaleIT {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();
    static final int GROUPS = 100;
    static final int NODES_PER_GROUP = 10;

    @Test
    void aThousandNodesInAHundredGroupsCostPagesNotNodes() {
        long seedStart = System.nanoTime();
        List<String> subnets;
        try (Ec2Client ec2 = MOTO.client(Ec2Client.builder()); EksClient eks = MOTO.client(EksClient.builder())) {
            String vpc = ec2.createVpc(r -> r.cidrBlock("10.30.0.0/16")).vpc().vpcId();
            subnets = List.of("us-east-1a", "us-east-1b", "us-east-1c").stream().map(az -> ec2.createSubnet(r -> r
                    .vpcId(vpc).availabilityZone(az).cidrBlock("10.30.%d.0/20".formatted(16 * (az.charAt(9) - 'a'))))
                    .subnet().subnetId()).toList();
            eks.createCluster(r -> r.name("big").roleArn("arn:aws:iam::123456789012:role/eks")
                    .resourcesVpcConfig(v -> v.subnetIds(subnets)));
            String ami = ec2.describeImagesPaginator(r -> r.owners("amazon")).images().stream().findFirst()
                    .orElseThrow().imageId();
            for (int g = 0; g < GROUPS; g++) {
                String group = "ng-%03d".formatted(g);
                eks.createNodegroup(r -> r.clusterName("big").nodegroupName(group)
                        .nodeRole("arn:aws:iam::123456789012:role/node").subnets(subnets).instanceTypes("m5.large")
                        .scalingConfig(s -> s.minSize(NODES_PER_GROUP).desiredSize(NODES_PER_GROUP).maxSize(20)));
                String subnet = subnets.get(g % subnets.size());
                ec2.runInstances(r -> r.imageId(ami).instanceType(InstanceType.M5_LARGE).subnetId(subnet)
                        .minCount(NODES_PER_GROUP).maxCount(NODES_PER_GROUP)
                        .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.INSTANCE).tags(
                                Tag.builder().key("eks:cluster-name").value("big").build(),
                                Tag.builder().key("eks:nodegroup-name").value(group).build(),
                                Tag.builder().key("kubernetes.io/cluster/big").value("owned").build()).build()));
            }
        }
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;

        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
        ApiCallCounter counter = new ApiCallCounter();
        // moto answers a 1,000-instance DescribeInstances in seconds alone, in minutes on a loaded machine: the page
        // counts are the point here, not the production timeouts
        AwsClients.Timing motoTiming = new AwsClients.Timing(Duration.ofMinutes(10), Duration.ofMinutes(5), null);
        Inventory inventory;
        long loadStart = System.nanoTime();
        try (AwsClients clients = AwsClients.fromEnvironment(Map.of("AWS_REGION", "us-east-1",
                "AWS_ENDPOINT_URL", MOTO.endpoint().toString()), motoTiming, counter)) {
            inventory = new AwsInventorySource(clients.ec2(), clients.eks(), clients.autoScaling(), "us-east-1",
                    Map.of(), Clock.systemUTC(), m -> { }).load(List.of());
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

        assertThat(inventory.nodes()).hasSize(GROUPS * NODES_PER_GROUP)
                .allSatisfy(n -> assertThat(n.nodeGroup()).startsWith("ng-"));
        assertThat(inventory.clusters().get(0).nodeGroups()).hasSize(GROUPS);
        assertThat(inventory.nodes().stream().mapToInt(n -> n.enis().size()).sum()).isEqualTo(1000);
        assertThat(inventory.nodes().stream().map(Node::nodeGroup).distinct()).hasSize(GROUPS);

        // the fewest pages the APIs allow at their maximum page sizes, for 1 cluster, 100 groups, 1,000 nodes,
        // 1,000 ENIs and 3 subnets: EKS has no batch describe (one DescribeNodegroup per group) and
        // GetSubnetCidrReservations takes one subnet
        Map<String, Integer> minimum = Map.ofEntries(
                Map.entry("Eks:ListClusters", 1), Map.entry("Eks:DescribeCluster", 1),
                Map.entry("Eks:ListNodegroups", 1), Map.entry("Eks:DescribeNodegroup", GROUPS),
                Map.entry("Eks:DescribeAddon", 1), Map.entry("AutoScaling:DescribeAutoScalingGroups", 1),
                Map.entry("Ec2:DescribeInstances", 1), Map.entry("Ec2:DescribeSubnets", 2),
                Map.entry("Ec2:GetSubnetCidrReservations", 3), Map.entry("Ec2:DescribeNetworkInterfaces", 1));
        System.out.printf("API calls, 1,000 nodes in 100 node groups: %d (minimum pages %d) %s; HTTP requests %d "
                        + "(retries included); seed %.1f s, inventory read %.1f s%n",
                counter.calls().values().stream().mapToInt(Integer::intValue).sum(),
                minimum.values().stream().mapToInt(Integer::intValue).sum(), counter.calls(), counter.total(),
                seedSeconds, loadSeconds);
        // calls, not HTTP attempts: on a loaded machine moto may exceed the 20 s attempt timeout and the SDK retries
        assertThat(counter.calls()).containsExactlyInAnyOrderEntriesOf(minimum);
    }
}
