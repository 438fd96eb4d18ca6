package dev.eksip.aws;

import static java.util.Objects.requireNonNull;

import dev.eksip.config.ConfiguredCni;
import dev.eksip.app.port.InventorySource;
import dev.eksip.app.AwsCallException;
import dev.eksip.domain.Cluster;
import dev.eksip.domain.CniSource;
import dev.eksip.domain.InterfaceType;
import dev.eksip.domain.IpFamily;
import dev.eksip.domain.Scope;
import dev.eksip.domain.CniSettings;
import dev.eksip.domain.Eni;
import dev.eksip.domain.InstanceLimits;
import dev.eksip.domain.Inventory;
import dev.eksip.domain.InventoryGap;
import dev.eksip.domain.Node;
import dev.eksip.domain.NodeGroup;
import dev.eksip.domain.Subnet;
import dev.eksip.simulation.CniEnv;
import dev.eksip.simulation.InstanceCatalog;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.LaunchConfiguration;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.GetSubnetCidrReservationsResponse;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterface;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateVersion;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.SubnetCidrReservation;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Addon;
import software.amazon.awssdk.services.eks.model.Nodegroup;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Reads one region's EKS clusters, node groups, nodes, ENIs and subnets with list/describe calls only
 * (IAM actions in the README), every list paginated, batched by filter values rather than per instance or ENI.
 *
 * <p>Calls: EKS per cluster ({@code DescribeCluster}, {@code ListNodegroups}, {@code DescribeNodegroup} per node
 * group — EKS has no batch describe — and {@code DescribeAddon} for vpc-cni); one paginated
 * {@code DescribeAutoScalingGroups} filtered by cluster tag keys; {@code DescribeLaunchTemplateVersions} per
 * distinct launch template whose instance type is needed, {@code DescribeLaunchConfigurations} in batches of 50;
 * one paginated {@code DescribeInstances} (running, cluster tag keys); one paginated {@code DescribeSubnets} by
 * the clusters' VPCs (keeping the subnets referenced and the {@code kubernetes.io/role/cni} candidates; a second
 * by subnet id when a referenced subnet lies elsewhere or a cluster reports no VPC); {@code GetSubnetCidrReservations}
 * per subnet (the API takes one subnet); one paginated {@code DescribeNetworkInterfaces} filtered by
 * {@code subnet-id}; one paginated {@code DescribeInstanceTypes} for types the embedded table lacks.
 *
 * <p>Faults: an EKS, Auto Scaling, launch template, reservation or instance-type call that fails with an AWS error
 * becomes an {@link InventoryGap} and the rest is still read; the EC2 calls every forecast needs
 * ({@code DescribeInstances}, {@code DescribeSubnets}, {@code DescribeNetworkInterfaces}) and {@code ListClusters}
 * throw {@link AwsCallException}. Throttling and 5xx are retried by the clients (see
 * {@link AwsClients}).
 *
 * <p>What AWS APIs cannot show: ENIConfig objects (custom networking) live in Kubernetes, so the pod subnet per AZ
 * is inferred from the pod ENIs observed on the cluster's nodes; settings of a self-managed aws-node DaemonSet
 * (no vpc-cni add-on) are not readable, so configured per-cluster defaults or ipamd's defaults apply.
 */
public final class AwsInventorySource implements InventorySource, AutoCloseable {
    // Page sizes are the APIs' maxima, so pages (= calls) are as few as the APIs allow.
    /** EC2 accepts up to 200 values per filter. */
    static final int MAX_FILTER_VALUES = 200;
    static final int MAX_LAUNCH_CONFIGURATION_NAMES = 50;
    public static final String VPC_CNI_ADDON = "vpc-cni";
    public static final String CNI_ROLE_TAG = "kubernetes.io/role/cni";
    /** Every IAM action {@link #load} may call: a read-only policy needs exactly these (README). */
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
        List<String> names = clusterFilter.isEmpty()
                ? required("eks:ListClusters", () -> eks.listClustersPaginator(r -> r.maxResults(100)).clusters().stream()
                        .sorted().toList())
                : clusterFilter.stream().distinct().sorted().toList();
        progress.accept("reading %d cluster(s) in %s".formatted(names.size(), region));

