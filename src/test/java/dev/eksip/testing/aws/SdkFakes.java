package dev.eksip.testing.aws;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingException;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsResponse;
import software.amazon.awssdk.services.autoscaling.model.DescribeLaunchConfigurationsRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeLaunchConfigurationsResponse;
import software.amazon.awssdk.services.autoscaling.model.LaunchConfiguration;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeLaunchTemplateVersionsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeLaunchTemplateVersionsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInterfacesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInterfacesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.GetSubnetCidrReservationsRequest;
import software.amazon.awssdk.services.ec2.model.GetSubnetCidrReservationsResponse;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceTypeInfo;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateVersion;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.SubnetCidrReservation;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Addon;
import software.amazon.awssdk.services.eks.model.Cluster;
import software.amazon.awssdk.services.eks.model.DescribeAddonRequest;
import software.amazon.awssdk.services.eks.model.DescribeAddonResponse;
import software.amazon.awssdk.services.eks.model.DescribeClusterRequest;
import software.amazon.awssdk.services.eks.model.DescribeClusterResponse;
import software.amazon.awssdk.services.eks.model.DescribeNodegroupRequest;
import software.amazon.awssdk.services.eks.model.DescribeNodegroupResponse;
import software.amazon.awssdk.services.eks.model.EksException;
import software.amazon.awssdk.services.eks.model.ListClustersRequest;
import software.amazon.awssdk.services.eks.model.ListClustersResponse;
import software.amazon.awssdk.services.eks.model.ListNodegroupsRequest;
import software.amazon.awssdk.services.eks.model.ListNodegroupsResponse;
import software.amazon.awssdk.services.eks.model.Nodegroup;
import software.amazon.awssdk.services.eks.model.ResourceNotFoundException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Hand-written SDK client fakes: in-memory resources, EC2-style filters, pages of {@link #pageSize} items with
 * numeric next tokens, a log of every request ({@link #calls}), and injectable SDK failures (service or client-side) per operation.
 */
public final class SdkFakes {
    /** EC2 accepts at most this many values in one filter (DescribeInstances and friends answer an error above). */
    public static final int MAX_FILTER_VALUES = 200;

    private SdkFakes() {
    }

    public static <T> List<T> page(List<T> all, String token, int size) {
        int from = token == null ? 0 : Integer.parseInt(token);
        return all.subList(Math.min(from, all.size()), Math.min(all.size(), from + size));
    }

    public static String next(List<?> all, String token, int size) {
        int from = token == null ? 0 : Integer.parseInt(token);
        return from + size < all.size() ? Integer.toString(from + size) : null;
    }

    public static <T> List<T> filter(List<T> items, List<Filter> filters, Map<String, Function<T, List<String>>> attributes) {
        List<T> out = new ArrayList<>(items);
        for (Filter f : filters) {
            Function<T, List<String>> attribute = attributes.get(f.name());
            if (attribute == null) throw new IllegalArgumentException("fake: unsupported filter " + f.name());
            if (f.values().size() > MAX_FILTER_VALUES)
                throw new IllegalArgumentException("fake: more than 200 filter values");
            out.removeIf(item -> attribute.apply(item).stream().noneMatch(f.values()::contains));
        }
        return out;
    }

    public static AwsErrorDetails details(String code, String service) {
        return AwsErrorDetails.builder().errorCode(code).errorMessage(code + " for test").serviceName(service).build();
    }

    public static Ec2Exception ec2Error(String code) {
        return (Ec2Exception) Ec2Exception.builder().statusCode(403).awsErrorDetails(details(code, "EC2")).build();
    }

    public static EksException eksError(String code, int status) {
        return (EksException) EksException.builder().statusCode(status).awsErrorDetails(details(code, "EKS")).build();
    }

    public static final class Ec2 implements Ec2Client {
        public final List<Subnet> subnets = new ArrayList<>();
        public final List<Instance> instances = new ArrayList<>();
        public final List<NetworkInterface> interfaces = new ArrayList<>();
        public final List<InstanceTypeInfo> instanceTypes = new ArrayList<>();
        public final Map<String, List<SubnetCidrReservation>> reservations = new LinkedHashMap<>();
        public final Map<String, List<LaunchTemplateVersion>> templates = new LinkedHashMap<>();
        public final Map<String, SdkException> failures = new LinkedHashMap<>();
        public final List<String> calls = java.util.Collections.synchronizedList(new ArrayList<>());
        public int pageSize = 1000;

        private void call(String operation) {
            calls.add(operation);
            SdkException e = failures.get(operation);
            if (e != null) throw e;
        }

        public long count(String operation) {
            return calls.stream().filter(operation::equals).count();
        }

        @Override
        public DescribeSubnetsResponse describeSubnets(DescribeSubnetsRequest r) {
            call("DescribeSubnets");
            List<Subnet> all = filter(subnets, r.filters(), Map.of(
                    "subnet-id", s -> List.of(s.subnetId()), "vpc-id", s -> List.of(s.vpcId()),
                    "tag-key", s -> s.tags().stream().map(t -> t.key()).toList()));
            return DescribeSubnetsResponse.builder().subnets(page(all, r.nextToken(), pageSize))
                    .nextToken(next(all, r.nextToken(), pageSize)).build();
        }

        @Override
        public DescribeInstancesResponse describeInstances(DescribeInstancesRequest r) {
            call("DescribeInstances");
            List<Instance> all = filter(instances, r.filters(), Map.of(
                    "tag-key", i -> i.tags().stream().map(t -> t.key()).toList(),
                    "instance-state-name", i -> List.of(i.state() == null ? "running" : i.state().nameAsString())));
            return DescribeInstancesResponse.builder()
                    .reservations(page(all, r.nextToken(), pageSize).stream()
                            .map(i -> Reservation.builder().ownerId("111122223333").instances(i).build()).toList())
                    .nextToken(next(all, r.nextToken(), pageSize)).build();
        }

        @Override
        public DescribeNetworkInterfacesResponse describeNetworkInterfaces(DescribeNetworkInterfacesRequest r) {
            call("DescribeNetworkInterfaces");
            List<NetworkInterface> all = filter(interfaces, r.filters(),
                    Map.of("subnet-id", n -> List.of(n.subnetId())));
            return DescribeNetworkInterfacesResponse.builder().networkInterfaces(page(all, r.nextToken(), pageSize))
                    .nextToken(next(all, r.nextToken(), pageSize)).build();
        }

        @Override
        public DescribeInstanceTypesResponse describeInstanceTypes(DescribeInstanceTypesRequest r) {
            call("DescribeInstanceTypes");
            List<InstanceTypeInfo> all = filter(instanceTypes, r.filters(),
                    Map.of("instance-type", t -> List.of(t.instanceTypeAsString())));
            return DescribeInstanceTypesResponse.builder().instanceTypes(page(all, r.nextToken(), pageSize))
                    .nextToken(next(all, r.nextToken(), pageSize)).build();
        }

        @Override
        public GetSubnetCidrReservationsResponse getSubnetCidrReservations(GetSubnetCidrReservationsRequest r) {
            call("GetSubnetCidrReservations");
            List<SubnetCidrReservation> all = reservations.getOrDefault(r.subnetId(), List.of());
            return GetSubnetCidrReservationsResponse.builder()
                    .subnetIpv4CidrReservations(page(all, r.nextToken(), pageSize))
                    .nextToken(next(all, r.nextToken(), pageSize)).build();
        }

        @Override
        public DescribeLaunchTemplateVersionsResponse describeLaunchTemplateVersions(
                DescribeLaunchTemplateVersionsRequest r) {
            call("DescribeLaunchTemplateVersions");
            String key = r.launchTemplateId() != null ? r.launchTemplateId() : r.launchTemplateName();
            List<LaunchTemplateVersion> versions = templates.getOrDefault(key, List.of());
            long latest = versions.stream().mapToLong(LaunchTemplateVersion::versionNumber).max().orElse(0);
            List<LaunchTemplateVersion> all = versions.stream().filter(v -> r.versions().isEmpty()
                    || r.versions().contains(Long.toString(v.versionNumber()))
                    || r.versions().contains("$Latest") && v.versionNumber() == latest
                    || r.versions().contains("$Default") && Boolean.TRUE.equals(v.defaultVersion())).toList();
            return DescribeLaunchTemplateVersionsResponse.builder()
                    .launchTemplateVersions(page(all, r.nextToken(), pageSize))
                    .nextToken(next(all, r.nextToken(), pageSize)).build();
        }

        @Override
        public String serviceName() {
            return "ec2";
        }

        @Override
        public void close() {
        }
    }

    public static final class Eks implements EksClient {
        public final Map<String, Cluster> clusters = new LinkedHashMap<>();
        public final Map<String, List<Nodegroup>> nodegroups = new LinkedHashMap<>();
        public final Map<String, Addon> addons = new LinkedHashMap<>();
        /** Errors keyed "Operation" or "Operation/cluster". */
        public final Map<String, SdkException> failures = new LinkedHashMap<>();
        public final List<String> calls = java.util.Collections.synchronizedList(new ArrayList<>());
        public int pageSize = 100;

        private void call(String operation, String cluster) {
            calls.add(operation);
            SdkException e = failures.getOrDefault(operation + "/" + cluster, failures.get(operation));
            if (e != null) throw e;
        }

        @Override
        public ListClustersResponse listClusters(ListClustersRequest r) {
            call("ListClusters", "");
            List<String> all = List.copyOf(clusters.keySet());
            return ListClustersResponse.builder().clusters(page(all, r.nextToken(), pageSize))
                    .nextToken(next(all, r.nextToken(), pageSize)).build();
        }

        @Override
        public DescribeClusterResponse describeCluster(DescribeClusterRequest r) {
            call("DescribeCluster", r.name());
            Cluster c = clusters.get(r.name());
            if (c == null) throw ResourceNotFoundException.builder().statusCode(404)
                    .awsErrorDetails(details("ResourceNotFoundException", "EKS")).build();
            return DescribeClusterResponse.builder().cluster(c).build();
        }

        @Override
        public ListNodegroupsResponse listNodegroups(ListNodegroupsRequest r) {
            call("ListNodegroups", r.clusterName());
            List<String> all = nodegroups.getOrDefault(r.clusterName(), List.of()).stream()
                    .map(Nodegroup::nodegroupName).toList();
            return ListNodegroupsResponse.builder().nodegroups(page(all, r.nextToken(), pageSize))
                    .nextToken(next(all, r.nextToken(), pageSize)).build();
        }

        @Override
        public DescribeNodegroupResponse describeNodegroup(DescribeNodegroupRequest r) {
            call("DescribeNodegroup", r.clusterName());
            return DescribeNodegroupResponse.builder().nodegroup(nodegroups.get(r.clusterName()).stream()
                    .filter(g -> g.nodegroupName().equals(r.nodegroupName())).findFirst().orElseThrow()).build();
        }

        @Override
        public DescribeAddonResponse describeAddon(DescribeAddonRequest r) {
            call("DescribeAddon", r.clusterName());
            Addon a = addons.get(r.clusterName());
            if (a == null) throw ResourceNotFoundException.builder().statusCode(404)
                    .awsErrorDetails(details("ResourceNotFoundException", "EKS")).build();
            return DescribeAddonResponse.builder().addon(a).build();
        }

        @Override
        public String serviceName() {
            return "eks";
        }

        @Override
        public void close() {
        }
    }

    public static final class AutoScaling implements AutoScalingClient {
        public final List<AutoScalingGroup> groups = new ArrayList<>();
        public final List<LaunchConfiguration> launchConfigurations = new ArrayList<>();
        public final Map<String, SdkException> failures = new LinkedHashMap<>();
        public final List<String> calls = java.util.Collections.synchronizedList(new ArrayList<>());
        public int pageSize = 100;

        private void call(String operation) {
            calls.add(operation);
            SdkException e = failures.get(operation);
            if (e != null) throw e;
        }

        @Override
        public DescribeAutoScalingGroupsResponse describeAutoScalingGroups(DescribeAutoScalingGroupsRequest r) {
            call("DescribeAutoScalingGroups");
            List<AutoScalingGroup> all = new ArrayList<>(groups);
            for (var f : r.filters()) {
                if (!f.name().equals("tag-key")) throw new IllegalArgumentException("fake: filter " + f.name());
                all.removeIf(g -> g.tags().stream().noneMatch(t -> f.values().contains(t.key())));
            }
            return DescribeAutoScalingGroupsResponse.builder().autoScalingGroups(page(all, r.nextToken(), pageSize))
                    .nextToken(next(all, r.nextToken(), pageSize)).build();
        }

        @Override
        public DescribeLaunchConfigurationsResponse describeLaunchConfigurations(DescribeLaunchConfigurationsRequest r) {
            call("DescribeLaunchConfigurations");
            List<LaunchConfiguration> all = launchConfigurations.stream()
                    .filter(c -> r.launchConfigurationNames().contains(c.launchConfigurationName())).toList();
            return DescribeLaunchConfigurationsResponse.builder()
                    .launchConfigurations(page(all, r.nextToken(), pageSize))
                    .nextToken(next(all, r.nextToken(), pageSize)).build();
        }

        @Override
        public String serviceName() {
            return "autoscaling";
        }

        @Override
        public void close() {
        }
    }

    public static AutoScalingException autoScalingError(String code) {
        return (AutoScalingException) AutoScalingException.builder().statusCode(403)
                .awsErrorDetails(details(code, "AutoScaling")).build();
    }
}
