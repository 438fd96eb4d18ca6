package dev.eksip.app.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Map;

/**
 * The JSON audit report, {@code reportVersion 1} (docs/audit-output.md). These records are the format: a
 * component's name (or its {@link JsonProperty}) is the JSON field's name and {@link JsonPropertyOrder} is the
 * field order, pinned by {@code ReportFormatTest}. {@link ReportJson} maps the domain's {@code Forecast} onto
 * them, so renaming a domain record component breaks that mapping's compile instead of changing the report.
 * Fields are only added compatibly; a breaking change is a {@code ReportV2}.
 */
@JsonPropertyOrder({"reportVersion", "asOf", "accountId", "region", "source", "summary", "subnets", "zones",
        "clusters", "gaps", "pools"})
public record ReportV1(int reportVersion, String asOf, String accountId, String region, String source,
                       Summary summary, List<Subnet> subnets, List<Zone> zones, List<Cluster> clusters,
                       List<Gap> gaps, List<Pool> pools) {

    /** A report without node pools. */
    public ReportV1(int reportVersion, String asOf, String accountId, String region, String source, Summary summary,
                    List<Subnet> subnets, List<Zone> zones, List<Cluster> clusters, List<Gap> gaps) {
        this(reportVersion, asOf, accountId, region, source, summary, subnets, zones, clusters, gaps, List.of());
    }

    /**
     * A Karpenter or EKS Auto Mode node pool: {@code maxNodes} null and {@code unbounded} true when its limits are
     * unknown (AWS APIs alone); then {@code subnets} says how many more of its nodes each subnet holds.
     */
    @JsonPropertyOrder({"cluster", "pool", "provisioner", "nodes", "instanceTypes", "maxNodes", "unbounded",
            "subnets"})
    public record Pool(String cluster, String pool, String provisioner, int nodes, List<String> instanceTypes,
                       Integer maxNodes, boolean unbounded, List<PoolSubnet> subnets) {
    }

    /** One candidate subnet of a pool: {@code nodesUntilExhaustion} null when the pool takes nothing there. */
    @JsonPropertyOrder({"subnetId", "freeNow", "nodeCost", "nodesUntilExhaustion"})
    public record PoolSubnet(String subnetId, int freeNow, int nodeCost, Integer nodesUntilExhaustion) {
    }

    @JsonPropertyOrder({"subnets", "subnetsAtRisk", "subnetsExhaustedAtMax", "auditErrors", "worstSeverity",
            "unattributedNodes", "unattributedEnis"})
    public record Summary(int subnets, long subnetsAtRisk, long subnetsExhaustedAtMax, int auditErrors,
                          String worstSeverity, int unattributedNodes, int unattributedEnis) {
    }

    /**
     * One subnet's forecast: the report's and the SNS alert's shape. {@code freePrefixBlocks} is present only in
     * prefix mode, {@code nodesUntilExhaustion} only when a node group grows here.
     */
    @JsonPropertyOrder({"subnetId", "vpcId", "availabilityZone", "cidr", "usableIps", "availableIps",
            "utilizationPercent", "warmIps", "prefixMode", "freePrefixBlocks", "forecastAtDesired", "forecastAtMax",
            "nodesUntilExhaustion", "severity", "reason", "fix", "clusters", "nodeGroups", "prefixPlacement",
            "forecastAtUpdate", "updateSurge", "controlPlaneOf", "loadBalancerSubnet", "leakedEnis", "reclaimableIps"})
    public record Subnet(String subnetId, String vpcId, String availabilityZone, String cidr, int usableIps,
                         int availableIps, double utilizationPercent, int warmIps, boolean prefixMode,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Integer freePrefixBlocks,
                         Growth forecastAtDesired, Growth forecastAtMax,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Integer nodesUntilExhaustion,
                         String severity, String reason, String fix, List<String> clusters,
                         List<String> nodeGroups,
                         @JsonInclude(JsonInclude.Include.NON_NULL) PrefixPlacement prefixPlacement,
                         Growth forecastAtUpdate, Map<String, Integer> updateSurge,
                         List<String> controlPlaneOf, boolean loadBalancerSubnet, int leakedEnis,
                         int reclaimableIps) {
    }

    /**
     * In prefix mode, the /28 figures as bands over where EC2 puts single /32 addresses: new nodes (median holding)
     * that still fit, and free aligned /28 blocks left at desired and at max size (median assumption).
     */
    @JsonPropertyOrder({"nodesFit", "freeBlocksAtDesired", "freeBlocksAtMax"})
    public record PrefixPlacement(Band nodesFit, Band freeBlocksAtDesired, Band freeBlocksAtMax) {
    }

    /** Packed (/32s fill loose addresses first), random placement's expected value (the headline), its p10. */
    @JsonPropertyOrder({"packed", "expected", "pessimistic"})
    public record Band(int packed, int expected, int pessimistic) {
    }

    /** Addresses left after growth if a new node costs its 0-pod baseline, its group's median, its max pods. */
    @JsonPropertyOrder({"baseline", "median", "full"})
    public record Growth(int baseline, int median, int full) {
    }

    @JsonPropertyOrder({"availabilityZone", "vpcId", "subnets", "usableIps", "availableIps", "warmIps",
            "forecastAtDesired", "forecastAtMax", "severity"})
    public record Zone(String availabilityZone, String vpcId, int subnets, int usableIps, int availableIps,
                       int warmIps, Growth forecastAtDesired, Growth forecastAtMax, String severity) {
    }

    @JsonPropertyOrder({"cluster", "nodes", "nodeGroups", "minForecastAtDesired", "minForecastAtMax", "subnetsAtRisk",
            "subnetsExhaustedAtMax", "severity", "cniSource", "cni", "subnets", "notes", "exact", "estimated",
            "maxPodsAssumed"})
    public record Cluster(String cluster, int nodes, int nodeGroups, int minForecastAtDesired, int minForecastAtMax,
                          int subnetsAtRisk, int subnetsExhaustedAtMax, String severity, String cniSource, Cni cni,
                          List<String> subnets, List<String> notes,
                          @JsonInclude(JsonInclude.Include.NON_NULL) List<String> exact,
                          @JsonInclude(JsonInclude.Include.NON_NULL) List<String> estimated,
                          List<String> maxPodsAssumed) {
        /** No group's max pods assumed. */
        public Cluster(String cluster, int nodes, int nodeGroups, int minForecastAtDesired, int minForecastAtMax,
                       int subnetsAtRisk, int subnetsExhaustedAtMax, String severity, String cniSource, Cni cni,
                       List<String> subnets, List<String> notes, List<String> exact, List<String> estimated) {
            this(cluster, nodes, nodeGroups, minForecastAtDesired, minForecastAtMax, subnetsAtRisk,
                    subnetsExhaustedAtMax, severity, cniSource, cni, subnets, notes, exact, estimated, List.of());
        }
    }

    /** The effective CNI settings by aws-node variable name (vpc-cni-model.md §1). */
    @JsonPropertyOrder({"WARM_ENI_TARGET", "WARM_IP_TARGET", "MINIMUM_IP_TARGET", "ENABLE_PREFIX_DELEGATION",
            "WARM_PREFIX_TARGET", "MAX_ENI", "AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG", "ENABLE_POD_ENI",
            "ENABLE_SUBNET_DISCOVERY", "ENABLE_IPv6", "CLUSTER_NAME"})
    public record Cni(@JsonProperty("WARM_ENI_TARGET") int warmEniTarget,
                      @JsonProperty("WARM_IP_TARGET") int warmIpTarget,
                      @JsonProperty("MINIMUM_IP_TARGET") int minimumIpTarget,
                      @JsonProperty("ENABLE_PREFIX_DELEGATION") boolean prefixDelegation,
                      @JsonProperty("WARM_PREFIX_TARGET") int warmPrefixTarget,
                      @JsonProperty("MAX_ENI") int maxEni,
                      @JsonProperty("AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG") boolean customNetworking,
                      @JsonProperty("ENABLE_POD_ENI") boolean podEni,
                      @JsonProperty("ENABLE_SUBNET_DISCOVERY") boolean subnetDiscovery,
                      @JsonProperty("ENABLE_IPv6") boolean ipv6,
                      @JsonProperty("CLUSTER_NAME") @JsonInclude(JsonInclude.Include.NON_EMPTY) String clusterName) {
    }

    /** An inventory gap; {@code scope} is its {@code Scope} id ({@code cluster/NAME}…). */
    @JsonPropertyOrder({"scope", "operation", "errorCode", "message"})
    public record Gap(String scope, String operation, String errorCode, String message) {
    }
}
