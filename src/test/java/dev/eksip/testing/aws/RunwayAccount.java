package dev.eksip.testing.aws;

import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A moto account for the function's runway: one cluster {@value #CLUSTER} in one /25 subnet (123 usable), a managed
 * node group {@value #NODEGROUP} of m5.large at 2/2/20 with two nodes holding ten addresses each (so about 103 are
 * free now, and growing to 20 nodes cannot fit: critical, an alert is due), and — in the CloudWatch stand-in — the
 * 14 days of {@code AvailableIps} the function would have published: a subnet losing 10 addresses a day with 100
 * left (daily minima 230, 220, … 100 give or take a few addresses, hourly points above them by a diurnal swing).
 */
public record RunwayAccount(String vpcId, String subnetId) {
    public static final String CLUSTER = "runway";
    public static final String NODEGROUP = "runway-ng";
    public static final String ROLE = "arn:aws:iam::123456789012:role/eks";

    public static RunwayAccount seed(Ec2Client ec2, EksClient eks, AutoScalingClient autoScaling) {
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.40.0.0/16")).vpc().vpcId();
        String a = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.40.0.0/25").availabilityZone("us-east-1a"))
                .subnet().subnetId();
        eks.createCluster(r -> r.name(CLUSTER).roleArn(ROLE).version("1.31").resourcesVpcConfig(v -> v.subnetIds(a)));
        eks.createNodegroup(r -> r.clusterName(CLUSTER).nodegroupName(NODEGROUP).nodeRole(ROLE).subnets(a)
                .instanceTypes("m5.large").scalingConfig(s -> s.minSize(2).desiredSize(2).maxSize(20)));
        String ami = ec2.describeImagesPaginator(r -> r.owners("amazon")).images().stream().findFirst().orElseThrow().imageId();
        ManagedNodes.launch(ec2, ami, a, CLUSTER, NODEGROUP, "10.40.0.%d", 20);
        ManagedNodes.launch(ec2, ami, a, CLUSTER, NODEGROUP, "10.40.0.%d", 40);
        return new RunwayAccount(vpc, a);
    }

    /** Each day's deviation from the line (days ago 1..13): noise, so that Sen's interval is not a point. */
    private static final int[] NOISE = {3, -2, 1, -3, 2, 0, -1, 2, -2, 3, -1, 1, -2};

    /**
     * The history as the function would have published it over the 14 days before {@code now}: each day's minimum
     * {@code 100 + 10 × days ago} ± a few, today's (100) a minute before {@code now}, the other hours up to 25 above.
     */
    public void seedHistory(CloudWatchWireRecorder cloudWatch, String namespace, Instant now) {
        Map<String, String> dims = Map.of("SubnetId", subnetId, "VpcId", vpcId);
        for (int d = 13; d >= 1; d--)
            for (int h = 0; h < 24; h += 3)
                cloudWatch.seed(namespace, "AvailableIps", dims, now.minus(Duration.ofDays(d)).plus(Duration.ofHours(h)),
                        100 + 10 * d + NOISE[d - 1] + (h == 0 ? 0 : 25 * Math.abs(Math.sin(h * Math.PI / 24))));
        cloudWatch.seed(namespace, "AvailableIps", dims, now.minusSeconds(60), 100);
    }
}