        Map<String, ClusterRead> clusters = new TreeMap<>();
        for (String name : names) {
            ClusterRead read = readCluster(name, gaps);
            if (read != null) clusters.put(name, read);
        }
        Set<String> nameSet = new LinkedHashSet<>(names);
        // every node of an EKS cluster carries kubernetes.io/cluster/NAME (managed groups, eksctl, Karpenter);
        // eks:cluster-name is added only when reading all clusters, where it cannot pull in other clusters' nodes
        List<String> clusterTagKeys = Stream.concat(names.stream().map(n -> Ec2Mapping.CLUSTER_TAG_PREFIX + n),
                clusterFilter.isEmpty() ? Stream.of(Ec2Mapping.EKS_CLUSTER_TAG) : Stream.empty()).toList();

        // Auto Scaling groups: self-managed node groups, and the managed groups' ASGs for node attribution
        Map<String, List<AutoScalingGroup>> selfManaged = new TreeMap<>();
        if (!names.isEmpty()) {
            Set<String> managedAsgs = new HashSet<>();
            clusters.values().forEach(c -> c.managed.forEach(g -> {
                if (g.resources() != null) g.resources().autoScalingGroups().forEach(a -> managedAsgs.add(a.name()));
            }));
            for (AutoScalingGroup g : autoScalingGroups(clusterTagKeys, gaps)) {
                Map<String, String> tags = AutoScalingMapping.tags(g);
                Optional<String> cluster = clusterOf(tags, nameSet);
                if (cluster.isEmpty() || tags.containsKey(Ec2Mapping.EKS_NODEGROUP_TAG)
                        || managedAsgs.contains(g.autoScalingGroupName())) continue;
                selfManaged.computeIfAbsent(cluster.get(), k -> new ArrayList<>()).add(g);
            }
        }

        // instance types named only by launch templates / launch configurations
        Map<String, List<String>> templateTypes = resolveInstanceTypes(clusters, selfManaged, gaps);

        // running nodes
        List<Instance> instances = names.isEmpty() ? List.of() : runningInstances(clusterTagKeys);
        progress.accept("found %d running node(s)".formatted(instances.size()));

        // node groups per cluster, with instance types
        Map<String, List<NodeGroup>> groupsByCluster = new TreeMap<>();
        for (String cluster : names) {
            List<NodeGroup> groups = new ArrayList<>();
            ClusterRead read = clusters.get(cluster);
            if (read != null) for (Nodegroup g : read.managed) {
                List<String> types = !g.instanceTypes().isEmpty() ? g.instanceTypes()
                        : templateTypes.getOrDefault(managedKey(cluster, g.nodegroupName()), List.of());
                groups.add(EksMapping.managedNodeGroup(g, types));
            }
            for (AutoScalingGroup g : selfManaged.getOrDefault(cluster, List.of())) {
                List<String> types = AutoScalingMapping.overrideTypes(g);
                if (types.isEmpty()) types = templateTypes.getOrDefault(asgKey(g.autoScalingGroupName()), List.of());
                groups.add(AutoScalingMapping.selfManagedNodeGroup(g, types));
            }
            groupsByCluster.put(cluster, groups);
        }

        // nodes, attributed to a cluster and node group
        List<NodeDraft> drafts = new ArrayList<>();
        for (Instance i : instances) {
            Map<String, String> tags = Ec2Mapping.tags(i);
            Optional<String> cluster = clusterOf(tags, nameSet);
            if (cluster.isEmpty()) continue;
            String group = nodeGroupOf(tags, groupsByCluster.getOrDefault(cluster.get(), List.of()));
            drafts.add(new NodeDraft(i, cluster.get(), group));
        }

        // groups whose types are still unknown take the types of their running nodes
        for (var entry : groupsByCluster.entrySet()) {
            List<NodeGroup> fixed = new ArrayList<>();
            for (NodeGroup group : entry.getValue()) {
                NodeGroup g = group;
                if (g.instanceTypes().isEmpty()) {
                    List<String> observed = drafts.stream()
                            .filter(d -> d.cluster.equals(entry.getKey()) && d.nodeGroup.equals(group.name()))
                            .map(d -> d.instance.instanceTypeAsString()).distinct().sorted().toList();
                    if (observed.isEmpty())
                        gaps.add(new InventoryGap(Scope.nodeGroup(entry.getKey(), g.name()), "", "",
                                "instance types of node group %s could not be determined".formatted(g.name())));
                    g = new NodeGroup(g.name(), g.managed(), g.customAmi(), observed, g.minSize(), g.desiredSize(),
                            g.maxSize(), g.subnetIds(), g.autoScalingGroup(), g.maxPods());
                }
                fixed.add(g);
            }
            entry.setValue(fixed);
        }

