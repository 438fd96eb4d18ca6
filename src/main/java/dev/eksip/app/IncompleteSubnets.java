package dev.eksip.app;

import dev.eksip.domain.ClusterForecast;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.InventoryGap;
import dev.eksip.domain.Scope;
import dev.eksip.domain.SubnetForecast;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which figures of a forecast rest on an incomplete read: a gap can hide growth or holdings, so a
 * subnet's forecast is only an upper bound of what is left, never a figure to recover on. A subnet is incomplete
 * when a gap touches a cluster that uses it (the cluster's or one of its node groups' scope); a gap of a cluster
 * none of whose subnets is known (it could not be described, its node groups not listed) or that belongs to no one
 * cluster (a region-wide read,
 * an instance type, a launch template) touches every subnet; a subnet gap touches that subnet. A cluster is
 * incomplete when a gap touches it or one of its subnets is incomplete. {@code unbounded}: a gap's reach is unknown
 * (so even a forecast without subnets is incomplete). Pure: the same rule as the alerts'
 * completeness, kept small so the two can be one.
 */
public record IncompleteSubnets(Set<String> subnets, Set<String> clusters, Map<String, Integer> gapsByCluster,
                                boolean unbounded) {
    public IncompleteSubnets {
        subnets = Set.copyOf(subnets);
        clusters = Set.copyOf(clusters);
        gapsByCluster = Map.copyOf(gapsByCluster);
    }

    public static IncompleteSubnets of(Forecast forecast) {
        Set<String> subnets = new TreeSet<>();
        Map<String, Integer> gapsByCluster = new TreeMap<>();
        Map<String, ClusterForecast> clusters = new TreeMap<>();
        boolean unbounded = false;
        for (ClusterForecast c : forecast.clusters()) clusters.put(c.cluster(), c);
        for (InventoryGap gap : forecast.gaps()) {
            Optional<String> cluster = gap.scope().cluster();
            cluster.ifPresent(c -> gapsByCluster.merge(c, 1, Integer::sum));
            if (gap.scope() instanceof Scope.OfSubnet s) {
                forecast.subnets().stream().filter(x -> x.subnetId().equals(s.subnetId()))
                        .forEach(x -> subnets.add(x.subnetId()));
            } else {
                Set<String> known = cluster.map(c -> subnetsOf(forecast, clusters.get(c), c)).orElse(Set.of());
                if (known.isEmpty()) {
                    unbounded = true;
                    forecast.subnets().forEach(s -> subnets.add(s.subnetId()));
                } else {
                    subnets.addAll(known);
                }
            }
        }
        Set<String> incompleteClusters = new TreeSet<>(gapsByCluster.keySet());
        for (ClusterForecast c : forecast.clusters())
            if (c.subnetIds().stream().anyMatch(subnets::contains)) incompleteClusters.add(c.cluster());
        for (SubnetForecast s : forecast.subnets())
            if (subnets.contains(s.subnetId())) incompleteClusters.addAll(s.clusters());
        return new IncompleteSubnets(subnets, incompleteClusters, gapsByCluster, unbounded);
    }

    /** The subnets known to be used by {@code name} (none when it could not be described). */
    private static Set<String> subnetsOf(Forecast forecast, ClusterForecast c, String name) {
        Set<String> out = new TreeSet<>();
        if (c != null) out.addAll(c.subnetIds());
        for (SubnetForecast s : forecast.subnets()) if (s.clusters().contains(name)) out.add(s.subnetId());
        return out;
    }

    /** Whether every figure of the forecast is complete: no subnet incomplete, no gap of unknown reach. */
    public boolean none() {
        return subnets.isEmpty() && !unbounded;
    }

    /** How many of {@code c}'s subnets are incomplete. */
    public int of(ClusterForecast c) {
        return (int) c.subnetIds().stream().filter(subnets::contains).count();
    }
}
