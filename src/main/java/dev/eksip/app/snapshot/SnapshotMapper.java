package dev.eksip.app.snapshot;

import dev.eksip.domain.AutoMode;
import dev.eksip.domain.Cluster;
import dev.eksip.domain.NodePool;
import dev.eksip.domain.NodePoolLimits;
import dev.eksip.domain.Provisioner;
import dev.eksip.domain.CniSettings;
import dev.eksip.domain.CniSource;
import dev.eksip.domain.Eni;
import dev.eksip.domain.InstanceLimits;
import dev.eksip.domain.InterfaceType;
import dev.eksip.domain.Inventory;
import dev.eksip.domain.InventoryGap;
import dev.eksip.domain.IpFamily;
import dev.eksip.domain.Node;
import dev.eksip.domain.NodeGroup;
import dev.eksip.domain.ReservationType;
import dev.eksip.domain.Scope;
import dev.eksip.domain.Subnet;
import dev.eksip.domain.WireName;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Maps an {@link Inventory} to the {@link SnapshotV1} records and back. Reading names the JSON path of what it
 * cannot map: a spelling no domain enum or {@link Scope} has, or a value a domain constructor rejects
 * ({@code minSize > desiredSize}…).
 */
final class SnapshotMapper {
    private SnapshotMapper() {
    }

    static SnapshotV1 toFile(Inventory inv) {
        return toFile(inv, List.of());
    }

    static SnapshotV1 toFile(Inventory inv, List<SubnetSeries> history) {
        return new SnapshotV1(InventoryFile.FORMAT_VERSION, inv.accountId(), inv.region(), inv.capturedAt(),
                inv.subnets().stream().map(SnapshotMapper::toFile).toList(),
                inv.clusters().stream().map(SnapshotMapper::toFile).toList(),
                inv.nodes().stream().map(SnapshotMapper::toFile).toList(),
                inv.otherEnis().stream().map(SnapshotMapper::toFile).toList(),
                inv.instanceLimits().stream().map(SnapshotMapper::toFile).toList(),
                inv.gaps().stream().map(SnapshotMapper::toFile).toList(),
                history.stream().map(h -> new SnapshotV1.Series(h.subnetId(), h.metric(), h.points().stream()
                        .map(p -> new SnapshotV1.Point(p.at(), p.free())).toList())).toList());
    }

    /** A read file's recorded history (already checked by {@link SnapshotChecks}). */
    static List<SubnetSeries> history(SnapshotV1 f) {
        return f.history().stream().map(h -> new SubnetSeries(h.subnetId(), h.metric(), h.points().stream()
                .map(p -> new SubnetSeries.Point(p.at(), p.free())).toList())).toList();
    }

    private static SnapshotV1.Subnet toFile(Subnet s) {
        return new SnapshotV1.Subnet(s.subnetId(), s.vpcId(), s.availabilityZone(), s.cidr(), s.availableIps(),
                s.tags(), s.reservations().stream()
                .map(r -> new SnapshotV1.CidrReservation(r.reservationId(), r.cidr(), r.type().id())).toList());
    }

    private static SnapshotV1.Cluster toFile(Cluster c) {
        CniSettings n = c.cni();
        return new SnapshotV1.Cluster(c.name(), c.vpcId(), c.ipFamily().id(),
                new SnapshotV1.Cni(n.warmEniTarget(), n.warmIpTarget(), n.minimumIpTarget(), n.prefixDelegation(),
                        n.warmPrefixTarget(), n.maxEni(), n.customNetworking(), n.podEni(), n.subnetDiscovery(),
                        n.ipv6(), n.clusterName()),
                c.cniSource().id(), c.podSubnets(), c.nodeGroups().stream().map(g -> new SnapshotV1.NodeGroup(
                        g.name(), g.managed(), g.customAmi(), g.instanceTypes(), g.minSize(), g.desiredSize(),
                        g.maxSize(), g.subnetIds(), g.autoScalingGroup(), g.maxPods(), toFile(g.nodePool()),
                        g.maxUnavailable(), g.maxUnavailablePercentage(), g.maxPodsFrom()))
                        .toList(),
                c.autoMode().enabled() ? new SnapshotV1.AutoMode(true, c.autoMode().nodePools())
                        : SnapshotV1.AutoMode.ABSENT, c.subnetIds());
    }

