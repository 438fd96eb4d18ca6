package dev.eksip.app.inventory;

import static java.util.Objects.requireNonNull;

import dev.eksip.domain.Cluster;
import dev.eksip.domain.CniSettings;
import dev.eksip.domain.CniSource;
import dev.eksip.domain.Eni;
import dev.eksip.domain.InstanceLimits;
import dev.eksip.domain.Inventory;
import dev.eksip.domain.InventoryGap;
import dev.eksip.domain.Node;
import dev.eksip.domain.Scope;
import dev.eksip.domain.Subnet;
import dev.eksip.simulation.InstanceCatalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Puts the facts read from AWS together into an {@link Inventory}: which subnets to read, which instance types the
 * embedded table lacks, the nodes with their ENIs ({@link EniAttribution}), and each cluster with its VPC, CNI
 * settings ({@link CniPrecedence}), pod subnets ({@link PodSubnets}) and node groups ({@link NodeGroupAssembly}).
 */
public final class InventoryAssembler {
    private InventoryAssembler() {
    }

    /**
     * Which subnets to read.
     *
     * @param referenced    every subnet a cluster, node group or node names (an instance's ENIs included)
     * @param vpcs          the clusters' VPCs, where subnet-discovery candidates are looked for
     * @param everyVpcKnown every cluster read reports its VPC (else its subnets name it)
     */
    public record SubnetQuery(SortedSet<String> referenced, SortedSet<String> vpcs, boolean everyVpcKnown) {
        public SubnetQuery {
            referenced = new TreeSet<>(referenced);
            vpcs = new TreeSet<>(vpcs);
        }
    }

    /** Everything read, for {@link #assemble}. */
    public record Facts(String region, Instant capturedAt, List<ClusterFacts> clusters,
                        NodeGroupAssembly.Result nodeGroups, List<SubnetFacts> subnets, List<EniFacts> enis,
                        List<InstanceLimits> instanceLimits, Map<String, CniSettings> configuredCni,
                        List<InventoryGap> gaps) {
        public Facts {
            requireNonNull(region, "region");
            requireNonNull(capturedAt, "capturedAt");
            clusters = List.copyOf(clusters);
            requireNonNull(nodeGroups, "nodeGroups");
            subnets = List.copyOf(subnets);
            enis = List.copyOf(enis);
            instanceLimits = List.copyOf(instanceLimits);
            configuredCni = Map.copyOf(configuredCni);
            gaps = List.copyOf(gaps);
        }
    }

    public static SubnetQuery subnetQuery(List<ClusterFacts> clusters, NodeGroupAssembly.Result nodeGroups) {
        SortedSet<String> referenced = new TreeSet<>();
        clusters.forEach(c -> referenced.addAll(c.subnetIds()));
        nodeGroups.groupsByCluster().values().forEach(gs -> gs.forEach(g -> referenced.addAll(g.subnetIds())));
        for (NodeGroupAssembly.AttributedInstance a : nodeGroups.instances()) {
            if (!a.instance().subnetId().isEmpty()) referenced.add(a.instance().subnetId());
            referenced.addAll(a.instance().interfaceSubnetIds());
        }
        SortedSet<String> vpcs = new TreeSet<>();
        clusters.forEach(c -> { if (!c.vpcId().isEmpty()) vpcs.add(c.vpcId()); });
        boolean everyVpcKnown = !vpcs.isEmpty() && clusters.stream().noneMatch(c -> c.vpcId().isEmpty());
        return new SubnetQuery(referenced, vpcs, everyVpcKnown);
    }

    /** Instance types in use that {@code catalog} lacks, sorted: their limits are read from DescribeInstanceTypes. */
    public static List<String> typesMissingFrom(InstanceCatalog catalog, NodeGroupAssembly.Result nodeGroups) {
        return nodeGroups.instanceTypes().stream().filter(t -> catalog.find(t).isEmpty()).toList();
    }

    /** A gap for each type in {@code unknown} that DescribeInstanceTypes did not describe either. */
    public static List<InventoryGap> unknownTypeGaps(List<String> unknown, List<InstanceLimits> found) {
        Set<String> described = new TreeSet<>();
        found.forEach(l -> described.add(l.instanceType()));
        return unknown.stream().filter(t -> !described.contains(t.toLowerCase(Locale.ROOT)))
                .map(t -> new InventoryGap(Scope.instanceType(t), "", "",
                        "instance type %s is unknown to the embedded table and to DescribeInstanceTypes".formatted(t)))
                .toList();
    }

    public static Inventory assemble(Facts facts) {
        EniAttribution.Attached attached = EniAttribution.attach(facts.nodeGroups().instances(), facts.enis());
        Map<String, SubnetFacts> subnetsById = new TreeMap<>();
        facts.subnets().forEach(s -> subnetsById.put(s.subnetId(), s));

        List<Cluster> clusters = new ArrayList<>();
        for (ClusterFacts c : facts.clusters()) {
            List<Node> nodes = attached.nodes().stream().filter(n -> n.cluster().equals(c.name())).toList();
            CniPrecedence.Resolved cni = CniPrecedence.resolve(c.name(), c.addon(), facts.configuredCni());
            Map<String, String> podSubnets = cni.settings().customNetworking() ? PodSubnets.infer(nodes) : Map.of();
            clusters.add(new Cluster(c.name(), vpcOf(c, nodes, subnetsById), c.ipFamily(), cni.settings(),
                    cni.source(), podSubnets, facts.nodeGroups().groupsByCluster().getOrDefault(c.name(), List.of()),
                    c.autoMode(), cni.source() == CniSource.ADDON && c.addon() instanceof VpcCniAddon.Configured a
                            ? UnmodelledCni.notes(a.env(), "the vpc-cni add-on's configuration values") : List.of(),
                    c.subnetIds()));
        }

        List<Subnet> subnets = subnetsById.values().stream().map(SubnetFacts::subnet).toList();
        String account = subnetsById.values().stream().map(SubnetFacts::ownerId).filter(o -> !o.isEmpty())
                .findFirst().orElse("");
        List<Eni> otherEnis = attached.otherEnis();
        return new Inventory(account, facts.region(), facts.capturedAt(), subnets, clusters, attached.nodes(),
                otherEnis, facts.instanceLimits(), facts.gaps());
    }

    /** The cluster's VPC; when EKS reports none (moto, a cluster being created), that of its or its nodes' subnets. */
    private static String vpcOf(ClusterFacts c, List<Node> nodes, Map<String, SubnetFacts> subnetsById) {
        if (!c.vpcId().isEmpty()) return c.vpcId();
        return Stream.concat(c.subnetIds().stream(), nodes.stream().map(Node::subnetId))
                .map(subnetsById::get).filter(s -> s != null && !s.subnet().vpcId().isEmpty())
                .map(s -> s.subnet().vpcId()).findFirst().orElse("");
    }
}
