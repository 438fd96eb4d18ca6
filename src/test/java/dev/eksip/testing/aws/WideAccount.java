package dev.eksip.testing.aws;

import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.eks.EksClient;

import java.util.ArrayList;
import java.util.List;

/**
 * An account wide in API calls rather than nodes, seeded into moto: {@code clusters} EKS clusters in one VPC
 * (10.0.0.0/16), each with 3 subnets (/24) and {@code groupsPerCluster} managed node groups (m5.large over its 3
 * subnets), and {@code nodesPerCluster} running nodes tagged into the first group. 50 × 20 (1,000 node groups) costs
 * about 1,300 inventory calls: a {@code DescribeNodegroup} per group and a {@code GetSubnetCidrReservations} per
 * subnet dominate.
 */
public record WideAccount(int clusters, int groupsPerCluster, int nodesPerCluster) {
    public static final String ROLE_ARN = "arn:aws:iam::123456789012:role/eks";

    public static String cluster(int c) {
        return "c%02d".formatted(c);
    }

    public WideAccount seed(Ec2Client ec2, EksClient eks) {
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        String ami = ec2.describeImagesPaginator(r -> r.owners("amazon")).images().stream().findFirst()
                .orElseThrow().imageId();
        List<String> azs = List.of("us-east-1a", "us-east-1b", "us-east-1c");
        for (int c = 0; c < clusters; c++) {
            String name = cluster(c);
            List<String> subnets = new ArrayList<>();
            for (int z = 0; z < 3; z++) {
                String cidr = "10.0.%d.0/24".formatted(3 * c + z);
                String az = azs.get(z);
                subnets.add(ec2.createSubnet(r -> r.vpcId(vpc).availabilityZone(az).cidrBlock(cidr)).subnet().subnetId());
            }
            eks.createCluster(r -> r.name(name).roleArn(ROLE_ARN).version("1.31")
                    .resourcesVpcConfig(v -> v.subnetIds(subnets)));
            for (int g = 0; g < groupsPerCluster; g++) {
                String group = "ng-%02d".formatted(g);
                eks.createNodegroup(r -> r.clusterName(name).nodegroupName(group).nodeRole(ROLE_ARN).subnets(subnets)
                        .instanceTypes("m5.large").scalingConfig(s -> s.minSize(0).desiredSize(1).maxSize(10)));
            }
            if (nodesPerCluster > 0)
                ec2.runInstances(r -> r.imageId(ami).instanceType(InstanceType.M5_LARGE).subnetId(subnets.get(0))
                        .minCount(nodesPerCluster).maxCount(nodesPerCluster)
                        .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.INSTANCE).tags(
                                Tag.builder().key("eks:cluster-name").value(name).build(),
                                Tag.builder().key("eks:nodegroup-name").value("ng-00").build(),
                                Tag.builder().key("kubernetes.io/cluster/" + name).value("owned").build()).build()));
        }
        return this;
    }
}