    private static SnapshotV1.NodePool toFile(NodePool p) {
        if (p == null) return SnapshotV1.NodePool.ABSENT;
        NodePoolLimits l = p.limits();
        return new SnapshotV1.NodePool(p.provisioner().id(), p.nodeClass(),
                l == null ? SnapshotV1.NodePoolLimits.ABSENT : new SnapshotV1.NodePoolLimits(l.cpuMillicores(), l.memoryMebibytes()),
                p.secondaryIpMode(), p.podSubnets());
    }

    private static NodePool toDomain(SnapshotV1.NodePool p, String at) {
        if (p == null || p == SnapshotV1.NodePool.ABSENT) return null;
        Provisioner provisioner = wire(p.provisioner(), at + ".provisioner", Provisioner::fromId,
                Provisioner.values());
        SnapshotV1.NodePoolLimits l = p.limits();
        NodePoolLimits limits = l == null || l == SnapshotV1.NodePoolLimits.ABSENT ? null
                : build(at + ".limits", () -> new NodePoolLimits(l.cpuMillicores(), l.memoryMebibytes()));
        return build(at, () -> new NodePool(provisioner, p.nodeClass(), limits, p.secondaryIpMode(), p.podSubnets()));
    }

    private static SnapshotV1.Node toFile(Node n) {
        return new SnapshotV1.Node(n.instanceId(), n.cluster(), n.nodeGroup(), n.instanceType(), n.subnetId(),
                n.availabilityZone(), n.enis().stream().map(SnapshotMapper::toFile).toList());
    }

    private static SnapshotV1.Eni toFile(Eni e) {
        return new SnapshotV1.Eni(e.eniId(), e.subnetId(), e.instanceId(), e.interfaceType().id(), e.deviceIndex(),
                e.primaryIp(), e.secondaryIps(), e.prefixes(), e.noManage(), e.leakedByCni());
    }

    private static SnapshotV1.InstanceLimits toFile(InstanceLimits l) {
        return new SnapshotV1.InstanceLimits(l.instanceType(), l.maxEnis(), l.ipv4PerEni(), l.networkCards(),
                l.totalEnis(), l.nitro(), l.bareMetal(), l.prefixDelegationSupported(), l.trunkingCompatible(),
                l.branchInterfaces(), l.vcpus());
    }

    private static SnapshotV1.Gap toFile(InventoryGap g) {
        return new SnapshotV1.Gap(g.scope().id(), g.operation(), g.errorCode(), g.message());
    }

    /** The domain inventory of a read file; an {@link InvalidField} names the JSON path of the first problem. */
    static Inventory toDomain(SnapshotV1 f) {
        List<Subnet> subnets = each(f.subnets(), "$.subnets", SnapshotMapper::toDomain);
        List<Cluster> clusters = each(f.clusters(), "$.clusters", SnapshotMapper::toDomain);
        List<Node> nodes = each(f.nodes(), "$.nodes", SnapshotMapper::toDomain);
        List<Eni> otherEnis = each(f.otherEnis(), "$.otherEnis", SnapshotMapper::toDomain);
        List<InstanceLimits> limits = each(f.instanceLimits(), "$.instanceLimits", SnapshotMapper::toDomain);
        List<InventoryGap> gaps = each(f.gaps(), "$.gaps", SnapshotMapper::toDomain);
        return build("$", () -> new Inventory(f.accountId(), f.region(), f.capturedAt(), subnets, clusters, nodes,
                otherEnis, limits, gaps));
    }

    private static Subnet toDomain(SnapshotV1.Subnet s, String at) {
        List<Subnet.CidrReservation> reservations = each(s.reservations(), at + ".reservations", (r, rAt) -> {
            ReservationType type = wire(r.type(), rAt + ".type", ReservationType::fromId, ReservationType.values());
            return build(rAt, () -> new Subnet.CidrReservation(r.reservationId(), r.cidr(), type));
        });
        return build(at, () -> new Subnet(s.subnetId(), s.vpcId(), s.availabilityZone(), s.cidr(), s.availableIps(),
                s.tags(), reservations));
    }

