package dev.eksip.testing.aws;

import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInterfacesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInterfacesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.GetSubnetCidrReservationsRequest;
import software.amazon.awssdk.services.ec2.model.GetSubnetCidrReservationsResponse;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterface;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.NetworkInterfaceAttachment;
import software.amazon.awssdk.services.ec2.model.NetworkInterfacePrivateIpAddress;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.eks.model.Cluster;
import software.amazon.awssdk.services.eks.model.Nodegroup;

import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in EC2 for the live path at any scale: {@code DescribeInstances} and {@code DescribeNetworkInterfaces}
 * pages (1,000 per page, as the inventory asks) are generated when asked for and nothing is kept, so a heap probe
 * measures what the inventory itself retains. The account: cluster {@value #CLUSTER} in {@code vpc-1} with
 * {@code subnets} /16 subnets (10.S.0.0/16), one managed m5.large node group per subnet, {@code nodesPerSubnet}
 * running nodes in each, every node with {@value #ENIS} ENIs of {@value #IPS_PER_ENI} addresses (ipamd's
 * {@code WARM_ENI_TARGET=1} on an m5.large). {@link #seedEks} puts the cluster and groups into an EKS fake.
 */
public final class GeneratedEc2 implements Ec2Client {
    public static final String CLUSTER = "big";
    public static final int ENIS = 2;
    public static final int IPS_PER_ENI = 10;
    static final int PAGE = 1000;

    private final int subnets;
    private final int nodesPerSubnet;

    public GeneratedEc2(int subnets, int nodesPerSubnet) {
        if (nodesPerSubnet * ENIS * IPS_PER_ENI > 65_000) throw new IllegalArgumentException("a /16 is too small");
        this.subnets = subnets;
        this.nodesPerSubnet = nodesPerSubnet;
    }

    public void seedEks(SdkFakes.Eks eks) {
        List<String> ids = new ArrayList<>();
        for (int s = 0; s < subnets; s++) ids.add(subnetId(s));
        eks.clusters.put(CLUSTER, Cluster.builder().name(CLUSTER)
                .resourcesVpcConfig(v -> v.vpcId("vpc-1").subnetIds(ids)).build());
        List<Nodegroup> groups = new ArrayList<>();
        for (int s = 0; s < subnets; s++) {
            int group = s;
            groups.add(Nodegroup.builder().nodegroupName(group(s)).clusterName(CLUSTER).instanceTypes("m5.large")
                    .subnets(subnetId(s)).scalingConfig(c -> c.minSize(nodesPerSubnet).desiredSize(nodesPerSubnet)
                            .maxSize(nodesPerSubnet * 2))
                    .resources(r -> r.autoScalingGroups(a -> a.name("eks-" + group(group) + "-uuid"))).build());
        }
        eks.nodegroups.put(CLUSTER, groups);
    }

    @Override
    public DescribeSubnetsResponse describeSubnets(DescribeSubnetsRequest r) {
        List<Subnet> out = new ArrayList<>();
        boolean tagged = r.filters().stream().anyMatch(f -> f.name().equals("tag-key"));
        if (!tagged)
            for (int s = 0; s < subnets; s++) {
                int used = nodesPerSubnet * ENIS * IPS_PER_ENI;
                out.add(Subnet.builder().subnetId(subnetId(s)).vpcId("vpc-1").availabilityZone(zone(s))
                        .cidrBlock("10.%d.0.0/16".formatted(s)).availableIpAddressCount(65536 - 5 - used)
                        .ownerId("111122223333").build());
            }
        return DescribeSubnetsResponse.builder().subnets(out).build();
    }

    @Override
    public GetSubnetCidrReservationsResponse getSubnetCidrReservations(GetSubnetCidrReservationsRequest r) {
        return GetSubnetCidrReservationsResponse.builder().build();
    }

    @Override
    public DescribeInstancesResponse describeInstances(DescribeInstancesRequest r) {
        int start = r.nextToken() == null ? 0 : Integer.parseInt(r.nextToken());
        int total = subnets * nodesPerSubnet;
        List<Instance> page = new ArrayList<>();
        for (int k = start; k < Math.min(total, start + PAGE); k++) page.add(instance(k / nodesPerSubnet, k % nodesPerSubnet));
        return DescribeInstancesResponse.builder()
                .reservations(Reservation.builder().ownerId("111122223333").instances(page).build())
                .nextToken(start + PAGE < total ? String.valueOf(start + PAGE) : null).build();
    }

    @Override
    public DescribeNetworkInterfacesResponse describeNetworkInterfaces(DescribeNetworkInterfacesRequest r) {
        List<Integer> wanted = r.filters().stream().filter(f -> f.name().equals("subnet-id"))
                .map(Filter::values).flatMap(List::stream).map(id -> Integer.parseInt(id.substring(7))).toList();
        int perSubnet = nodesPerSubnet * ENIS;
        int total = wanted.size() * perSubnet;
        int start = r.nextToken() == null ? 0 : Integer.parseInt(r.nextToken());
        List<NetworkInterface> page = new ArrayList<>();
        for (int k = start; k < Math.min(total, start + PAGE); k++) {
            int s = wanted.get(k / perSubnet);
            int within = k % perSubnet;
            page.add(eni(s, within / ENIS, within % ENIS));
        }
        return DescribeNetworkInterfacesResponse.builder().networkInterfaces(page)
                .nextToken(start + PAGE < total ? String.valueOf(start + PAGE) : null).build();
    }

    private Instance instance(int s, int n) {
        return Instance.builder().instanceId(instanceId(s, n)).instanceType("m5.large").subnetId(subnetId(s))
                .placement(p -> p.availabilityZone(zone(s))).state(st -> st.name(InstanceStateName.RUNNING))
                .tags(tag("kubernetes.io/cluster/" + CLUSTER, "owned"), tag("eks:cluster-name", CLUSTER),
                        tag("eks:nodegroup-name", group(s)))
                .networkInterfaces(InstanceNetworkInterface.builder().subnetId(subnetId(s)).build()).build();
    }

    private NetworkInterface eni(int s, int n, int e) {
        int first = 16 + (n * ENIS + e) * IPS_PER_ENI;
        List<NetworkInterfacePrivateIpAddress> ips = new ArrayList<>();
        for (int i = 0; i < IPS_PER_ENI; i++)
            ips.add(NetworkInterfacePrivateIpAddress.builder().privateIpAddress(ip(s, first + i)).primary(i == 0)
                    .build());
        return NetworkInterface.builder().networkInterfaceId("eni-%05d%06d%d".formatted(s, n, e)).subnetId(subnetId(s))
                .availabilityZone(zone(s)).privateIpAddress(ip(s, first)).privateIpAddresses(ips)
                .interfaceType("interface").status("in-use")
                .attachment(NetworkInterfaceAttachment.builder().instanceId(instanceId(s, n)).deviceIndex(e).build())
                .build();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    static String subnetId(int s) {
        return "subnet-%05d".formatted(s);
    }

    static String group(int s) {
        return "ng-%05d".formatted(s);
    }

    private static String instanceId(int s, int n) {
        return "i-%05d%06d".formatted(s, n);
    }

    private static String zone(int s) {
        return "us-east-1" + (char) ('a' + s % 3);
    }

    private static String ip(int subnet, int offset) {
        return "10." + subnet + "." + (offset >> 8) + "." + (offset & 255);
    }

    @Override
    public String serviceName() {
        return "ec2";
    }

    @Override
    public void close() {
    }
}
