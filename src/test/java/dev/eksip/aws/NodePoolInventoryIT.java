package dev.eksip.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.eksip.app.RunForecast;
import dev.eksip.domain.Cluster;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.Inventory;
import dev.eksip.domain.Node;
import dev.eksip.domain.NodeGroup;
import dev.eksip.domain.Provisioner;
import dev.eksip.testing.aws.MotoServer;
import dev.eksip.testing.aws.SeededAccount;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.eks.EksClient;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Karpenter and EKS Auto Mode instances in moto, tagged as Karpenter v1 and Auto Mode tag them: the live inventory
 * attributes them to their node pools and the forecast reports the pools. (moto 5.2.1 returns no
 * {@code computeConfig}: Auto Mode is recognised here by its instance tags; {@code MappingTest} covers
 * {@code computeConfig}.)
 */
class NodePoolInventoryIT {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();
    static Ec2Client ec2;
    static AwsClients clients;

    @BeforeAll
    static void seed() {
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
        ec2 = MOTO.client(Ec2Client.builder());
        EksClient eks = MOTO.client(EksClient.builder());
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.30.0.0/16")).vpc().vpcId();
        String a = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.30.0.0/24").availabilityZone("us-east-1a"))
                .subnet().subnetId();
        String b = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.30.1.0/24").availabilityZone("us-east-1b"))
                .subnet().subnetId();
        for (String name : List.of("shop", "auto"))
            eks.createCluster(r -> r.name(name).roleArn(SeededAccount.ROLE_ARN).version("1.31")
                    .resourcesVpcConfig(v -> v.subnetIds(a, b)));
        String ami = ec2.describeImagesPaginator(r -> r.owners("amazon")).images().stream().findFirst()
                .orElseThrow().imageId();
        Map<String, String> karpenter = Map.of("kubernetes.io/cluster/shop", "owned", "eks:eks-cluster-name", "shop",
                "karpenter.sh/nodepool", "default", "karpenter.k8s.aws/ec2nodeclass", "default",
                "karpenter.sh/nodeclaim", "default-abcde");
        Map<String, String> auto = Map.of("kubernetes.io/cluster/auto", "owned", "eks:eks-cluster-name", "auto",
                "eks:kubernetes-node-pool-name", "general-purpose", "eks:kubernetes-node-class-name", "default");
        run(ami, a, InstanceType.M5_LARGE, karpenter);
        run(ami, b, InstanceType.C5_LARGE, karpenter);
        run(ami, a, InstanceType.M5_LARGE, auto);
        clients = AwsClients.fromEnvironment(Map.of("AWS_REGION", "us-east-1",
                "AWS_ENDPOINT_URL", MOTO.endpoint().toString()), new ApiCallCounter());
        eks.close();
    }

    private static void run(String ami, String subnet, InstanceType type, Map<String, String> tags) {
        ec2.runInstances(r -> r.imageId(ami).instanceType(type).minCount(1).maxCount(1).subnetId(subnet)
                .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.INSTANCE)
                        .tags(tags.entrySet().stream().map(e -> software.amazon.awssdk.services.ec2.model.Tag
                                .builder().key(e.getKey()).value(e.getValue()).build()).toList()).build()));
    }

    @AfterAll
    static void close() {
        clients.close();
        ec2.close();
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @Test
    void karpenterAndAutoModeNodesAreAttributedToTheirPoolsAndForecast() {
        Inventory inventory = AwsInventorySource.using(clients, Map.of(), m -> { }).load(List.of());

        assertThat(inventory.nodes()).extracting(Node::cluster, Node::nodeGroup).containsExactlyInAnyOrder(
                tuple("shop", "default"), tuple("shop", "default"), tuple("auto", "general-purpose"));
        Cluster shop = inventory.clusters().stream().filter(c -> c.name().equals("shop")).findFirst().orElseThrow();
        assertThat(shop.nodeGroups()).extracting(NodeGroup::name, NodeGroup::kind, NodeGroup::instanceTypes,
                g -> g.subnetIds().size()).containsExactly(tuple("default", "karpenter", List.of("c5.large", "m5.large"), 2));
        Cluster auto = inventory.clusters().stream().filter(c -> c.name().equals("auto")).findFirst().orElseThrow();
        assertThat(auto.nodeGroups()).extracting(NodeGroup::name, NodeGroup::kind)
                .containsExactly(tuple("general-purpose", "auto-mode"));

        Forecast f = RunForecast.forecast(inventory, Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(f.unattributedNodes()).isZero();
        assertThat(f.pools()).extracting(p -> p.pool().toString(), p -> p.provisioner(), p -> p.unbounded())
                .containsExactlyInAnyOrder(tuple("shop/default", Provisioner.KARPENTER, true),
                        tuple("auto/general-purpose", Provisioner.AUTO_MODE, true));
    }
}