    private static Cluster toDomain(SnapshotV1.Cluster c, String at) {
        IpFamily ipFamily = wire(c.ipFamily(), at + ".ipFamily", IpFamily::fromId, IpFamily.values());
        SnapshotV1.Cni n = c.cni();
        CniSettings cni = build(at + ".cni", () -> new CniSettings(n.warmEniTarget(), n.warmIpTarget(),
                n.minimumIpTarget(), n.prefixDelegation(), n.warmPrefixTarget(), n.maxEni(), n.customNetworking(),
                n.podEni(), n.subnetDiscovery(), n.ipv6(), n.clusterName()));
        CniSource cniSource = wire(c.cniSource(), at + ".cniSource", CniSource::fromId, CniSource.values());
        List<NodeGroup> groups = each(c.nodeGroups(), at + ".nodeGroups", (g, gAt) -> {
            NodePool pool = toDomain(g.nodePool(), gAt + ".nodePool");
            return build(gAt, () -> new NodeGroup(g.name(), g.managed(), g.customAmi(), g.instanceTypes(),
                    g.minSize(), g.desiredSize(), g.maxSize(), g.subnetIds(), g.autoScalingGroup(), g.maxPods(), pool,
                    g.maxUnavailable(), g.maxUnavailablePercentage(), g.maxPodsFrom()));
        });
        SnapshotV1.AutoMode a = c.autoMode();
        AutoMode autoMode = a == null || a == SnapshotV1.AutoMode.ABSENT ? AutoMode.OFF
                : build(at + ".autoMode", () -> new AutoMode(a.enabled(), a.nodePools()));
        return build(at, () -> new Cluster(c.name(), c.vpcId(), ipFamily, cni, cniSource, c.podSubnets(), groups,
                autoMode, List.of(), c.subnetIds()));
    }

    private static Node toDomain(SnapshotV1.Node n, String at) {
        List<Eni> enis = each(n.enis(), at + ".enis", SnapshotMapper::toDomain);
        return build(at, () -> new Node(n.instanceId(), n.cluster(), n.nodeGroup(), n.instanceType(), n.subnetId(),
                n.availabilityZone(), enis));
    }

    private static Eni toDomain(SnapshotV1.Eni e, String at) {
        InterfaceType type = wire(e.interfaceType(), at + ".interfaceType", InterfaceType::fromId,
                InterfaceType.values());
        return build(at, () -> new Eni(e.eniId(), e.subnetId(), e.instanceId(), type, e.deviceIndex(), e.primaryIp(),
                e.secondaryIps(), e.prefixes(), e.noManage(), e.leakedByCni()));
    }

    private static InstanceLimits toDomain(SnapshotV1.InstanceLimits l, String at) {
        return build(at, () -> new InstanceLimits(l.instanceType(), l.maxEnis(), l.ipv4PerEni(), l.networkCards(),
                l.totalEnis(), l.nitro(), l.bareMetal(), l.prefixDelegationSupported(), l.trunkingCompatible(),
                l.branchInterfaces(), l.vcpus()));
    }

    private static InventoryGap toDomain(SnapshotV1.Gap g, String at) {
        Scope scope = Scope.parse(g.scope()).orElseThrow(() -> new InvalidField(at + ".scope",
                "expected cluster/NAME, nodegroup/CLUSTER/NAME, subnet/ID, launch-template/ID, instance-type/TYPE "
                        + "or region/NAME, got '" + g.scope() + "'"));
        return build(at, () -> new InventoryGap(scope, g.operation(), g.errorCode(), g.message()));
    }

    private static <D, T> List<T> each(List<D> items, String at, BiFunction<D, String, T> map) {
        List<T> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) out.add(map.apply(items.get(i), at + "[" + i + "]"));
        return out;
    }

    /** A domain enum from its wire spelling ({@code ipv4}, {@code addon}…). */
    private static <E extends Enum<E> & WireName> E wire(String id, String at, Function<String, Optional<E>> fromId,
                                                         E[] values) {
        return fromId.apply(id).orElseThrow(() -> new InvalidField(at, "expected one of "
                + Arrays.stream(values).map(WireName::id).toList() + ", got '" + id + "'"));
    }

    /** Calls a domain constructor; what it rejects is reported at the JSON object's path. */
    private static <T> T build(String at, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidField(at, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /** A value of the file the domain cannot take, at a JSON path such as {@code $.clusters[0].ipFamily}. */
    static final class InvalidField extends RuntimeException {
        final String path;

        InvalidField(String path, String problem) {
            super(problem);
            this.path = path;
        }
    }
}