        // subnets: every one referenced, plus subnet-discovery candidates in the same VPCs
        Set<String> referenced = new TreeSet<>();
        clusters.values().forEach(c -> referenced.addAll(c.subnetIds));
        groupsByCluster.values().forEach(gs -> gs.forEach(g -> referenced.addAll(g.subnetIds())));
        for (NodeDraft d : drafts) {
            if (d.instance.subnetId() != null) referenced.add(d.instance.subnetId());
            for (InstanceNetworkInterface n : d.instance.networkInterfaces())
                if (n.subnetId() != null) referenced.add(n.subnetId());
        }
        Map<String, software.amazon.awssdk.services.ec2.model.Subnet> subnets = new TreeMap<>();
        Set<String> vpcs = new TreeSet<>();
        clusters.values().forEach(c -> { if (!c.vpcId.isEmpty()) vpcs.add(c.vpcId); });
        boolean everyVpcKnown = !vpcs.isEmpty() && clusters.values().stream().noneMatch(c -> c.vpcId.isEmpty());
        if (everyVpcKnown) {
            // usually one page: every subnet of the clusters' VPCs, keeping the referenced ones and candidates
            for (var s : describeSubnets("vpc-id", vpcs, List.of())) {
                if (referenced.contains(s.subnetId()) || isCniCandidate(s)) subnets.put(s.subnetId(), s);
            }
            Set<String> elsewhere = new TreeSet<>(referenced);
            elsewhere.removeAll(subnets.keySet());
            if (!elsewhere.isEmpty()) describeSubnets("subnet-id", elsewhere, List.of())
                    .forEach(s -> subnets.put(s.subnetId(), s));
        } else {
            // a cluster without a VPC id (moto; a cluster being created): its subnets name the VPC
            if (!referenced.isEmpty()) describeSubnets("subnet-id", referenced, List.of())
                    .forEach(s -> subnets.put(s.subnetId(), s));
            subnets.values().forEach(s -> { if (s.vpcId() != null) vpcs.add(s.vpcId()); });
            if (!vpcs.isEmpty()) {
                for (var s : describeSubnets("vpc-id", vpcs,
                        List.of(Filter.builder().name("tag-key").values(CNI_ROLE_TAG).build()))) {
                    if (isCniCandidate(s)) subnets.putIfAbsent(s.subnetId(), s);
                }
            }
        }
        progress.accept("reading %d subnet(s)".formatted(subnets.size()));

        List<Subnet> domainSubnets = new ArrayList<>();
        for (var s : subnets.values()) domainSubnets.add(Ec2Mapping.subnet(s, reservations(s.subnetId(), gaps)));

        // every ENI in those subnets
        List<NetworkInterface> interfaces = subnets.isEmpty() ? List.of() : networkInterfaces(subnets.keySet());
        List<Eni> enis = interfaces.stream().map(Ec2Mapping::eni).toList();
        progress.accept("found %d ENI(s)".formatted(enis.size()));
        Map<String, String> instanceOfEni = new HashMap<>();
        for (Eni e : enis) if (!e.instanceId().isEmpty()) instanceOfEni.put(e.eniId(), e.instanceId());
        Map<String, List<Eni>> enisByInstance = new HashMap<>();
        List<Eni> otherEnis = new ArrayList<>();
        Set<String> nodeIds = new HashSet<>();
        drafts.forEach(d -> nodeIds.add(d.instance.instanceId()));
        Map<String, String> trunkOf = trunkTags(interfaces);
        for (Eni e : enis) {
            String owner = e.instanceId();
            if (owner.isEmpty() && trunkOf.containsKey(e.eniId())) owner = instanceOfEni.getOrDefault(trunkOf.get(e.eniId()), "");
            if (!owner.isEmpty() && nodeIds.contains(owner)) enisByInstance.computeIfAbsent(owner, k -> new ArrayList<>()).add(e);
            else otherEnis.add(e);
        }

