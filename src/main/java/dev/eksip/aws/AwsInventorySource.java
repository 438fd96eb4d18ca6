package dev.eksip.aws;

import static java.util.Objects.requireNonNull;

import dev.eksip.app.AwsCallException;
import dev.eksip.app.port.InventorySource;
import dev.eksip.app.inventory.Attribution;
import dev.eksip.app.inventory.AutoScalingGroupFacts;
import dev.eksip.app.inventory.ClusterFacts;
import dev.eksip.app.inventory.EniFacts;
import dev.eksip.app.inventory.InstanceFacts;
import dev.eksip.app.inventory.InventoryAssembler;
import dev.eksip.app.inventory.LaunchSpec;
import dev.eksip.app.inventory.NodeGroupAssembly;
import dev.eksip.app.inventory.SubnetFacts;
import dev.eksip.config.ConfiguredCni;
import dev.eksip.domain.CniSettings;
import dev.eksip.domain.InstanceLimits;
import dev.eksip.domain.Inventory;
import dev.eksip.domain.InventoryGap;
import dev.eksip.simulation.InstanceCatalog;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Reads one region's EKS clusters, node groups, nodes, ENIs and subnets with list/describe calls only
 * ({@link #IAM_ACTIONS}, the policy in docs/cli.md), every list paginated at the API's maximum page size, batched by
 * filter values rather than per instance or ENI. One reader per AWS resource does the calls and returns SDK-free
 * facts, in this order: {@link EksReader} (clusters, managed node groups, the vpc-cni add-on),
 * {@link AutoScalingReader} (groups carrying the clusters' tag keys, launch configurations),
 * {@link LaunchTemplateReader}, {@link InstanceReader}, {@link SubnetReader} (subnets and their CIDR reservations),
 * {@link NetworkInterfaceReader} and {@link InstanceTypeReader} (types the embedded table lacks); the pure
 * {@link InventoryAssembler} and its helpers attribute and assemble between and after the reads.
 *
 * <p>Faults ({@link AwsCalls}): an EKS, Auto Scaling, launch template, reservation or instance-type call that fails
 * becomes an {@link InventoryGap} and the rest is still read; the calls every forecast needs ({@code ListClusters},
 * {@code DescribeInstances}, {@code DescribeSubnets}, {@code DescribeNetworkInterfaces}) throw
 * {@link AwsCallException}. Throttling and 5xx are retried by the clients (see {@link AwsClients}).
 *
 * <p>What AWS APIs cannot show: ENIConfig objects (custom networking) live in Kubernetes, so the pod subnet per AZ
 * is inferred from the pod ENIs observed on the cluster's nodes; settings of a self-managed aws-node DaemonSet
 * (no vpc-cni add-on) are not readable, so configured per-cluster defaults or ipamd's defaults apply.
 */
public final class AwsInventorySource implements InventorySource, AutoCloseable {
    /** Every IAM action {@link #load} may call: a read-only policy needs exactly these (docs/cli.md). */
    public static final List<String> IAM_ACTIONS = List.of(
            "autoscaling:DescribeAutoScalingGroups",
            "autoscaling:DescribeLaunchConfigurations",
            "ec2:DescribeInstanceTypes",
            "ec2:DescribeInstances",
            "ec2:DescribeLaunchTemplateVersions",
            "ec2:DescribeNetworkInterfaces",
            "ec2:DescribeSubnets",
            "ec2:GetSubnetCidrReservations",
            "eks:DescribeAddon",
            "eks:DescribeCluster",
            "eks:DescribeNodegroup",
            "eks:ListClusters",
            "eks:ListNodegroups");

    private final Ec2Client ec2;
    private final EksClient eks;
    private final AutoScalingClient autoScaling;
    private final String region;
    private final Map<String, CniSettings> configured;
    private final Clock clock;
    private final Consumer<String> progress;
    private final AutoCloseable owned;

    public AwsInventorySource(Ec2Client ec2, EksClient eks, AutoScalingClient autoScaling, String region,
                              Map<String, CniSettings> configured, Clock clock, Consumer<String> progress) {
        this(ec2, eks, autoScaling, region, configured, clock, progress, null);
    }

    private AwsInventorySource(Ec2Client ec2, EksClient eks, AutoScalingClient autoScaling, String region,
                               Map<String, CniSettings> configured, Clock clock, Consumer<String> progress,
                               AutoCloseable owned) {
        this.ec2 = requireNonNull(ec2, "ec2");
        this.eks = requireNonNull(eks, "eks");
        this.autoScaling = requireNonNull(autoScaling, "autoScaling");
        this.region = requireNonNull(region, "region");
        this.configured = Map.copyOf(configured);
        this.clock = requireNonNull(clock, "clock");
        this.progress = requireNonNull(progress, "progress");
        this.owned = owned;
    }

    /** A source over {@code clients} (not closed by this source). */
    public static AwsInventorySource using(AwsClients clients, Map<String, CniSettings> configured,
                                           Consumer<String> progress) {
        return new AwsInventorySource(clients.ec2(), clients.eks(), clients.autoScaling(), clients.region().id(),
                configured, Clock.systemUTC(), progress, null);
    }

    /**
     * A source with its own clients built from {@code env} ({@link AwsClients#fromEnvironment}); closing the
     * source closes them. {@code configured}: CNI settings per cluster name for clusters without a vpc-cni add-on.
     */
    public static AwsInventorySource fromEnvironment(Map<String, String> env, Map<String, CniSettings> configured) {
        return fromEnvironment(env, configured, message -> { });
    }

    public static AwsInventorySource fromEnvironment(Map<String, String> env, Map<String, CniSettings> configured,
                                                     Consumer<String> progress) {
        AwsClients clients = AwsClients.fromEnvironment(env);
        return new AwsInventorySource(clients.ec2(), clients.eks(), clients.autoScaling(), clients.region().id(),
                configured, Clock.systemUTC(), progress, clients);
    }

    @Override
    public void close() {
        if (owned == null) return;
        try {
            owned.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot close AWS clients", e);
        }
    }

    @Override
    public Inventory load(List<String> clusterFilter) {
        List<InventoryGap> gaps = new ArrayList<>();
        AwsCalls calls = new AwsCalls(gaps);
        boolean everyCluster = clusterFilter.isEmpty();
        EksReader eksReader = new EksReader(eks, calls);
        List<String> names = everyCluster ? eksReader.clusterNames()
                : clusterFilter.stream().distinct().sorted().toList();
        progress.accept("reading %d cluster(s) in %s".formatted(names.size(), region));
        List<ClusterFacts> clusters = names.stream().flatMap(n -> eksReader.cluster(n).stream()).toList();
        List<String> clusterTagKeys = Attribution.clusterTagKeys(names, everyCluster);

        // Auto Scaling groups: self-managed node groups, and the instance types their launches name
        AutoScalingReader autoScalingReader = new AutoScalingReader(autoScaling, calls, region);
        Map<String, List<AutoScalingGroupFacts>> selfManaged = names.isEmpty() ? Map.of()
                : Attribution.selfManaged(autoScalingReader.groups(clusterTagKeys), clusters, names);
        Map<LaunchSpec, String> launchTypes = launchTypes(
                NodeGroupAssembly.unresolvedLaunches(clusters, selfManaged), autoScalingReader, calls);

        List<InstanceFacts> instances = names.isEmpty() ? List.of() : new InstanceReader(ec2).running(clusterTagKeys);
        progress.accept("found %d running node(s)".formatted(instances.size()));
        NodeGroupAssembly.Result nodeGroups = NodeGroupAssembly.assemble(names, clusters, selfManaged, launchTypes,
                instances);
        gaps.addAll(nodeGroups.gaps());

        SubnetReader subnetReader = new SubnetReader(ec2, calls);
        List<SubnetFacts> selected = subnetReader.subnets(InventoryAssembler.subnetQuery(clusters, nodeGroups));
        progress.accept("reading %d subnet(s)".formatted(selected.size()));
        List<SubnetFacts> subnets = selected.stream()
                .map(s -> s.withReservations(subnetReader.reservations(s.subnetId()))).toList();
        List<EniFacts> enis = subnets.isEmpty() ? List.of()
                : new NetworkInterfaceReader(ec2).inSubnets(subnets.stream().map(SubnetFacts::subnetId).toList());
        progress.accept("found %d ENI(s)".formatted(enis.size()));

        List<String> unknownTypes = InventoryAssembler.typesMissingFrom(InstanceCatalog.embedded(), nodeGroups);
        List<InstanceLimits> limits = List.of();
        if (!unknownTypes.isEmpty()) {
            Optional<List<InstanceLimits>> read = new InstanceTypeReader(ec2, calls, region).limits(unknownTypes);
            read.ifPresent(found -> gaps.addAll(InventoryAssembler.unknownTypeGaps(unknownTypes, found)));
            limits = read.orElse(List.of());
        }

        Map<String, CniSettings> configuredByCluster = new HashMap<>();
        for (String name : names) {
            CniSettings settings = ConfiguredCni.forCluster(configured, name);
            if (settings != null) configuredByCluster.put(name, settings);
        }
        return InventoryAssembler.assemble(new InventoryAssembler.Facts(region, clock.instant(), clusters, nodeGroups,
                subnets, enis, limits, configuredByCluster, gaps));
    }

    /** The instance type named by each launch template version or launch configuration that could be read. */
    private Map<LaunchSpec, String> launchTypes(List<LaunchSpec> launches, AutoScalingReader autoScalingReader,
                                                AwsCalls calls) {
        List<LaunchSpec.Template> templates = new ArrayList<>();
        SortedSet<String> configurations = new TreeSet<>();
        for (LaunchSpec launch : launches) {
            switch (launch) {
                case LaunchSpec.Template t -> templates.add(t);
                case LaunchSpec.Configuration c -> configurations.add(c.name());
                case LaunchSpec.None n -> { }
            }
        }
        Map<LaunchSpec, String> out = new HashMap<>(new LaunchTemplateReader(ec2, calls).instanceTypes(templates));
        if (!configurations.isEmpty())
            autoScalingReader.launchConfigurationTypes(configurations)
                    .forEach((name, type) -> out.put(new LaunchSpec.Configuration(name), type));
        return out;
    }
}
