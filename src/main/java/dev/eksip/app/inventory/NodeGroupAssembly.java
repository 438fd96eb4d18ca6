package dev.eksip.app.inventory;

import dev.eksip.domain.InventoryGap;
import dev.eksip.domain.NodeGroup;
import dev.eksip.domain.Scope;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The node groups of each audited cluster (managed, then self-managed) with their instance types, and the running
 * instances attributed to a cluster and node group. A group's types are its own, else its launch template's or
 * launch configuration's, else those of its running nodes; a group left without any is a gap. Instances no Auto
 * Scaling group launched but Karpenter or EKS Auto Mode did form their cluster's node pools ({@link NodePools}).
 */
public final class NodeGroupAssembly {
    private NodeGroupAssembly() {
    }

    /** A running instance of an audited cluster; {@code nodeGroup} is "" when no known group launched it. */
    public record AttributedInstance(InstanceFacts instance, String cluster, String nodeGroup) {
    }

    /**
     * @param groupsByCluster node groups per audited cluster name (also for a cluster whose DescribeCluster failed:
     *                        its self-managed groups still attribute nodes)
     * @param instances       the instances of audited clusters, in the order read
     * @param gaps            groups whose instance types could not be determined
     */
    public record Result(Map<String, List<NodeGroup>> groupsByCluster, List<AttributedInstance> instances,
                         List<InventoryGap> gaps) {
        public Result {
            groupsByCluster = Map.copyOf(groupsByCluster);
            instances = List.copyOf(instances);
            gaps = List.copyOf(gaps);
        }

        /** Instance types in use: the nodes' and the node groups'. */
        public Set<String> instanceTypes() {
            Set<String> types = new TreeSet<>();
            instances.forEach(i -> types.add(i.instance().instanceType()));
            groupsByCluster.values().forEach(gs -> gs.forEach(g -> types.addAll(g.instanceTypes())));
            return types;
        }
    }

    /** The launch templates and configurations to read: those of groups that name no instance type themselves. */
    public static List<LaunchSpec> unresolvedLaunches(List<ClusterFacts> clusters,
                                                      Map<String, List<AutoScalingGroupFacts>> selfManaged) {
        Set<LaunchSpec> out = new LinkedHashSet<>();
        clusters.forEach(c -> c.managedGroups().forEach(g -> {
            if (g.group().instanceTypes().isEmpty()) out.add(g.launch());
        }));
        selfManaged.values().forEach(groups -> groups.forEach(g -> {
            if (g.overrideTypes().isEmpty()) out.add(g.launch());
        }));
        out.remove(LaunchSpec.NONE);
        return List.copyOf(out);
    }

    /**
     * The launch templates and configurations to read: those of groups that name no instance type themselves, and
     * those of self-managed and custom-AMI managed groups, whose user data decides their kubelet max pods.
     */
    public static List<LaunchSpec> launchesToRead(List<ClusterFacts> clusters,
                                                  Map<String, List<AutoScalingGroupFacts>> selfManaged) {
        Set<LaunchSpec> out = new LinkedHashSet<>(unresolvedLaunches(clusters, selfManaged));
        clusters.forEach(c -> c.managedGroups().forEach(g -> {
            if (g.group().customAmi()) out.add(g.launch());
        }));
        selfManaged.values().forEach(groups -> groups.forEach(g -> out.add(g.launch())));
        out.remove(LaunchSpec.NONE);
        return List.copyOf(out);
    }

    /**
     * @param audited     the audited cluster names, sorted
     * @param launchTypes the instance type of each launch template version or configuration that could be read
     */
    public static Result assemble(List<String> audited, List<ClusterFacts> clusters,
                                  Map<String, List<AutoScalingGroupFacts>> selfManaged,
                                  Map<LaunchSpec, String> launchTypes, List<InstanceFacts> instances) {
        Map<LaunchSpec, LaunchData> launches = new HashMap<>();
        launchTypes.forEach((spec, type) -> launches.put(spec, LaunchData.ofType(type)));
        return assemble(audited, clusters, selfManaged, launches, instances, false);
    }

    /**
     * @param audited  the audited cluster names, sorted
     * @param launches what each launch template version or configuration that could be read holds: its instance
     *                 type fills a group that names none; its user data gives a self-managed or custom-AMI managed
     *                 group its max pods ({@link UserDataMaxPods})
     */
    public static Result assembleLaunches(List<String> audited, List<ClusterFacts> clusters,
                                          Map<String, List<AutoScalingGroupFacts>> selfManaged,
                                          Map<LaunchSpec, LaunchData> launches, List<InstanceFacts> instances) {
        return assemble(audited, clusters, selfManaged, launches, instances, true);
    }