        List<Node> nodes = new ArrayList<>();
        for (NodeDraft d : drafts) {
            Instance i = d.instance;
            List<Eni> own = new ArrayList<>(enisByInstance.getOrDefault(i.instanceId(), List.of()));
            own.sort(Comparator.comparingInt(AwsInventorySource::attachOrder).thenComparing(Eni::eniId));
            String az = i.placement() == null || i.placement().availabilityZone() == null ? ""
                    : i.placement().availabilityZone();
            nodes.add(new Node(i.instanceId(), d.cluster, d.nodeGroup, i.instanceTypeAsString(),
                    i.subnetId() == null ? "" : i.subnetId(), az, own));
        }
        nodes.sort(Comparator.comparing(Node::cluster).thenComparing(Node::instanceId));
        otherEnis.sort(Comparator.comparing(Eni::subnetId).thenComparing(Eni::eniId));

        // instance types the embedded table lacks
        Set<String> types = new TreeSet<>();
        nodes.forEach(n -> types.add(n.instanceType()));
        groupsByCluster.values().forEach(gs -> gs.forEach(g -> types.addAll(g.instanceTypes())));
        List<InstanceLimits> limits = instanceLimits(types, gaps);

        // clusters
        List<Cluster> domainClusters = new ArrayList<>();
        for (ClusterRead c : clusters.values()) {
            String vpc = c.vpcId;
            if (vpc.isEmpty()) vpc = Stream.concat(c.subnetIds.stream(),
                            nodes.stream().filter(n -> n.cluster().equals(c.name)).map(Node::subnetId))
                    .map(subnets::get).filter(s -> s != null && s.vpcId() != null)
                    .map(software.amazon.awssdk.services.ec2.model.Subnet::vpcId).findFirst().orElse("");
            Map<String, String> podSubnets = c.cni.customNetworking()
                    ? inferPodSubnets(nodes.stream().filter(n -> n.cluster().equals(c.name)).toList())
                    : Map.of();
            domainClusters.add(new Cluster(c.name, vpc, c.ipFamily, c.cni, c.cniSource, podSubnets,
                    groupsByCluster.getOrDefault(c.name, List.of())));
        }

