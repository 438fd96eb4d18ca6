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
import dev.eksip.app.inventory.LaunchData;
import dev.eksip.app.inventory.LaunchSpec;
import dev.eksip.app.inventory.NodeGroupAssembly;
import dev.eksip.app.inventory.SubnetFacts;
import dev.eksip.aws.ReadPool.Forked;
import dev.eksip.config.AppConfig;
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
import java.util.function.Function;

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
 * <p>Concurrency ({@link ReadPool}): calls that do not need each other's answers run side by side, at most
 * {@code readConcurrency} at a time ({@code READ_CONCURRENCY}, {@code --read-concurrency}, default
 * {@value AppConfig#DEFAULT_READ_CONCURRENCY}): the clusters (per cluster {@code DescribeCluster}, then
 * {@code ListNodegroups} with a {@code DescribeNodegroup} per group beside {@code DescribeAddon}), the Auto Scaling
 * groups and the instances; then launch templates and configurations; after {@code DescribeSubnets}, the
 * reservations per subnet, the ENI batches and the instance types. The calls made are the same as one at a time,
 * and results and gaps are assembled in request order, so the inventory is the same whatever the bound. The
 * longest dependent chain is {@code ListClusters} → {@code DescribeCluster} → {@code ListNodegroups} →
 * {@code DescribeNodegroup} → launch templates → {@code DescribeSubnets} → reservations or ENI pages.
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
    /** The EC2 client of the reads whose failure is a gap ({@link AwsClients#ec2Optional}). */
    private final Ec2Client ec2Optional;
    private final EksClient eks;
    /** One cluster's EKS client ({@link AwsClients#eks(String)}). */
    private final Function<String, EksClient> eksForCluster;
    private final AutoScalingClient autoScaling;
    private final String region;
    private final Map<String, CniSettings> configured;
    private final Clock clock;
    private final Consumer<String> progress;
    private final AutoCloseable owned;
    private final int readConcurrency;

    /**
     * A source reading {@value AppConfig#DEFAULT_READ_CONCURRENCY} calls at a time, every EC2 read over {@code ec2}
     * and every EKS read over {@code eks} ({@link #using} gives the optional EC2 reads a client of their own,
     * {@link AwsClients#ec2Optional}, and each cluster's EKS reads theirs, {@link AwsClients#eks(String)}).
     */
    public AwsInventorySource(Ec2Client ec2, EksClient eks, AutoScalingClient autoScaling, String region,
                              Map<String, CniSettings> configured, Clock clock, Consumer<String> progress) {
        this(ec2, ec2, eks, name -> eks, autoScaling, region, configured, clock, progress, null,
                AppConfig.DEFAULT_READ_CONCURRENCY);
    }

    /** @param readConcurrency the most read calls in flight at once (1: one after another) */
    public AwsInventorySource(Ec2Client ec2, EksClient eks, AutoScalingClient autoScaling, String region,
                              Map<String, CniSettings> configured, Clock clock, Consumer<String> progress,
                              int readConcurrency) {
        this(ec2, ec2, eks, name -> eks, autoScaling, region, configured, clock, progress, null, readConcurrency);
    }

    private AwsInventorySource(Ec2Client ec2, Ec2Client ec2Optional, EksClient eks,
                               Function<String, EksClient> eksForCluster, AutoScalingClient autoScaling,
                               String region, Map<String, CniSettings> configured, Clock clock,
                               Consumer<String> progress, AutoCloseable owned, int readConcurrency) {
        this.ec2 = requireNonNull(ec2, "ec2");
        this.ec2Optional = requireNonNull(ec2Optional, "ec2Optional");
        this.eks = requireNonNull(eks, "eks");
        this.eksForCluster = requireNonNull(eksForCluster, "eksForCluster");
        this.autoScaling = requireNonNull(autoScaling, "autoScaling");
        this.region = requireNonNull(region, "region");
        this.configured = Map.copyOf(configured);
        this.clock = requireNonNull(clock, "clock");
        this.progress = requireNonNull(progress, "progress");
        this.owned = owned;
        if (readConcurrency < 1) throw new IllegalArgumentException("readConcurrency must be at least 1");
        this.readConcurrency = readConcurrency;
    }

    /** A source over {@code clients} (not closed by this source). */
    public static AwsInventorySource using(AwsClients clients, Map<String, CniSettings> configured,
                                           Consumer<String> progress) {
        return new AwsInventorySource(clients.ec2(), clients.ec2Optional(), clients.eks(), clients::eks,
                clients.autoScaling(), clients.region().id(), configured, Clock.systemUTC(), progress, null,
                clients.readConcurrency());
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
        return new AwsInventorySource(clients.ec2(), clients.ec2Optional(), clients.eks(), clients::eks,
                clients.autoScaling(), clients.region().id(), configured, Clock.systemUTC(), progress, clients,
                clients.readConcurrency());
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
        try (ReadPool pool = new ReadPool(readConcurrency)) {
            return load(clusterFilter, pool);
        }
    }

    /**
     * The reads in their dependency order; what does not depend on an earlier result is forked, and every fork is
     * joined in the order the serial reads made those calls, so results and gaps come in that order.
     */
    private Inventory load(List<String> clusterFilter, ReadPool pool) {
        List<InventoryGap> gaps = new ArrayList<>();
        AwsCalls calls = new AwsCalls(gaps);
        boolean everyCluster = clusterFilter.isEmpty();
        List<String> names = everyCluster
                ? pool.leaf(c -> new EksReader(eks, eksForCluster, c).clusterNames()).join(calls)
                : clusterFilter.stream().distinct().sorted().toList();
        progress.accept("reading %d cluster(s) in %s".formatted(names.size(), region));
        List<String> clusterTagKeys = Attribution.clusterTagKeys(names, everyCluster);

        // the clusters, the tagged Auto Scaling groups and the running instances need only the cluster names
        Forked<List<ClusterFacts>> clustersRead = pool.branch(c -> new EksReader(eks, eksForCluster, c)
                .clusters(names, pool));
        Forked<List<AutoScalingGroupFacts>> groupsRead = names.isEmpty() ? null
                : pool.leaf(c -> new AutoScalingReader(autoScaling, c, region).groups(clusterTagKeys));
        Forked<List<InstanceFacts>> instancesRead = names.isEmpty() ? null
                : pool.branch(c -> new InstanceReader(ec2).running(clusterTagKeys, pool, c));
        List<ClusterFacts> clusters = clustersRead.join(calls);

        // Auto Scaling groups: self-managed node groups, and the instance types their launches name
        Map<String, List<AutoScalingGroupFacts>> selfManaged = names.isEmpty() ? Map.of()
                : Attribution.selfManaged(groupsRead.join(calls), clusters, names);
        Map<LaunchSpec, LaunchData> launches = launches(
                NodeGroupAssembly.launchesToRead(clusters, selfManaged), pool, calls);

        List<InstanceFacts> instances = names.isEmpty() ? List.of() : instancesRead.join(calls);
        progress.accept("found %d running node(s)".formatted(instances.size()));
        NodeGroupAssembly.Result nodeGroups = NodeGroupAssembly.assembleLaunches(names, clusters, selfManaged,
                launches, instances);
        gaps.addAll(nodeGroups.gaps());

        List<SubnetFacts> selected = pool.leaf(c -> new SubnetReader(ec2, c)
                .subnets(InventoryAssembler.subnetQuery(clusters, nodeGroups))).join(calls);
        progress.accept("reading %d subnet(s)".formatted(selected.size()));
        // then side by side: each subnet's reservations, its ENIs, and the instance types the table lacks
        Forked<List<SubnetFacts>> subnetsRead = pool.branch(c -> pool.leaves(selected, c,
                (cc, s) -> s.withReservations(new SubnetReader(ec2Optional, cc).reservations(s.subnetId()))));
        Forked<List<EniFacts>> enisRead = selected.isEmpty() ? null : pool.branch(c -> new NetworkInterfaceReader(ec2)
                .inSubnets(selected.stream().map(SubnetFacts::subnetId).toList(), pool, c));
        List<String> unknownTypes = InventoryAssembler.typesMissingFrom(InstanceCatalog.embedded(), nodeGroups);
        Forked<Optional<List<InstanceLimits>>> limitsRead = unknownTypes.isEmpty() ? null
                : pool.leaf(c -> new InstanceTypeReader(ec2Optional, c, region).limits(unknownTypes));
        List<SubnetFacts> subnets = subnetsRead.join(calls);
        List<EniFacts> enis = enisRead == null ? List.of() : enisRead.join(calls);
        progress.accept("found %d ENI(s)".formatted(enis.size()));

        List<InstanceLimits> limits = List.of();
        if (limitsRead != null) {
            Optional<List<InstanceLimits>> read = limitsRead.join(calls);
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

    /** What each launch template version or launch configuration that could be read holds (type, user data). */
    private Map<LaunchSpec, LaunchData> launches(List<LaunchSpec> launches, ReadPool pool, AwsCalls calls) {
        List<LaunchSpec.Template> templates = new ArrayList<>();
        SortedSet<String> configurations = new TreeSet<>();
        for (LaunchSpec launch : launches) {
            switch (launch) {
                case LaunchSpec.Template t -> templates.add(t);
                case LaunchSpec.Configuration c -> configurations.add(c.name());
                case LaunchSpec.None n -> { }
            }
        }
        Forked<Map<LaunchSpec.Template, LaunchData>> templatesRead = pool.branch(c ->
                new LaunchTemplateReader(ec2Optional, c).launches(templates, pool));
        Forked<Map<String, LaunchData>> configurationsRead = configurations.isEmpty() ? null
                : pool.leaf(c -> new AutoScalingReader(autoScaling, c, region).launchConfigurations(configurations));
        Map<LaunchSpec, LaunchData> out = new HashMap<>(templatesRead.join(calls));
        if (configurationsRead != null)
            configurationsRead.join(calls).forEach((name, data) -> out.put(new LaunchSpec.Configuration(name), data));
        return out;
    }
}
