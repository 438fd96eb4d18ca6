package dev.eksip.app.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * The JSON audit report, {@code reportVersion 1} (docs/audit-output.md). These records are the format: a
 * component's name (or its {@link JsonProperty}) is the JSON field's name and {@link JsonPropertyOrder} is the
 * field order, pinned by {@code ReportFormatTest}. {@link ReportJson} maps the domain's {@code Forecast} onto
 * them, so renaming a domain record component breaks that mapping's compile instead of changing the report.
 * Fields are only added compatibly; a breaking change is a {@code ReportV2}.
 */
@JsonPropertyOrder({"reportVersion", "asOf", "accountId", "region", "source", "summary", "subnets", "zones",
        "clusters", "gaps"})
public record ReportV1(int reportVersion, String asOf, String accountId, String region, String source,
                       Summary summary, List<Subnet> subnets, List<Zone> zones, List<Cluster> clusters,
                       List<Gap> gaps) {

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
            "nodesUntilExhaustion", "severity", "reason", "fix", "clusters", "nodeGroups"})
    public record Subnet(String subnetId, String vpcId, String availabilityZone, String cidr, int usableIps,
                         int availableIps, double utilizationPercent, int warmIps, boolean prefixMode,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Integer freePrefixBlocks,
                         Growth forecastAtDesired, Growth forecastAtMax,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Integer nodesUntilExhaustion,
                         String severity, String reason, String fix, List<String> clusters,
                         List<String> nodeGroups) {
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
            "subnetsExhaustedAtMax", "severity", "cniSource", "cni", "subnets", "notes", "exact", "estimated"})
    public record Cluster(String cluster, int nodes, int nodeGroups, int minForecastAtDesired, int minForecastAtMax,
                          int subnetsAtRisk, int subnetsExhaustedAtMax, String severity, String cniSource, Cni cni,
                          List<String> subnets, List<String> notes,
                          @JsonInclude(JsonInclude.Include.NON_NULL) List<String> exact,
                          @JsonInclude(JsonInclude.Include.NON_NULL) List<String> estimated) {
    }

    /** The effective CNI settings by aws-node variable name (vpc-cni-model.md §1). */
    @JsonPropertyOrder({"WARM_ENI_TARGET", "WARM_IP_TARGET", "MINIMUM_IP_TARGET", "ENABLE_PREFIX_DELEGATION",
            "WARM_PREFIX_TARGET", "MAX_ENI", "AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG", "ENABLE_POD_ENI",
            "ENABLE_SUBNET_DISCOVERY", "ENABLE_IPv6"})
    public record Cni(@JsonProperty("WARM_ENI_TARGET") int warmEniTarget,
                      @JsonProperty("WARM_IP_TARGET") int warmIpTarget,
                      @JsonProperty("MINIMUM_IP_TARGET") int minimumIpTarget,
                      @JsonProperty("ENABLE_PREFIX_DELEGATION") boolean prefixDelegation,
                      @JsonProperty("WARM_PREFIX_TARGET") int warmPrefixTarget,
                      @JsonProperty("MAX_ENI") int maxEni,
                      @JsonProperty("AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG") boolean customNetworking,
                      @JsonProperty("ENABLE_POD_ENI") boolean podEni,
                      @JsonProperty("ENABLE_SUBNET_DISCOVERY") boolean subnetDiscovery,
                      @JsonProperty("ENABLE_IPv6") boolean ipv6) {
    }

    /** An inventory gap; {@code scope} is its {@code Scope} id ({@code cluster/NAME}…). */
    @JsonPropertyOrder({"scope", "operation", "errorCode", "message"})
    public record Gap(String scope, String operation, String errorCode, String message) {
    }
}