        String account = subnets.values().stream().map(software.amazon.awssdk.services.ec2.model.Subnet::ownerId)
                .filter(o -> o != null && !o.isEmpty()).findFirst().orElse("");
        return new Inventory(account, region, clock.instant(), domainSubnets, domainClusters, nodes, otherEnis,
                limits, gaps);
    }

    /** Tagged {@code kubernetes.io/role/cni} with a value other than {@code 0}: a subnet-discovery candidate. */
    private static boolean isCniCandidate(software.amazon.awssdk.services.ec2.model.Subnet s) {
        String role = Ec2Mapping.tags(s.tags()).get(CNI_ROLE_TAG);
        return role != null && !role.equals("0");
    }

    // ---- EKS -------------------------------------------------------------------------------------------------

    private ClusterRead readCluster(String name, List<InventoryGap> gaps) {
        Scope scope = Scope.cluster(name);
        software.amazon.awssdk.services.eks.model.Cluster cluster;
        try {
            cluster = eks.describeCluster(r -> r.name(name)).cluster();
        } catch (AwsServiceException e) {
            gaps.add(gap(scope, "eks:DescribeCluster", e, e.statusCode() == 404
                    ? "cluster %s not found".formatted(name)
                    : "cluster %s could not be described; its nodes are still counted".formatted(name)));
            return null;
        }
        List<Nodegroup> managed = new ArrayList<>();
        try {
            List<String> groupNames = eks.listNodegroupsPaginator(r -> r.clusterName(name).maxResults(100)).nodegroups().stream()
                    .sorted().toList();
            for (String group : groupNames) {
                try {
                    managed.add(eks.describeNodegroup(r -> r.clusterName(name).nodegroupName(group)).nodegroup());
                } catch (AwsServiceException e) {
                    gaps.add(gap(scope, "eks:DescribeNodegroup", e,
                            "managed node group %s could not be described; its nodes count as unattributed"
                                    .formatted(group)));
                }
            }
        } catch (AwsServiceException e) {
            gaps.add(gap(scope, "eks:ListNodegroups", e,
                    "managed node groups of cluster %s could not be listed; their nodes count as unattributed"
                            .formatted(name)));
        }

        CniSettings cni;
        CniSource source;
        Optional<Map<String, String>> addonEnv = addonEnv(name, gaps);
        if (addonEnv.isPresent()) {
            cni = CniEnv.parse(addonEnv.get());
            source = CniSource.ADDON;
        } else if (ConfiguredCni.forCluster(configured, name) != null) {
            cni = ConfiguredCni.forCluster(configured, name);
            source = CniSource.CONFIGURED;
        } else {
            cni = CniSettings.DEFAULTS;
            source = CniSource.DEFAULT;
        }
        var vpcConfig = cluster.resourcesVpcConfig();
        // moto (and clusters being created) may give no VPC id: the subnets' VPC is used instead
        String vpcId = vpcConfig == null || vpcConfig.vpcId() == null ? "" : vpcConfig.vpcId();
        List<String> subnetIds = vpcConfig == null ? List.of() : vpcConfig.subnetIds();
        IpFamily ipFamily = cluster.kubernetesNetworkConfig() == null
                || cluster.kubernetesNetworkConfig().ipFamilyAsString() == null ? IpFamily.IPV4
                : IpFamily.fromId(cluster.kubernetesNetworkConfig().ipFamilyAsString().toLowerCase(Locale.ROOT))
                        .orElse(IpFamily.IPV4);
        return new ClusterRead(name, vpcId, ipFamily, subnetIds, managed, cni, source);
    }

    /** The vpc-cni add-on's env overrides; empty when the add-on is not installed or unreadable. */
    private Optional<Map<String, String>> addonEnv(String cluster, List<InventoryGap> gaps) {
        Addon addon;
        try {
            addon = eks.describeAddon(r -> r.clusterName(cluster).addonName(VPC_CNI_ADDON)).addon();
        } catch (AwsServiceException e) {
            // ResourceNotFoundException: no add-on (self-managed aws-node); not a gap
            if (e.statusCode() == 404) return Optional.empty();
            gaps.add(gap(Scope.cluster(cluster), "eks:DescribeAddon", e,
                    "vpc-cni add-on settings of cluster %s could not be read; configured or default CNI settings used"
                            .formatted(cluster)));
            return Optional.empty();
        }
        if (addon == null) return Optional.empty();
        try {
            return Optional.of(EksMapping.addonEnv(addon.configurationValues()));
        } catch (IllegalArgumentException e) {
            gaps.add(new InventoryGap(Scope.cluster(cluster), "eks:DescribeAddon", "",
                    e.getMessage() + "; configured or default CNI settings used"));
            return Optional.empty();
        }
    }

    // ---- Auto Scaling and launch templates ---------------------------------------------------------------------

    private List<AutoScalingGroup> autoScalingGroups(List<String> tagKeys, List<InventoryGap> gaps) {
        Map<String, AutoScalingGroup> byName = new TreeMap<>();
        try {
            for (List<String> chunk : chunks(tagKeys, MAX_FILTER_VALUES)) {
                autoScaling.describeAutoScalingGroupsPaginator(r -> r.maxRecords(100)
                                .filters(f -> f.name("tag-key").values(chunk)))
                        .autoScalingGroups().forEach(g -> byName.putIfAbsent(g.autoScalingGroupName(), g));
            }
        } catch (AwsServiceException e) {
            gaps.add(gap(Scope.region(region), "autoscaling:DescribeAutoScalingGroups", e,
                    "self-managed node groups could not be read; their nodes count as unattributed"));
        }
        return List.copyOf(byName.values());
    }

    /**
     * Instance types of groups that name none themselves, from their launch template version or launch
     * configuration. Keys: {@link #managedKey} / {@link #asgKey}.
     */
    private Map<String, List<String>> resolveInstanceTypes(Map<String, ClusterRead> clusters,
                                                           Map<String, List<AutoScalingGroup>> selfManaged,
                                                           List<InventoryGap> gaps) {
        record TemplateRef(String id, String name, String version) {
            String template() {
                return id != null ? id : name;
            }
        }
        Map<String, TemplateRef> wanted = new LinkedHashMap<>();
        Map<String, String> launchConfigurations = new LinkedHashMap<>();
        for (ClusterRead c : clusters.values()) {
            for (Nodegroup g : c.managed) {
                if (!g.instanceTypes().isEmpty() || g.launchTemplate() == null) continue;
                var lt = g.launchTemplate();
                wanted.put(managedKey(c.name, g.nodegroupName()), new TemplateRef(lt.id(), lt.name(),
                        lt.version() == null ? "$Default" : lt.version()));
            }
        }
        selfManaged.values().forEach(groups -> groups.forEach(g -> {
            if (!AutoScalingMapping.overrideTypes(g).isEmpty()) return;
            var lt = AutoScalingMapping.launchTemplate(g);
            if (lt.isPresent()) {
                wanted.put(asgKey(g.autoScalingGroupName()), new TemplateRef(lt.get().launchTemplateId(),
                        lt.get().launchTemplateName(), lt.get().version() == null ? "$Default" : lt.get().version()));
            } else if (g.launchConfigurationName() != null) {
                launchConfigurations.put(asgKey(g.autoScalingGroupName()), g.launchConfigurationName());
            }
        }));

        Map<String, List<String>> out = new HashMap<>();
        // one paginated call per distinct template, asking for every version needed of it
        Map<String, Set<String>> versionsByTemplate = new TreeMap<>();
        wanted.values().stream().filter(t -> t.template() != null)
                .forEach(t -> versionsByTemplate.computeIfAbsent(t.template(), k -> new TreeSet<>()).add(t.version()));
        Map<String, String> typeByTemplateVersion = new HashMap<>();
        for (var entry : versionsByTemplate.entrySet()) {
            String template = entry.getKey();
            boolean byId = template.startsWith("lt-");
            try {
                List<LaunchTemplateVersion> versions = ec2.describeLaunchTemplateVersionsPaginator(r -> {
                    if (byId) r.launchTemplateId(template);
                    else r.launchTemplateName(template);
                    r.versions(entry.getValue()).maxResults(200);
                }).launchTemplateVersions().stream().toList();
                long latest = versions.stream().mapToLong(v -> v.versionNumber() == null ? 0 : v.versionNumber())
                        .max().orElse(0);
                for (LaunchTemplateVersion v : versions) {
                    String type = v.launchTemplateData() == null ? null : v.launchTemplateData().instanceTypeAsString();
                    if (type == null) continue;
                    typeByTemplateVersion.put(template + "#" + v.versionNumber(), type);
                    if (Boolean.TRUE.equals(v.defaultVersion())) typeByTemplateVersion.put(template + "#$Default", type);
                    if (v.versionNumber() != null && v.versionNumber() == latest)
                        typeByTemplateVersion.put(template + "#$Latest", type);
                }
            } catch (AwsServiceException e) {
                gaps.add(gap(new Scope.OfLaunchTemplate(template), "ec2:DescribeLaunchTemplateVersions", e,
                        "launch template %s could not be read; node group instance types taken from running nodes"
                                .formatted(template)));
            }
        }
        wanted.forEach((key, ref) -> {
            String type = ref.template() == null ? null : typeByTemplateVersion.get(ref.template() + "#" + ref.version());
            if (type != null) out.put(key, List.of(type));
        });

        if (!launchConfigurations.isEmpty()) {
            Map<String, String> typeByConfiguration = new HashMap<>();
            try {
                for (List<String> chunk : chunks(new TreeSet<>(launchConfigurations.values()),
                        MAX_LAUNCH_CONFIGURATION_NAMES)) {
                    for (LaunchConfiguration lc : autoScaling.describeLaunchConfigurationsPaginator(
                            r -> r.launchConfigurationNames(chunk).maxRecords(100)).launchConfigurations())
                        typeByConfiguration.put(lc.launchConfigurationName(), lc.instanceType());
                }
            } catch (AwsServiceException e) {
                gaps.add(gap(Scope.region(region), "autoscaling:DescribeLaunchConfigurations", e,
                        "launch configurations could not be read; node group instance types taken from running nodes"));
            }
            launchConfigurations.forEach((key, lc) -> {
                String type = typeByConfiguration.get(lc);
                if (type != null) out.put(key, List.of(type));
            });
        }
        return out;
    }

    private static String managedKey(String cluster, String nodegroup) {
        return "managed/" + cluster + "/" + nodegroup;
    }

    private static String asgKey(String autoScalingGroup) {
        return "asg/" + autoScalingGroup;
    }

    // ---- EC2 -----------------------------------------------------------------------------------------------

    private List<Instance> runningInstances(List<String> clusterTagKeys) {
        return required("ec2:DescribeInstances", () -> {
            Map<String, Instance> byId = new TreeMap<>();
            for (List<String> chunk : chunks(clusterTagKeys, MAX_FILTER_VALUES)) {
                ec2.describeInstancesPaginator(r -> r.maxResults(1000).filters(
                                Filter.builder().name("tag-key").values(chunk).build(),
                                Filter.builder().name("instance-state-name").values("running").build()))
                        .reservations().stream().flatMap(r -> r.instances().stream())
                        .forEach(i -> byId.putIfAbsent(i.instanceId(), i));
            }
            return List.copyOf(byId.values());
        });
    }

    private List<software.amazon.awssdk.services.ec2.model.Subnet> describeSubnets(
            String filterName, Collection<String> values, List<Filter> extra) {
        return required("ec2:DescribeSubnets", () -> {
            List<software.amazon.awssdk.services.ec2.model.Subnet> out = new ArrayList<>();
            for (List<String> chunk : chunks(values, MAX_FILTER_VALUES)) {
                List<Filter> filters = new ArrayList<>(extra);
                filters.add(Filter.builder().name(filterName).values(chunk).build());
                ec2.describeSubnetsPaginator(r -> r.maxResults(1000).filters(filters)).subnets().forEach(out::add);
            }
            return out;
        });
    }

    /** GetSubnetCidrReservations takes one subnet and has no SDK paginator: follow NextToken by hand. */
    private List<SubnetCidrReservation> reservations(String subnetId, List<InventoryGap> gaps) {
        List<SubnetCidrReservation> out = new ArrayList<>();
        try {
            String token = null;
            do {
                String next = token;
                GetSubnetCidrReservationsResponse page = ec2.getSubnetCidrReservations(r -> r.subnetId(subnetId)
                        .maxResults(1000).nextToken(next));
                out.addAll(page.subnetIpv4CidrReservations());
                token = page.nextToken() == null || page.nextToken().isEmpty() ? null : page.nextToken();
            } while (token != null);
        } catch (AwsServiceException e) {
            gaps.add(gap(new Scope.OfSubnet(subnetId), "ec2:GetSubnetCidrReservations", e,
                    "CIDR reservations of subnet %s could not be read".formatted(subnetId)));
        }
        return out;
    }

    private List<NetworkInterface> networkInterfaces(Collection<String> subnetIds) {
        return required("ec2:DescribeNetworkInterfaces", () -> {
            Map<String, NetworkInterface> byId = new TreeMap<>();
            // filter "subnet-id": "network-interface.subnet-id" is not supported everywhere (moto answers 500)
            for (List<String> chunk : chunks(subnetIds, MAX_FILTER_VALUES)) {
                for (NetworkInterface n : ec2.describeNetworkInterfacesPaginator(
                        r -> r.maxResults(1000).filters(f -> f.name("subnet-id").values(chunk))).networkInterfaces())
                    byId.putIfAbsent(n.networkInterfaceId(), n);
            }
            return List.copyOf(byId.values());
        });
    }

    /** Branch ENI id → trunk ENI id, from the VPC resource controller's tag on branch ENIs. */
    private static Map<String, String> trunkTags(List<NetworkInterface> interfaces) {
        Map<String, String> out = new HashMap<>();
        for (NetworkInterface n : interfaces) {
            String trunk = Ec2Mapping.tags(n.tagSet()).get(Ec2Mapping.TRUNK_ENI_TAG);
            if (trunk != null && !trunk.isEmpty()) out.put(n.networkInterfaceId(), trunk);
        }
        return out;
    }

    private List<InstanceLimits> instanceLimits(Set<String> types, List<InventoryGap> gaps) {
        InstanceCatalog catalog = InstanceCatalog.embedded();
        List<String> unknown = types.stream().filter(t -> catalog.find(t).isEmpty()).toList();
        if (unknown.isEmpty()) return List.of();
        Map<String, InstanceLimits> found = new TreeMap<>();
        try {
            // the "instance-type" filter ignores names EC2 does not know (InstanceTypes=[...] would fail the call)
            for (List<String> chunk : chunks(unknown, MAX_FILTER_VALUES)) {
                ec2.describeInstanceTypesPaginator(r -> r.maxResults(100)
                                .filters(f -> f.name("instance-type").values(chunk)))
                        .instanceTypes().forEach(t -> Ec2Mapping.instanceLimits(t)
                                .ifPresent(l -> found.put(l.instanceType(), l)));
            }
        } catch (AwsServiceException e) {
            gaps.add(gap(Scope.region(region), "ec2:DescribeInstanceTypes", e,
                    "limits of instance types %s could not be read".formatted(String.join(", ", unknown))));
            return List.of();
        }
        for (String t : unknown) {
            if (!found.containsKey(t.toLowerCase(Locale.ROOT)))
                gaps.add(new InventoryGap(Scope.instanceType(t), "", "",
                        "instance type %s is unknown to the embedded table and to DescribeInstanceTypes".formatted(t)));
        }
        return List.copyOf(found.values());
    }

    // ---- attribution ---------------------------------------------------------------------------------------

    /** {@code eks:cluster-name} when it names an audited cluster, else the first audited {@code kubernetes.io/cluster/NAME}. */
    static Optional<String> clusterOf(Map<String, String> tags, Set<String> clusters) {
        String eksName = tags.get(Ec2Mapping.EKS_CLUSTER_TAG);
        if (eksName != null && clusters.contains(eksName)) return Optional.of(eksName);
        return tags.keySet().stream().filter(k -> k.startsWith(Ec2Mapping.CLUSTER_TAG_PREFIX))
                .map(k -> k.substring(Ec2Mapping.CLUSTER_TAG_PREFIX.length())).filter(clusters::contains)
                .sorted().findFirst();
    }

    /** {@code eks:nodegroup-name} if it is a known group, else the group whose ASG launched it, else "". */
    static String nodeGroupOf(Map<String, String> tags, List<NodeGroup> groups) {
        String managed = tags.get(Ec2Mapping.EKS_NODEGROUP_TAG);
        if (managed != null) for (NodeGroup g : groups) if (g.managed() && g.name().equals(managed)) return g.name();
        String asg = tags.get(Ec2Mapping.ASG_NAME_TAG);
        if (asg != null && !asg.isEmpty())
            for (NodeGroup g : groups) if (asg.equals(g.autoScalingGroup())) return g.name();
        return "";
    }

    /**
     * Custom networking: per AZ, the subnet holding most of the nodes' pod ENIs (secondary ENIs outside the
     * node's own subnet, ipamd-managed, not trunk/branch). The ENIConfig itself is not readable via AWS APIs.
     */
    static Map<String, String> inferPodSubnets(List<Node> nodes) {
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        for (Node n : nodes) {
            for (Eni e : n.enis()) {
                if (e.deviceIndex() < 1 || e.noManage() || e.interfaceType() != InterfaceType.INTERFACE
                        || e.subnetId().equals(n.subnetId()) || n.availabilityZone().isEmpty()) continue;
                counts.computeIfAbsent(n.availabilityZone(), k -> new TreeMap<>()).merge(e.subnetId(), 1, Integer::sum);
            }
        }
        Map<String, String> out = new TreeMap<>();
        counts.forEach((az, bySubnet) -> {
            String best = null;
            int bestCount = 0;
            for (var e : bySubnet.entrySet()) { // sorted by subnet id: ties go to the lowest id
                if (e.getValue() > bestCount) {
                    best = e.getKey();
                    bestCount = e.getValue();
                }
            }
            out.put(az, best);
        });
        return out;
    }

    private static int attachOrder(Eni e) {
        if (e.deviceIndex() >= 0) return e.deviceIndex();
        return Integer.MAX_VALUE; // branch ENIs (not attached to the instance) last
    }

    // ---- plumbing ------------------------------------------------------------------------------------------

    private <T> T required(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (AwsServiceException e) {
            String code = errorCode(e);
            throw new AwsCallException(operation, code,
                    e.awsErrorDetails() == null || e.awsErrorDetails().errorMessage() == null
                            ? e.getMessage() : e.awsErrorDetails().errorMessage(), e);
        } catch (SdkClientException e) {
            throw new AwsCallException(operation, "SdkClientException", e.getMessage(), e);
        }
    }

    private static InventoryGap gap(Scope scope, String operation, AwsServiceException e, String message) {
        return new InventoryGap(scope, operation, errorCode(e), message);
    }

    static String errorCode(AwsServiceException e) {
        if (e.awsErrorDetails() != null && e.awsErrorDetails().errorCode() != null
                && !e.awsErrorDetails().errorCode().isEmpty()) return e.awsErrorDetails().errorCode();
        return "HTTP " + e.statusCode();
    }

    static <T> List<List<T>> chunks(Collection<T> values, int size) {
        List<T> list = List.copyOf(values);
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i += size) out.add(list.subList(i, Math.min(list.size(), i + size)));
        return out;
    }

    private record ClusterRead(String name, String vpcId, IpFamily ipFamily, List<String> subnetIds,
                               List<Nodegroup> managed, CniSettings cni, CniSource cniSource) {
    }

    private record NodeDraft(Instance instance, String cluster, String nodeGroup) {
    }
}
