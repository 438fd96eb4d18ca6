package dev.eksip.domain;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The forecast seen from one cluster: the worst of its subnets.
 *
 * @param minForecastAtDesired lowest headline forecast at desired over its subnets
 * @param minForecastAtMax     lowest headline forecast at max over its subnets
 * @param subnetsAtRisk        its subnets with severity warning or critical
 * @param subnetsExhaustedAtMax its subnets whose headline forecast at max is negative
 * @param cniSource            where its CNI settings came from (addon / configured / default)
 * @param cni                  the effective CNI settings
 * @param notes                cluster-level remarks (IPv6: no warm pool; gaps)
 * @param kube                 exact mode's view of the cluster (which figures are exact); null without exact mode
 * @param maxPodsAssumed       its self-managed and custom-AMI node groups whose max pods is assumed, not read from
 *                             their user data ({@link NodeGroup#maxPodsAssumed()})
 */
public record ClusterForecast(String cluster, int nodes, int nodeGroups, int minForecastAtDesired,
                              int minForecastAtMax, int subnetsAtRisk, int subnetsExhaustedAtMax,
                              Severity severity, CniSource cniSource, CniSettings cni, List<String> subnetIds,
                              List<String> notes, KubeView kube, List<String> maxPodsAssumed) {
    public ClusterForecast {
        maxPodsAssumed = List.copyOf(maxPodsAssumed);
        requireNonNull(cluster, "cluster");
        requireNonNull(severity, "severity");
        subnetIds = List.copyOf(subnetIds);
        notes = List.copyOf(notes);
    }

    /** No group's max pods assumed. */
    public ClusterForecast(String cluster, int nodes, int nodeGroups, int minForecastAtDesired, int minForecastAtMax,
                           int subnetsAtRisk, int subnetsExhaustedAtMax, Severity severity, CniSource cniSource,
                           CniSettings cni, List<String> subnetIds, List<String> notes, KubeView kube) {
        this(cluster, nodes, nodeGroups, minForecastAtDesired, minForecastAtMax, subnetsAtRisk, subnetsExhaustedAtMax,
                severity, cniSource, cni, subnetIds, notes, kube, List.of());
    }

    /** Without exact mode. */
    public ClusterForecast(String cluster, int nodes, int nodeGroups, int minForecastAtDesired, int minForecastAtMax,
                           int subnetsAtRisk, int subnetsExhaustedAtMax, Severity severity, CniSource cniSource,
                           CniSettings cni, List<String> subnetIds, List<String> notes) {
        this(cluster, nodes, nodeGroups, minForecastAtDesired, minForecastAtMax, subnetsAtRisk, subnetsExhaustedAtMax,
                severity, cniSource, cni, subnetIds, notes, null);
    }
}
