package dev.eksip.testing.aws;

import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.Tag;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.ec2.model.PrivateIpAddressSpecification;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.SubnetCidrReservationType;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.eks.EksClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small EKS account seeded into moto, shared by the emulator tests (inventory, audit, Lambda):
 * VPC 10.20.0.0/16 with one node subnet per AZ (us-east-1a/b/c, /24) and a subnet-discovery pod subnet
 * (10.20.16.0/20, us-east-1a, tagged {@code kubernetes.io/role/cni=1}); cluster {@value #CLUSTER} with managed node
 * groups {@value #NG_GENERAL} (m5.large, 3 subnets, 2/3/6) and {@value #NG_BATCH} (c5.xlarge, subnets a+b, 0/2/4)
 * whose nodes are {@code RunInstances} with EKS tags; a self-managed Auto Scaling group {@value #ASG_SELF}
 * (launch template t3.large, subnets b+c, 1/2/4) whose instances moto launches; each m5.large node holds what ipamd
 * gives it with WARM_ENI_TARGET=1 (primary ENI filled with 9 secondary IPs, a second ENI at device index 1 with 9);
 * the first one's second ENI sits in the pod subnet; an unattached ENI in subnet a (a load balancer's), a
 * {@code no_manage} ENI on the first c5 node; a {@code prefix} CIDR reservation 10.20.2.128/28 in subnet c; and a
 * stray instance tagged for another cluster in the default VPC.
 */
public record SeededAccount(String vpcId, String subnetA, String subnetB, String subnetC, String podSubnet,
                            List<String> generalNodes, List<String> batchNodes, List<String> selfManagedNodes,
                            String loadBalancerEni, String noManageEni, String reservationId) {
    public static final String CLUSTER = "prod";
    public static final String NG_GENERAL = "ng-general";
    public static final String NG_BATCH = "ng-batch";
    public static final String ASG_SELF = "prod-self-managed";
    public static final String ROLE_ARN = "arn:aws:iam::123456789012:role/eks";

    public List<String> nodeSubnets() {
        return List.of(subnetA, subnetB, subnetC);
    }

    public static SeededAccount seed(Ec2Client ec2, EksClient eks, AutoScalingClient autoScaling) {
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.20.0.0/16")).vpc().vpcId();
        String a = subnet(ec2, vpc, "10.20.0.0/24", "us-east-1a", Map.of("Name", "prod-a"));
        String b = subnet(ec2, vpc, "10.20.1.0/24", "us-east-1b", Map.of("Name", "prod-b"));
        String c = subnet(ec2, vpc, "10.20.2.0/24", "us-east-1c", Map.of("Name", "prod-c"));
        String pod = subnet(ec2, vpc, "10.20.16.0/20", "us-east-1a",
                Map.of("Name", "prod-pods-a", "kubernetes.io/role/cni", "1"));
        String reservation = ec2.createSubnetCidrReservation(r -> r.subnetId(c).cidr("10.20.2.128/28")
                .reservationType(SubnetCidrReservationType.PREFIX)).subnetCidrReservation().subnetCidrReservationId();

        eks.createCluster(r -> r.name(CLUSTER).roleArn(ROLE_ARN).version("1.31")
                .resourcesVpcConfig(v -> v.subnetIds(a, b, c)));
        eks.createNodegroup(r -> r.clusterName(CLUSTER).nodegroupName(NG_GENERAL).nodeRole(ROLE_ARN)
                .subnets(a, b, c).instanceTypes("m5.large")
                .scalingConfig(s -> s.minSize(2).desiredSize(3).maxSize(6)));
        eks.createNodegroup(r -> r.clusterName(CLUSTER).nodegroupName(NG_BATCH).nodeRole(ROLE_ARN)
                .subnets(a, b).instanceTypes("c5.xlarge")
                .scalingConfig(s -> s.minSize(0).desiredSize(2).maxSize(4)));

        String ami = ec2.describeImagesPaginator(r -> r.owners("amazon")).images().stream().findFirst()
                .orElseThrow().imageId();
        List<String> general = new ArrayList<>();
        for (String subnet : List.of(a, b, c)) general.add(managedNode(ec2, ami, subnet, NG_GENERAL, InstanceType.M5_LARGE));
        List<String> batch = new ArrayList<>();
        for (String subnet : List.of(a, b)) batch.add(managedNode(ec2, ami, subnet, NG_BATCH, InstanceType.C5_XLARGE));

        // ipamd on an m5.large (L=10, M=9) with WARM_ENI_TARGET=1 and a few pods: primary ENI full, one more ENI
        // full (AssignPrivateIpAddresses, then CreateNetworkInterface + AttachNetworkInterface at device index 1).
        // Addresses are explicit: moto draws "SecondaryPrivateIpAddressCount" addresses at random from the whole
        // CIDR with no collision check (duplicates, the network address, reserved blocks), which makes
        // AvailableIpAddressCount drift from the addresses listed; EC2 never does that.
        Addresses addresses = new Addresses();
        for (int i = 0; i < general.size(); i++) {
            String node = general.get(i);
            Instance instance = ec2.describeInstances(r -> r.instanceIds(node)).reservations().get(0).instances().get(0);
            String primary = instance.networkInterfaces().get(0).networkInterfaceId();
            String nodeSubnetCidr = List.of("10.20.0.0/24", "10.20.1.0/24", "10.20.2.0/24").get(i);
            ec2.assignPrivateIpAddresses(r -> r.networkInterfaceId(primary)
                    .privateIpAddresses(addresses.next(nodeSubnetCidr, 9)));
            String eniSubnet = i == 0 ? pod : instance.subnetId();
            List<String> eniAddresses = addresses.next(i == 0 ? "10.20.16.0/20" : nodeSubnetCidr, 10);
            String eni = ec2.createNetworkInterface(r -> r.subnetId(eniSubnet)
                    .privateIpAddresses(eniAddresses.stream().map(ip -> PrivateIpAddressSpecification.builder()
                            .privateIpAddress(ip).primary(ip.equals(eniAddresses.get(0))).build()).toList())
                    .description("aws-K8S-" + node)
                    .tagSpecifications(tags(ResourceType.NETWORK_INTERFACE,
                            Map.of("node.k8s.amazonaws.com/instance_id", node))))
                    .networkInterface().networkInterfaceId();
            ec2.attachNetworkInterface(r -> r.networkInterfaceId(eni).instanceId(node).deviceIndex(1));
        }
        // a c5.xlarge node with an ENI that ipamd must leave alone
        String noManageIp = addresses.next("10.20.0.0/24", 1).get(0);
        String noManage = ec2.createNetworkInterface(r -> r.subnetId(a).privateIpAddress(noManageIp)
                        .description("user managed")
                        .tagSpecifications(tags(ResourceType.NETWORK_INTERFACE,
                                Map.of("node.k8s.amazonaws.com/no_manage", "true"))))
                .networkInterface().networkInterfaceId();
        ec2.attachNetworkInterface(r -> r.networkInterfaceId(noManage).instanceId(batch.get(0)).deviceIndex(1));
        // someone else's ENI in subnet a (a load balancer, an endpoint…)
        String lbIp = addresses.next("10.20.0.0/24", 1).get(0);
        String lb = ec2.createNetworkInterface(r -> r.subnetId(a).privateIpAddress(lbIp).description("ELB app/prod-alb"))
                .networkInterface().networkInterfaceId();

        // self-managed node group: a real Auto Scaling group, moto launches its instances
        String template = ec2.createLaunchTemplate(r -> r.launchTemplateName("prod-self-managed-lt")
                .launchTemplateData(d -> d.imageId(ami).instanceType(InstanceType.T3_LARGE)))
                .launchTemplate().launchTemplateId();
        autoScaling.createAutoScalingGroup(r -> r.autoScalingGroupName(ASG_SELF)
                .launchTemplate(l -> l.launchTemplateId(template).version("$Latest"))
                .minSize(1).desiredCapacity(2).maxSize(4).vpcZoneIdentifier(b + "," + c)
                .tags(asgTag("kubernetes.io/cluster/" + CLUSTER, "owned"), asgTag("Name", "prod-self-managed")));
        List<String> selfManaged = ec2.describeInstancesPaginator(r -> r.filters(
                        f -> f.name("tag:aws:autoscaling:groupName").values(ASG_SELF),
                        f -> f.name("instance-state-name").values("running")))
                .reservations().stream().flatMap(r -> r.instances().stream()).map(Instance::instanceId).sorted().toList();

        // noise: the default VPC holds an instance of another cluster
        ec2.runInstances(r -> r.imageId(ami).instanceType(InstanceType.T3_MICRO).minCount(1).maxCount(1)
                .tagSpecifications(tags(ResourceType.INSTANCE, Map.of("kubernetes.io/cluster/other", "owned"))));

        return new SeededAccount(vpc, a, b, c, pod, general, batch, selfManaged, lb, noManage, reservation);
    }

    /** Hands out addresses from the top of each subnet down (moto gives instances addresses from the bottom up). */
    private static final class Addresses {
        private final Map<String, Integer> nextOffset = new java.util.HashMap<>();

        List<String> next(String cidr, int count) {
            String[] parts = cidr.split("/");
            int size = 1 << (32 - Integer.parseInt(parts[1]));
            String[] o = parts[0].split("\\.");
            long base = (Long.parseLong(o[0]) << 24) | (Long.parseLong(o[1]) << 16) | (Long.parseLong(o[2]) << 8)
                    | Long.parseLong(o[3]);
            List<String> out = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int offset = nextOffset.merge(cidr, 1, Integer::sum);
                long ip = base + size - 16 - offset; // below the last /28: clear of the broadcast address
                out.add("%d.%d.%d.%d".formatted(ip >> 24 & 255, ip >> 16 & 255, ip >> 8 & 255, ip & 255));
            }
            return out;
        }
    }

    private static String subnet(Ec2Client ec2, String vpc, String cidr, String az, Map<String, String> tags) {
        return ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock(cidr).availabilityZone(az)
                .tagSpecifications(tags(ResourceType.SUBNET, tags))).subnet().subnetId();
    }

    private static String managedNode(Ec2Client ec2, String ami, String subnet, String nodeGroup, InstanceType type) {
        return ec2.runInstances(r -> r.imageId(ami).instanceType(type).minCount(1).maxCount(1).subnetId(subnet)
                        .tagSpecifications(tags(ResourceType.INSTANCE, Map.of(
                                "eks:cluster-name", CLUSTER, "eks:nodegroup-name", nodeGroup,
                                "kubernetes.io/cluster/" + CLUSTER, "owned"))))
                .instances().get(0).instanceId();
    }

    static TagSpecification tags(ResourceType type, Map<String, String> tags) {
        return TagSpecification.builder().resourceType(type)
                .tags(tags.entrySet().stream().map(e -> software.amazon.awssdk.services.ec2.model.Tag.builder()
                        .key(e.getKey()).value(e.getValue()).build()).toList())
                .build();
    }

    private static Tag asgTag(String key, String value) {
        return Tag.builder().key(key).value(value).propagateAtLaunch(true).resourceType("auto-scaling-group")
                .resourceId(ASG_SELF).build();
    }
}
