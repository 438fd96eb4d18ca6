package dev.eksip.app.alert;

import static java.util.Objects.requireNonNull;

import dev.eksip.domain.ClusterForecast;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.InventoryGap;
import dev.eksip.domain.Scope;
import dev.eksip.domain.SubnetForecast;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether one cluster's run saw everything that decides its figures: the one rule for "which gaps touch which
 * cluster". A gap touches a cluster when it can hide the cluster's growth or holdings:
 * <ul>
 *   <li>{@code cluster/NAME}, {@code nodegroup/NAME/…}: that cluster;</li>
 *   <li>{@code region/…} (DescribeAutoScalingGroups, DescribeLaunchConfigurations, DescribeInstanceTypes): every
 *       cluster;</li>
 *   <li>{@code subnet/ID} (its CIDR reservations): the clusters that use the subnet; every cluster when the
 *       forecast does not know the subnet (whose it is cannot be told);</li>
 *   <li>{@code launch-template/ID} and {@code instance-type/TYPE}: every cluster. Approximation: the forecast does
 *       not keep which node group uses which launch template or instance type, so any cluster may be affected;
 *       this errs on the safe side (a cluster that in fact does not use the template or type is not declared
 *       recovered, and its severity is not lowered, until the gap is gone).</li>
 * </ul>
 * An incomplete run is never a recovery and never lowers the severity last sent ({@link AlertPolicy}).
 *
 * @param gaps the gaps that touch the cluster, in the forecast's order (empty = complete)
 */
public record Completeness(String cluster, List<InventoryGap> gaps) {
    public Completeness {
        requireNonNull(cluster, "cluster");
        gaps = List.copyOf(gaps);
    }

    public static Completeness of(Forecast forecast, String cluster) {
        Set<String> subnetsOfCluster = new TreeSet<>();
        Set<String> knownSubnets = new TreeSet<>();
        for (SubnetForecast s : forecast.subnets()) {
            knownSubnets.add(s.subnetId());
            if (s.clusters().contains(cluster)) subnetsOfCluster.add(s.subnetId());
        }
        for (ClusterForecast c : forecast.clusters()) {
            knownSubnets.addAll(c.subnetIds());
            if (c.cluster().equals(cluster)) subnetsOfCluster.addAll(c.subnetIds());
        }
        return new Completeness(cluster, forecast.gaps().stream()
                .filter(g -> touches(g.scope(), cluster, subnetsOfCluster, knownSubnets)).toList());
    }

    private static boolean touches(Scope scope, String cluster, Set<String> subnetsOfCluster, Set<String> known) {
        return switch (scope) {
            case Scope.OfCluster c -> c.name().equals(cluster);
            case Scope.OfNodeGroup g -> g.ref().cluster().equals(cluster);
            case Scope.OfRegion r -> true;
            case Scope.OfSubnet s -> subnetsOfCluster.contains(s.subnetId()) || !known.contains(s.subnetId());
            case Scope.OfLaunchTemplate t -> true;
            case Scope.OfInstanceType t -> true;
        };
    }

    public boolean complete() {
        return gaps.isEmpty();
    }

    /** One line for people: how many gaps, and the first few as {@code operation on scope (code)}. */
    public String summary() {
        if (gaps.isEmpty()) return "complete";
        List<String> named = gaps.stream().limit(3).map(g -> (g.operation().isEmpty() ? "read" : g.operation())
                + " on " + g.scope().id() + (g.errorCode().isEmpty() ? "" : " (" + g.errorCode() + ")")).toList();
        return "%d inventory gap(s) may hide this cluster's growth or holdings: %s%s".formatted(gaps.size(),
                String.join("; ", named), gaps.size() > 3 ? "; and %d more".formatted(gaps.size() - 3) : "");
    }
}
