package dev.eksip.app.assess;

import dev.eksip.domain.Cluster;
import dev.eksip.domain.ClusterForecast;
import dev.eksip.domain.GrowthForecast;
import dev.eksip.domain.Inventory;
import dev.eksip.domain.Node;
import dev.eksip.domain.NodeGroup;
import dev.eksip.domain.Severity;
import dev.eksip.domain.SubnetForecast;
import dev.eksip.domain.ZoneForecast;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Subnet forecasts summed per availability zone and VPC, and seen from each cluster (the worst of its subnets). */
final class Rollups {
    private Rollups() {
    }

    /** One entry per VPC and zone, in that order. */
    static List<ZoneForecast> zones(List<SubnetForecast> subnets) {
        Map<String, List<SubnetForecast>> byZone = new TreeMap<>();
        for (SubnetForecast s : subnets)
            byZone.computeIfAbsent(s.vpcId() + "|" + s.availabilityZone(), k -> new ArrayList<>()).add(s);
        List<ZoneForecast> out = new ArrayList<>();
        for (List<SubnetForecast> z : byZone.values()) {
            out.add(new ZoneForecast(z.get(0).availabilityZone(), z.get(0).vpcId(), z.size(),
                    z.stream().mapToInt(SubnetForecast::usableIps).sum(),
                    z.stream().mapToInt(SubnetForecast::availableIps).sum(),
                    z.stream().mapToInt(SubnetForecast::warmIps).sum(),
                    sum(z, true), sum(z, false), worst(z)));
        }
        return out;
    }

    private static GrowthForecast sum(List<SubnetForecast> z, boolean desired) {
        int b = 0, m = 0, f = 0;
        for (SubnetForecast s : z) {
            GrowthForecast g = desired ? s.atDesired() : s.atMax();
            b += g.baseline();
            m += g.median();
            f += g.full();
        }
        return new GrowthForecast(b, m, f);
    }

    /** One entry per cluster of the inventory, in its order. */
    static List<ClusterForecast> clusters(Inventory inventory, List<SubnetForecast> subnets) {
        Map<String, Integer> nodes = new HashMap<>();
        String run = null;      // nodes come grouped by cluster: count each run, merge once per run
        int count = 0;
        for (Node n : inventory.nodes()) {
            if (!n.cluster().equals(run)) {
                if (run != null) nodes.merge(run, count, Integer::sum);
                run = n.cluster();
                count = 0;
            }
            count++;
        }
        if (run != null) nodes.merge(run, count, Integer::sum);
        // indexed once, in subnet order: each cluster's subnets without a scan of every subnet per cluster
        Map<String, List<SubnetForecast>> byCluster = new HashMap<>();
        for (SubnetForecast s : subnets)
            for (String name : new LinkedHashSet<>(s.clusters()))
                byCluster.computeIfAbsent(name, k -> new ArrayList<>()).add(s);
        List<ClusterForecast> out = new ArrayList<>();
        for (Cluster c : inventory.clusters()) {
            List<SubnetForecast> mine = byCluster.getOrDefault(c.name(), List.of());
            out.add(new ClusterForecast(c.name(), nodes.getOrDefault(c.name(), 0), c.nodeGroups().size(),
                    mine.stream().mapToInt(s -> s.atDesired().headline()).min().orElse(0),
                    mine.stream().mapToInt(s -> s.atMax().headline()).min().orElse(0),
                    (int) mine.stream().filter(s -> s.severity() != Severity.OK).count(),
                    (int) mine.stream().filter(SubnetForecast::exhaustedAtMax).count(),
                    worst(mine), c.cniSource(), c.cni(), mine.stream().map(SubnetForecast::subnetId).toList(),
                    ClusterNotes.of(c), inventory.kubeView(c.name()).orElse(null),
                    c.nodeGroups().stream().filter(NodeGroup::maxPodsAssumed).map(NodeGroup::name).toList()));
        }
        return out;
    }

    private static Severity worst(List<SubnetForecast> subnets) {
        return subnets.stream().map(SubnetForecast::severity).max(Enum::compareTo).orElse(Severity.OK);
    }
}
