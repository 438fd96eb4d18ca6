package dev.eksip.app.snapshot;

import dev.eksip.app.snapshot.SnapshotMapper.InvalidField;

import java.util.HashMap;
import java.util.Map;

/**
 * What a well-formed snapshot must also hold before it becomes an {@code Inventory} (docs/inventory-format.md,
 * "Consistency"): subnet CIDRs EC2 could have made (IPv4 /16 to /28, the network address; {@code ""} for an
 * IPv6-only subnet), no more available addresses than the subnet has, one entry per subnet, cluster, node group,
 * node, ENI and instance type, references only to subnets, clusters and node groups of the file, a primary ENI on
 * every node, and addresses, /28 prefixes and reservations inside their subnet. The first problem is an
 * {@link InvalidField} at its JSON path.
 */
final class SnapshotChecks {
    private static final int AWS_RESERVED = 5;

    private final Map<String, Ipv4Cidr> cidrOf = new HashMap<>();   // null value: an IPv6-only subnet
    private final Map<String, String> enis = new HashMap<>();

    private SnapshotChecks() {
    }

    static void check(SnapshotV1 f) {
        new SnapshotChecks().all(f);
    }

    private void all(SnapshotV1 f) {
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < f.subnets().size(); i++) subnet(f.subnets().get(i), "$.subnets[" + i + "]", seen);

        Map<String, SnapshotV1.Cluster> clusters = new HashMap<>();
        seen.clear();
        for (int i = 0; i < f.clusters().size(); i++) {
            SnapshotV1.Cluster c = f.clusters().get(i);
            String at = "$.clusters[" + i + "]";
            unique(seen, c.name(), at + ".name", "a cluster name");
            clusters.put(c.name(), c);
            cluster(c, at);
        }

        seen.clear();
        for (int i = 0; i < f.nodes().size(); i++) {
            SnapshotV1.Node n = f.nodes().get(i);
            String at = "$.nodes[" + i + "]";
            unique(seen, n.instanceId(), at + ".instanceId", "an instance id");
            node(n, at, clusters);
        }
        for (int i = 0; i < f.otherEnis().size(); i++) eni(f.otherEnis().get(i), "$.otherEnis[" + i + "]");

        seen.clear();
        for (int i = 0; i < f.instanceLimits().size(); i++)
            unique(seen, f.instanceLimits().get(i).instanceType(), "$.instanceLimits[" + i + "].instanceType",
                    "an instance type");

