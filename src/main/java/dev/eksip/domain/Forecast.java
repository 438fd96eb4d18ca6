package dev.eksip.domain;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * The result of one audit: per subnet, per availability zone and per cluster, plus what could not be read.
 *
 * @param asOf              the audit time (every metric is stamped with it)
 * @param accountId         AWS account id ("" when unknown)
 * @param region            AWS region
 * @param subnets           one entry per subnet used by an audited cluster
 * @param zones             the same, summed per availability zone
 * @param clusters          one entry per audited cluster
 * @param gaps              inventory gaps (each one is an audit error)
 * @param unattributedNodes nodes that could not be tied to a node group (still counted in their subnet)
 * @param unattributedEnis  ENIs in audited subnets not attached to a known node (still counted)
 * @param pools             per Karpenter / EKS Auto Mode node pool: how far it can grow
 */
public record Forecast(Instant asOf, String accountId, String region, List<SubnetForecast> subnets,
                       List<ZoneForecast> zones, List<ClusterForecast> clusters, List<InventoryGap> gaps,
                       int unattributedNodes, int unattributedEnis, List<PoolOutlook> pools) {
    public Forecast {
        requireNonNull(asOf, "asOf");
        requireNonNull(accountId, "accountId");
        requireNonNull(region, "region");
        subnets = List.copyOf(subnets);
        zones = List.copyOf(zones);
        clusters = List.copyOf(clusters);
        gaps = List.copyOf(gaps);
        pools = List.copyOf(pools);
    }

    /** A forecast without node pools. */
    public Forecast(Instant asOf, String accountId, String region, List<SubnetForecast> subnets,
                    List<ZoneForecast> zones, List<ClusterForecast> clusters, List<InventoryGap> gaps,
                    int unattributedNodes, int unattributedEnis) {
        this(asOf, accountId, region, subnets, zones, clusters, gaps, unattributedNodes, unattributedEnis, List.of());
    }

    public long subnetsAtRisk() {
        return subnets.stream().filter(s -> s.severity() != Severity.OK).count();
    }

    public long subnetsExhaustedAtMax() {
        return subnets.stream().filter(SubnetForecast::exhaustedAtMax).count();
    }

    public Severity worst() {
        return subnets.stream().map(SubnetForecast::severity).max(Enum::compareTo).orElse(Severity.OK);
    }
}
