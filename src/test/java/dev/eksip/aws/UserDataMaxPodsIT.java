package dev.eksip.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.app.RunForecast;
import dev.eksip.domain.ClusterForecast;
import dev.eksip.domain.Inventory;
import dev.eksip.domain.NodeGroup;
import dev.eksip.testing.aws.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.Tag;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.eks.EksClient;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Max pods from launch-template user data, read from moto: {@code DescribeLaunchTemplateVersions} returns the
 * template's {@code UserData} (base64) with its instance type, so a self-managed group whose template carries a
 * nodeadm {@code NodeConfig} with {@code maxPods: 110} is forecast at 110, and one whose template has no user data
 * is reported as "max pods assumed" — with no call or IAM action beyond those of every audit.
 */
class UserDataMaxPodsIT {
    private static final String CLUSTER = "userdata";
    private static final String NODE_CONFIG = """
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="//"

            --//
            Content-Type: application/node.eks.aws

            apiVersion: node.eks.aws/v1alpha1
            kind: NodeConfig
            spec:
              cluster:
                name: userdata
              kubelet:
                config:
                  maxPods: 110

            --//--
            """;

    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();
    static AwsClients clients;
    static final ApiCallCounter COUNTER = new ApiCallCounter();

    @BeforeAll
    static void seed() {
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
        try (Ec2Client ec2 = MOTO.client(Ec2Client.builder()); EksClient eks = MOTO.client(EksClient.builder());
             AutoScalingClient autoScaling = MOTO.client(AutoScalingClient.builder())) {
            String vpc = ec2.createVpc(r -> r.cidrBlock("10.40.0.0/16")).vpc().vpcId();
            String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.40.0.0/22").availabilityZone("us-east-1a"))
                    .subnet().subnetId();
            eks.createCluster(r -> r.name(CLUSTER).roleArn("arn:aws:iam::123456789012:role/eks").version("1.31")
                    .resourcesVpcConfig(v -> v.subnetIds(subnet)));
            String ami = ec2.describeImagesPaginator(r -> r.owners("amazon")).images().stream().findFirst()
                    .orElseThrow().imageId();
            String set = ec2.createLaunchTemplate(r -> r.launchTemplateName("set-lt").launchTemplateData(d -> d
                    .imageId(ami).instanceType(InstanceType.M5_LARGE).userData(Base64.getEncoder()
                            .encodeToString(NODE_CONFIG.getBytes(StandardCharsets.UTF_8)))))
                    .launchTemplate().launchTemplateId();
            String unset = ec2.createLaunchTemplate(r -> r.launchTemplateName("unset-lt").launchTemplateData(d -> d
                    .imageId(ami).instanceType(InstanceType.M5_LARGE))).launchTemplate().launchTemplateId();
            for (var group : Map.of("set", set, "unset", unset).entrySet())
                autoScaling.createAutoScalingGroup(r -> r.autoScalingGroupName(group.getKey())
                        .launchTemplate(l -> l.launchTemplateId(group.getValue()).version("$Latest"))
                        .minSize(0).desiredCapacity(0).maxSize(4).vpcZoneIdentifier(subnet)
                        .tags(Tag.builder().key("kubernetes.io/cluster/" + CLUSTER).value("owned")
                                .propagateAtLaunch(true).resourceType("auto-scaling-group")
                                .resourceId(group.getKey()).build()));
        }
        clients = AwsClients.fromEnvironment(Map.of("AWS_REGION", "us-east-1",
                "AWS_ENDPOINT_URL", MOTO.endpoint().toString()), COUNTER);
    }

    @AfterAll
    static void close() {
        clients.close();
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    private static Inventory load() {
        return AwsInventorySource.using(clients, Map.of(), m -> { }).load(List.of(CLUSTER));
    }

    @Test
    void theTemplatesUserDataSetsMaxPodsAndTheOtherGroupIsAssumed() {
        COUNTER.reset();
        Inventory inv = load();

        assertThat(inv.gaps()).isEmpty();
        List<NodeGroup> groups = inv.clusters().get(0).nodeGroups();
        assertThat(groups).extracting(NodeGroup::name, NodeGroup::maxPods, NodeGroup::maxPodsAssumed)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("set", 110, false),
                        org.assertj.core.groups.Tuple.tuple("unset", 0, true));
        assertThat(groups.stream().filter(g -> g.name().equals("set")).findFirst().orElseThrow().maxPodsFrom())
                .endsWith("user data: nodeadm NodeConfig spec.kubelet.config.maxPods");
        assertThat(COUNTER.calls()).containsEntry("Ec2:DescribeLaunchTemplateVersions", 2);
        for (String call : COUNTER.calls().keySet()) {
            String[] parts = call.split(":");
            assertThat(AwsInventorySource.IAM_ACTIONS).contains(parts[0].toLowerCase(java.util.Locale.ROOT) + ":"
                    + parts[1]);
        }

        ClusterForecast c = RunForecast.forecast(inv, Instant.parse("2026-12-02T00:00:00Z")).clusters().get(0);
        assertThat(c.maxPodsAssumed()).containsExactly("unset");
        assertThat(c.notes()).anyMatch(n -> n.startsWith("Max pods 110 for node group set: launch template lt-"));
    }
}
