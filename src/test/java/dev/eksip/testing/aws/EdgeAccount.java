package dev.eksip.testing.aws;

import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.Tag;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.eks.EksClient;

import java.util.List;

/**
 * A moto account with one cramped cluster, {@value #CLUSTER}: two /27 subnets (27 usable each), a managed node
 * group {@value #NODEGROUP} of m5.large at 2/2/10 with one node per subnet, each holding its primary ENI's nine
 * secondary IPs as ipamd does; growing to 10 nodes cannot fit, so the forecast is critical and an alert is due.
 * Its Auto Scaling group (named as EKS names them, tagged {@code eks:cluster-name}) exists without instances so an
 * Auto Scaling event can be traced back to the cluster.
 */
public record EdgeAccount(String vpcId, String subnetA, String subnetB, List<String> nodes) {
    public static final String CLUSTER = "edge";
    public static final String NODEGROUP = "edge-ng";
    public static final String AUTO_SCALING_GROUP = "eks-edge-ng-6c1f2e3d-4b5a-4c9d-8e7f-0a1b2c3d4e5f";
    public static final String ROLE = "arn:aws:iam::123456789012:role/eks";

    /**
     * The account the function's runtime tests read: the shared {@link SeededAccount} (cluster prod) plus this
     * cramped cluster, which is due an alert, seeded into {@code moto} after a reset.
     */
    public static EdgeAccount seedWithSeededAccount(MotoServer moto) {
        moto.reset();
        try (Ec2Client ec2 = moto.client(Ec2Client.builder()); EksClient eks = moto.client(EksClient.builder());
             AutoScalingClient autoScaling = moto.client(AutoScalingClient.builder())) {
            SeededAccount.seed(ec2, eks, autoScaling);
            return seed(ec2, eks, autoScaling);
        }
    }

    public static EdgeAccount seed(Ec2Client ec2, EksClient eks, AutoScalingClient autoScaling) {
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.30.0.0/16")).vpc().vpcId();
        String a = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.30.0.0/27").availabilityZone("us-east-1a"))
                .subnet().subnetId();
        String b = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.30.0.32/27").availabilityZone("us-east-1b"))
                .subnet().subnetId();
        eks.createCluster(r -> r.name(CLUSTER).roleArn(ROLE).version("1.31").resourcesVpcConfig(v -> v.subnetIds(a, b)));
        eks.createNodegroup(r -> r.clusterName(CLUSTER).nodegroupName(NODEGROUP).nodeRole(ROLE).subnets(a, b)
                .instanceTypes("m5.large").scalingConfig(s -> s.minSize(2).desiredSize(2).maxSize(10)));
        String ami = ec2.describeImagesPaginator(r -> r.owners("amazon")).images().stream().findFirst().orElseThrow().imageId();
        List<String> nodes = List.of(ManagedNodes.launch(ec2, ami, a, CLUSTER, NODEGROUP, "10.30.0.%d", 20),
                ManagedNodes.launch(ec2, ami, b, CLUSTER, NODEGROUP, "10.30.0.%d", 52));
        String template = ec2.createLaunchTemplate(r -> r.launchTemplateName("edge-ng-lt")
                .launchTemplateData(d -> d.imageId(ami).instanceType(InstanceType.M5_LARGE))).launchTemplate().launchTemplateId();
        autoScaling.createAutoScalingGroup(r -> r.autoScalingGroupName(AUTO_SCALING_GROUP)
                .launchTemplate(l -> l.launchTemplateId(template).version("$Latest"))
                .minSize(0).desiredCapacity(0).maxSize(10).vpcZoneIdentifier(a + "," + b)
                .tags(asgTag("eks:cluster-name", CLUSTER), asgTag("eks:nodegroup-name", NODEGROUP),
                        asgTag("kubernetes.io/cluster/" + CLUSTER, "owned")));
        return new EdgeAccount(vpc, a, b, nodes);
    }

    /** The tags EKS puts on a managed node group's Auto Scaling group. */
    private static Tag asgTag(String key, String value) {
        return Tag.builder().key(key).value(value).propagateAtLaunch(true).resourceType("auto-scaling-group")
                .resourceId(AUTO_SCALING_GROUP).build();
    }
}