    private static Result assemble(List<String> audited, List<ClusterFacts> clusters,
                                   Map<String, List<AutoScalingGroupFacts>> selfManaged,
                                   Map<LaunchSpec, LaunchData> launches, List<InstanceFacts> instances,
                                   boolean userDataRead) {
        Map<String, ClusterFacts> byName = new TreeMap<>();
        clusters.forEach(c -> byName.put(c.name(), c));
        Map<String, List<NodeGroup>> groupsByCluster = new TreeMap<>();
        for (String cluster : audited) {
            List<NodeGroup> groups = new ArrayList<>();
            ClusterFacts facts = byName.get(cluster);
            if (facts != null) for (ManagedNodeGroupFacts g : facts.managedGroups()) {
                NodeGroup group = g.group();
                if (group.instanceTypes().isEmpty()) group = withTypes(group, launchTypes(g.launch(), launches));
                groups.add(userDataRead && group.customAmi() ? withUserDataMaxPods(group, g.launch(), launches)
                        : group);
            }
            for (AutoScalingGroupFacts g : selfManaged.getOrDefault(cluster, List.of())) {
                List<String> types = g.overrideTypes();
                if (types.isEmpty()) types = launchTypes(g.launch(), launches);
                groups.add(userDataRead ? withUserDataMaxPods(g.nodeGroup(types), g.launch(), launches)
                        : g.nodeGroup(types));
            }
            groupsByCluster.put(cluster, groups);
        }

        Set<String> names = Set.copyOf(audited);
        List<AttributedInstance> attributed = new ArrayList<>();
        for (InstanceFacts i : instances) {
            Optional<String> cluster = Attribution.clusterOf(i.tags(), names);
            if (cluster.isEmpty()) continue;
            String group = Attribution.nodeGroupOf(i.tags(), groupsByCluster.getOrDefault(cluster.get(), List.of()));
            attributed.add(new AttributedInstance(i, cluster.get(), group));
        }
        Set<String> autoMode = new TreeSet<>();
        clusters.forEach(c -> { if (c.autoMode().enabled()) autoMode.add(c.name()); });
        attributed = NodePools.attribute(attributed, groupsByCluster, autoMode);

        // groups whose types are still unknown take the types of their running nodes
        List<InventoryGap> gaps = new ArrayList<>();
        for (var entry : groupsByCluster.entrySet()) {
            List<NodeGroup> filled = new ArrayList<>();
            for (NodeGroup g : entry.getValue()) {
                if (!g.instanceTypes().isEmpty()) {
                    filled.add(g);
                    continue;
                }
                List<String> observed = attributed.stream()
                        .filter(a -> a.cluster().equals(entry.getKey()) && a.nodeGroup().equals(g.name()))
                        .map(a -> a.instance().instanceType()).distinct().sorted().toList();
                if (observed.isEmpty())
                    gaps.add(new InventoryGap(Scope.nodeGroup(entry.getKey(), g.name()), "", "",
                            "instance types of node group %s could not be determined".formatted(g.name())));
                filled.add(observed.isEmpty() ? g : withTypes(g, observed));
            }
            entry.setValue(filled);
        }
        return new Result(groupsByCluster, attributed, gaps);
    }

    private static List<String> launchTypes(LaunchSpec launch, Map<LaunchSpec, LaunchData> launches) {
        LaunchData data = launches.get(launch);
        return data == null || data.instanceType().isEmpty() ? List.of() : List.of(data.instanceType());
    }

    /** The group with the max pods its launch's user data sets; none found: 0, and where it was looked for. */
    private static NodeGroup withUserDataMaxPods(NodeGroup g, LaunchSpec launch, Map<LaunchSpec, LaunchData> launches) {
        LaunchData data = launches.get(launch);
        if (data == null || g.maxPods() > 0) return g;
        String source = switch (launch) {
            case LaunchSpec.Template t -> "launch template %s version %s user data".formatted(t.template(), t.version());
            case LaunchSpec.Configuration c -> "launch configuration %s user data".formatted(c.name());
            case LaunchSpec.None n -> "user data";
        };
        return switch (UserDataMaxPods.read(data.userData())) {
            case UserDataMaxPods.Found f -> g.withMaxPods(f.maxPods(), source + ": " + f.where());
            case UserDataMaxPods.NotSet n -> g.withMaxPods(0, source + (data.userData().isEmpty()
                    ? " is empty" : " sets no --max-pods or maxPods"));
            case UserDataMaxPods.Problem p -> g.withMaxPods(0, source + ": " + p.why());
        };
    }

    private static NodeGroup withTypes(NodeGroup g, List<String> types) {
        return new NodeGroup(g.name(), g.managed(), g.customAmi(), types, g.minSize(), g.desiredSize(), g.maxSize(),
                g.subnetIds(), g.autoScalingGroup(), g.maxPods(), g.nodePool(), g.maxUnavailable(),
                g.maxUnavailablePercentage(), g.maxPodsFrom());
    }
}
