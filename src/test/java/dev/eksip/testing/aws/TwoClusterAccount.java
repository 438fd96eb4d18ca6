package dev.eksip.testing.aws;

import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.Tag;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.eks.EksClient;

import java.util.Map;

/**
 * Two clusters in one VPC (10.40.0.0/16) seeded into moto, so that every call of the inventory is made once the
 * account is read, for the fault matrix:
 * <ul>
 *   <li>{@value #HEALTHY}: a /22 subnet ({@code calm-a}, us-east-1a); managed node groups {@code calm-ng} (m5.large,
 *       1/1/2, one running node) and {@code calm-x9} (instance type {@value #UNKNOWN_TYPE}, 0/0/1: unknown to the
 *       embedded table, so {@code ec2:DescribeInstanceTypes} is called; moto does not know it either, a standing
 *       {@code instance-type/…} gap).</li>
 *   <li>{@value #AT_RISK}: two /27 subnets (a, b); managed node group {@code crowded-ng} (m5.large, 1/1/1, one node);
 *       self-managed Auto Scaling group {@value #ASG_TEMPLATE} (launch template, m5.large, 1/1/10, subnets a+b) whose
 *       growth to 10 nodes exhausts both subnets; self-managed group {@value #ASG_CONFIGURATION} (launch
 *       configuration, t3.medium, 0/0/4, subnet b). Its risk comes from the self-managed groups: a read that hides
 *       them makes the cluster look healthy.</li>
 * </ul>
 */
public record TwoClusterAccount(String vpcId, String calmSubnet, String crowdedSubnetA, String crowdedSubnetB,
                                String launchTemplateId) {
    public static final String HEALTHY = "calm";
    public static final String AT_RISK = "crowded";
    public static final String ASG_TEMPLATE = "crowded-workers";
    public static final String ASG_CONFIGURATION = "crowded-legacy";
    public static final String UNKNOWN_TYPE = "x9.exotic";
    private static final String ROLE_ARN = "arn:aws:iam::123456789012:role/eks";

    public static TwoClusterAccount seed(Ec2Client ec2, EksClient eks, AutoScalingClient autoScaling) {
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.40.0.0/16")).vpc().vpcId();
        String calm = subnet(ec2, vpc, "10.40.0.0/22", "us-east-1a", "calm-a");
        String crowdedA = subnet(ec2, vpc, "10.40.8.0/27", "us-east-1a", "crowded-a");
        String crowdedB = subnet(ec2, vpc, "10.40.8.32/27", "us-east-1b", "crowded-b");
        String ami = ec2.describeImagesPaginator(r -> r.owners("amazon")).images().stream().findFirst()
                .orElseThrow().imageId();

        eks.createCluster(r -> r.name(HEALTHY).roleArn(ROLE_ARN).version("1.31")
                .resourcesVpcConfig(v -> v.subnetIds(calm)));
        eks.createNodegroup(r -> r.clusterName(HEALTHY).nodegroupName("calm-ng").nodeRole(ROLE_ARN).subnets(calm)
                .instanceTypes("m5.large").scalingConfig(s -> s.minSize(1).desiredSize(1).maxSize(2)));
        eks.createNodegroup(r -> r.clusterName(HEALTHY).nodegroupName("calm-x9").nodeRole(ROLE_ARN).subnets(calm)
                .instanceTypes(UNKNOWN_TYPE).scalingConfig(s -> s.minSize(0).desiredSize(0).maxSize(1)));
        managedNode(ec2, ami, calm, HEALTHY, "calm-ng");

        eks.createCluster(r -> r.name(AT_RISK).roleArn(ROLE_ARN).version("1.31")
                .resourcesVpcConfig(v -> v.subnetIds(crowdedA, crowdedB)));
        eks.createNodegroup(r -> r.clusterName(AT_RISK).nodegroupName("crowded-ng").nodeRole(ROLE_ARN)
                .subnets(crowdedA).instanceTypes("m5.large")
                .scalingConfig(s -> s.minSize(1).desiredSize(1).maxSize(1)));
        managedNode(ec2, ami, crowdedA, AT_RISK, "crowded-ng");

        String template = ec2.createLaunchTemplate(r -> r.launchTemplateName("crowded-workers-lt")
                        .launchTemplateData(d -> d.imageId(ami).instanceType(InstanceType.M5_LARGE)))
                .launchTemplate().launchTemplateId();
        autoScaling.createAutoScalingGroup(r -> r.autoScalingGroupName(ASG_TEMPLATE)
                .launchTemplate(l -> l.launchTemplateId(template).version("$Latest"))
                .minSize(1).desiredCapacity(1).maxSize(10).vpcZoneIdentifier(crowdedA + "," + crowdedB)
                .tags(asgTag(ASG_TEMPLATE)));
        autoScaling.createLaunchConfiguration(r -> r.launchConfigurationName("crowded-legacy-lc").imageId(ami)
                .instanceType("t3.medium"));
        autoScaling.createAutoScalingGroup(r -> r.autoScalingGroupName(ASG_CONFIGURATION)
                .launchConfigurationName("crowded-legacy-lc")
                .minSize(0).desiredCapacity(0).maxSize(4).vpcZoneIdentifier(crowdedB)
                .tags(asgTag(ASG_CONFIGURATION)));
        return new TwoClusterAccount(vpc, calm, crowdedA, crowdedB, template);
    }

    private static String subnet(Ec2Client ec2, String vpc, String cidr, String az, String name) {
        return ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock(cidr).availabilityZone(az)
                .tagSpecifications(SeededAccount.tags(ResourceType.SUBNET, Map.of("Name", name)))).subnet().subnetId();
    }

    private static void managedNode(Ec2Client ec2, String ami, String subnet, String cluster, String nodeGroup) {
        ec2.runInstances(r -> r.imageId(ami).instanceType(InstanceType.M5_LARGE).minCount(1).maxCount(1)
                .subnetId(subnet).tagSpecifications(SeededAccount.tags(ResourceType.INSTANCE, Map.of(
                        "eks:cluster-name", cluster, "eks:nodegroup-name", nodeGroup,
                        "kubernetes.io/cluster/" + cluster, "owned"))));
    }

    private static Tag asgTag(String group) {
        return Tag.builder().key("kubernetes.io/cluster/" + AT_RISK).value("owned").propagateAtLaunch(true)
                .resourceType("auto-scaling-group").resourceId(group).build();
    }
}