        seen.clear();
        for (int i = 0; i < f.history().size(); i++) series(f.history().get(i), "$.history[" + i + "]", seen, f);
    }

    /**
     * A recorded series: one per subnet of the file, a metric the function publishes per subnet, and points in
     * strictly increasing time, none after {@code capturedAt}, each a finite, non-negative free count.
     */
    private void series(SnapshotV1.Series h, String at, Map<String, String> seen, SnapshotV1 f) {
        unique(seen, h.subnetId(), at + ".subnetId", "one series per subnet");
        if (!cidrOf.containsKey(h.subnetId()))
            throw new InvalidField(at + ".subnetId", "expected a subnet id of $.subnets, got \"%s\""
                    .formatted(h.subnetId()));
        if (!h.metric().equals(SubnetSeries.AVAILABLE_IPS) && !h.metric().equals(SubnetSeries.FREE_PREFIX_BLOCKS))
            throw new InvalidField(at + ".metric", "expected \"%s\" or \"%s\", got \"%s\"".formatted(
                    SubnetSeries.AVAILABLE_IPS, SubnetSeries.FREE_PREFIX_BLOCKS, h.metric()));
        for (int i = 0; i < h.points().size(); i++) {
            SnapshotV1.Point p = h.points().get(i);
            String pAt = at + ".points[" + i + "]";
            if (!Double.isFinite(p.free()) || p.free() < 0)
                throw new InvalidField(pAt + ".free", "expected a finite number >= 0, got " + p.free());
            if (p.at().isAfter(f.capturedAt()))
                throw new InvalidField(pAt + ".at", "expected no later than capturedAt %s, got %s"
                        .formatted(f.capturedAt(), p.at()));
            if (i > 0 && !p.at().isAfter(h.points().get(i - 1).at()))
                throw new InvalidField(pAt + ".at", "expected later than the point before (%s), got %s"
                        .formatted(h.points().get(i - 1).at(), p.at()));
        }
    }

    private void subnet(SnapshotV1.Subnet s, String at, Map<String, String> seen) {
        unique(seen, s.subnetId(), at + ".subnetId", "a subnet id");
        if (s.cidr().isEmpty()) {
            cidrOf.put(s.subnetId(), null);
            if (s.availableIps() != 0)
                throw new InvalidField(at + ".availableIps", "expected 0 for an IPv6-only subnet (cidr \"\"), got "
                        + s.availableIps());
        } else {
            Ipv4Cidr cidr = Ipv4Cidr.parse(s.cidr());
            if (cidr == null || cidr.length() < 16 || cidr.length() > 28)
                throw new InvalidField(at + ".cidr", "expected an IPv4 CIDR from /16 to /28 such as \"10.0.0.0/24\""
                        + " (or \"\" for an IPv6-only subnet), got \"" + s.cidr() + "\"");
            if (!cidr.aligned())
                throw new InvalidField(at + ".cidr", "expected the network address %s, got \"%s\""
                        .formatted(cidr, s.cidr()));
            long usable = cidr.size() - AWS_RESERVED;
            if (s.availableIps() > usable)
                throw new InvalidField(at + ".availableIps",
                        "expected at most %d (the usable addresses of a /%d), got %d"
                        .formatted(usable, cidr.length(), s.availableIps()));
            cidrOf.put(s.subnetId(), cidr);
        }
        for (int i = 0; i < s.reservations().size(); i++) {
            String cidr = s.reservations().get(i).cidr();
            Ipv4Cidr r = Ipv4Cidr.parse(cidr);
            Ipv4Cidr subnet = cidrOf.get(s.subnetId());
            if (r == null || subnet == null || !subnet.contains(r))
                throw new InvalidField(at + ".reservations[" + i + "].cidr", "expected an IPv4 CIDR inside "
                        + inside(s.subnetId()) + ", got \"" + cidr + "\"");
        }
    }

    private void cluster(SnapshotV1.Cluster c, String at) {
        c.podSubnets().forEach((zone, subnet) -> subnetRef(subnet, at + ".podSubnets." + zone));
        Map<String, String> groups = new HashMap<>();
        for (int i = 0; i < c.nodeGroups().size(); i++) {
            SnapshotV1.NodeGroup g = c.nodeGroups().get(i);
            String gAt = at + ".nodeGroups[" + i + "]";
            unique(groups, g.name(), gAt + ".name", "a node group name", " in cluster " + c.name());
            for (int j = 0; j < g.subnetIds().size(); j++)
                subnetRef(g.subnetIds().get(j), gAt + ".subnetIds[" + j + "]");
        }
    }

    private void node(SnapshotV1.Node n, String at, Map<String, SnapshotV1.Cluster> clusters) {
        SnapshotV1.Cluster cluster = clusters.get(n.cluster());
        if (cluster == null)
            throw new InvalidField(at + ".cluster", "expected a cluster of $.clusters, got \"" + n.cluster() + "\"");
        if (!n.nodeGroup().isEmpty() && cluster.nodeGroups().stream().noneMatch(g -> g.name().equals(n.nodeGroup())))
            throw new InvalidField(at + ".nodeGroup", "expected \"\" or a node group of cluster %s, got \"%s\""
                    .formatted(n.cluster(), n.nodeGroup()));
        subnetRef(n.subnetId(), at + ".subnetId");
        boolean primary = false;
        for (int i = 0; i < n.enis().size(); i++) {
            SnapshotV1.Eni e = n.enis().get(i);
            String eAt = at + ".enis[" + i + "]";
            if (!e.instanceId().isEmpty() && !e.instanceId().equals(n.instanceId()))
                throw new InvalidField(eAt + ".instanceId", "expected \"%s\" (the node's instance) or \"\", got \"%s\""
                        .formatted(n.instanceId(), e.instanceId()));
            primary |= e.deviceIndex() == 0 && e.instanceId().equals(n.instanceId());
            eni(e, eAt);
        }
        if (!primary)
            throw new InvalidField(at + ".enis", "expected the node's primary ENI (deviceIndex 0), got none");
    }

    private void eni(SnapshotV1.Eni e, String at) {
        String first = enis.putIfAbsent(e.eniId(), at);
        if (first != null)
            throw new InvalidField(at + ".eniId", "expected an ENI id not used before, got \"%s\" again (first at %s)"
                    .formatted(e.eniId(), first));
        subnetRef(e.subnetId(), at + ".subnetId");
        Ipv4Cidr subnet = cidrOf.get(e.subnetId());
        if (subnet == null) {   // IPv6-only: no IPv4 address to hold
            if (!e.primaryIp().isEmpty() || !e.secondaryIps().isEmpty() || !e.prefixes().isEmpty())
                throw new InvalidField(at, "expected no IPv4 address (primaryIp \"\", no secondaryIps or prefixes) "
                        + "in the IPv6-only subnet " + e.subnetId());
            return;
        }
        address(e.primaryIp(), subnet, e.subnetId(), at + ".primaryIp");
        for (int i = 0; i < e.secondaryIps().size(); i++)
            address(e.secondaryIps().get(i), subnet, e.subnetId(), at + ".secondaryIps[" + i + "]");
        for (int i = 0; i < e.prefixes().size(); i++) {
            String p = e.prefixes().get(i);
            Ipv4Cidr prefix = Ipv4Cidr.parse(p);
            if (prefix == null || prefix.length() != 28 || !prefix.aligned() || !subnet.contains(prefix))
                throw new InvalidField(at + ".prefixes[" + i + "]",
                        "expected an aligned /28 inside %s such as \"%s\", got \"%s\""
                        .formatted(inside(e.subnetId()), example28(subnet), p));
        }
    }

    private void address(String ip, Ipv4Cidr subnet, String subnetId, String at) {
        long address = Ipv4Cidr.address(ip);
        if (address < 0 || !subnet.contains(address))
            throw new InvalidField(at, "expected an IPv4 address inside %s, got \"%s\""
                    .formatted(inside(subnetId), ip));
    }

    private void subnetRef(String subnetId, String at) {
        if (!cidrOf.containsKey(subnetId))
            throw new InvalidField(at, "expected a subnet of $.subnets, got \"" + subnetId + "\"");
    }

    private String inside(String subnetId) {
        Ipv4Cidr cidr = cidrOf.get(subnetId);
        return subnetId + " (" + (cidr == null ? "IPv6-only" : cidr.toString()) + ")";
    }

    /** The subnet's second /28, as an example of a valid prefix. */
    private static String example28(Ipv4Cidr subnet) {
        return new Ipv4Cidr(subnet.network() + 16, 28).toString();
    }

    private static void unique(Map<String, String> seen, String key, String at, String what) {
        unique(seen, key, at, what, "");
    }

    private static void unique(Map<String, String> seen, String key, String at, String what, String where) {
        String first = seen.putIfAbsent(key, at.substring(0, at.lastIndexOf('.')));
        if (first != null)
            throw new InvalidField(at, "expected %s not used before%s, got \"%s\" again (first at %s)"
                    .formatted(what, where, key, first));
    }
}
