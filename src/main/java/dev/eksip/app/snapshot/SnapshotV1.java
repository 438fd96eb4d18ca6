package dev.eksip.app.snapshot;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.OptBoolean;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The snapshot file, {@code formatVersion 1} (docs/inventory-format.md). These records are the format: a
 * component's name is the JSON field's name and {@link JsonPropertyOrder} is the field order, pinned by
 * {@code SnapshotFormatTest}. They hold wire values only (strings for the domain's enums and scopes), and
 * {@link SnapshotMapper} maps them from and to the domain, so renaming a domain record component breaks the
 * mapper's compile instead of changing the file. A change old readers could not read is a {@code SnapshotV2}.
 */
@JsonPropertyOrder({"formatVersion", "accountId", "region", "capturedAt", "subnets", "clusters", "nodes", "otherEnis",
        "instanceLimits", "gaps", "history"})
record SnapshotV1(@JsonDeserialize(using = FormatVersion.class) int formatVersion, String accountId, String region,
                  @JsonDeserialize(using = IsoInstant.class) Instant capturedAt, List<Subnet> subnets,
                  List<Cluster> clusters, List<Node> nodes, List<Eni> otherEnis, List<InstanceLimits> instanceLimits,
                  List<Gap> gaps,
                  @JacksonInject(value = InventoryFile.NO_HISTORY, useInput = OptBoolean.TRUE)
                  @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Series> history) {

    @JsonPropertyOrder({"subnetId", "vpcId", "availabilityZone", "cidr", "availableIps", "tags", "reservations"})
    record Subnet(String subnetId, String vpcId, String availabilityZone, String cidr, int availableIps,
                  Map<String, String> tags, List<CidrReservation> reservations) {
    }

    /** {@code type}: a {@code ReservationType} id. */
    @JsonPropertyOrder({"reservationId", "cidr", "type"})
    record CidrReservation(String reservationId, String cidr, String type) {
    }

    /**
     * {@code ipFamily}: an {@code IpFamily} id; {@code cniSource}: a {@code CniSource} id; {@code autoMode}: optional
     * (written only when EKS Auto Mode is enabled; absent reads as {@link AutoMode#ABSENT}).
     */
    @JsonPropertyOrder({"name", "vpcId", "ipFamily", "cni", "cniSource", "podSubnets", "nodeGroups", "autoMode",
            "subnetIds"})
    record Cluster(String name, String vpcId, String ipFamily, Cni cni, String cniSource,
                   Map<String, String> podSubnets, List<NodeGroup> nodeGroups,
                   @JacksonInject(value = AutoMode.ABSENT_ID, useInput = OptBoolean.TRUE)
                   @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = Absent.class) AutoMode autoMode,
                   @JacksonInject(value = NO_LIST, useInput = OptBoolean.TRUE)
                   @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> subnetIds) {
    }

    /** What an absent optional list reads as: empty. */
    static final String NO_LIST = "eksip.snapshot.noList";
    /** What an absent optional number reads as: 0. */
    static final String NO_NUMBER = "eksip.snapshot.noNumber";
    /** The same for a second optional number of one record (Jackson wants one id per field): 0. */
    static final String NO_PERCENTAGE = "eksip.snapshot.noPercentage";
    /** What an absent optional text reads as: "". */
    static final String NO_TEXT = "eksip.snapshot.noText";
    /** What an absent optional flag reads as: false. */
    static final String NO_FLAG = "eksip.snapshot.noFlag";

    /** EKS Auto Mode ({@code computeConfig}). */
    @JsonPropertyOrder({"enabled", "nodePools"})
    record AutoMode(boolean enabled, List<String> nodePools) {
        static final String ABSENT_ID = "snapshot.absentAutoMode";
        static final AutoMode ABSENT = new AutoMode(false, List.of());
    }

    /**
     * A Karpenter / Auto Mode NodePool: {@code provisioner} a {@code Provisioner} id; {@code limits} optional
     * (absent: unknown, growth unbounded).
     */
    @JsonPropertyOrder({"provisioner", "nodeClass", "limits", "secondaryIpMode", "podSubnets"})
    record NodePool(String provisioner, String nodeClass,
                    @JacksonInject(value = NodePoolLimits.ABSENT_ID, useInput = OptBoolean.TRUE)
                   @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = Absent.class) NodePoolLimits limits,
                    boolean secondaryIpMode, Map<String, String> podSubnets) {
        static final String ABSENT_ID = "snapshot.absentNodePool";
        static final NodePool ABSENT = new NodePool("", "", NodePoolLimits.ABSENT, false, Map.of());
    }

    /** {@code cpuMillicores}, {@code memoryMebibytes}: -1 where not limited. */
    @JsonPropertyOrder({"cpuMillicores", "memoryMebibytes"})
    record NodePoolLimits(long cpuMillicores, long memoryMebibytes) {
        static final String ABSENT_ID = "snapshot.absentNodePoolLimits";
        static final NodePoolLimits ABSENT = new NodePoolLimits(Long.MIN_VALUE, Long.MIN_VALUE);
    }

    @JsonPropertyOrder({"warmEniTarget", "warmIpTarget", "minimumIpTarget", "prefixDelegation", "warmPrefixTarget",
            "maxEni", "customNetworking", "podEni", "subnetDiscovery", "ipv6", "clusterName"})
    record Cni(int warmEniTarget, int warmIpTarget, int minimumIpTarget, boolean prefixDelegation,
               int warmPrefixTarget, int maxEni, boolean customNetworking, boolean podEni, boolean subnetDiscovery,
               boolean ipv6,
               @JacksonInject(value = Cni.NO_CLUSTER_NAME, useInput = OptBoolean.TRUE)
               @JsonInclude(JsonInclude.Include.NON_EMPTY) String clusterName) {
        /** {@code clusterName} is optional: absent reads as "" (CLUSTER_NAME unset). */
        static final String NO_CLUSTER_NAME = "eksip.snapshot.noClusterName";
    }

    /** {@code nodePool}: optional, only on a Karpenter / Auto Mode NodePool (absent reads as {@link NodePool#ABSENT}). */
    @JsonPropertyOrder({"name", "managed", "customAmi", "instanceTypes", "minSize", "desiredSize", "maxSize",
            "subnetIds", "autoScalingGroup", "maxPods", "nodePool", "maxUnavailable", "maxUnavailablePercentage",
            "maxPodsFrom"})
    record NodeGroup(String name, boolean managed, boolean customAmi, List<String> instanceTypes, int minSize,
                     int desiredSize, int maxSize, List<String> subnetIds, String autoScalingGroup, int maxPods,
                     @JacksonInject(value = NodePool.ABSENT_ID, useInput = OptBoolean.TRUE)
                   @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = Absent.class) NodePool nodePool,
                     @JacksonInject(value = NO_NUMBER, useInput = OptBoolean.TRUE)
                     @JsonInclude(JsonInclude.Include.NON_DEFAULT) int maxUnavailable,
                     @JacksonInject(value = NO_PERCENTAGE, useInput = OptBoolean.TRUE)
                     @JsonInclude(JsonInclude.Include.NON_DEFAULT) int maxUnavailablePercentage,
                     @JacksonInject(value = NO_TEXT, useInput = OptBoolean.TRUE)
                     @JsonInclude(JsonInclude.Include.NON_EMPTY) String maxPodsFrom) {
    }

    @JsonPropertyOrder({"instanceId", "cluster", "nodeGroup", "instanceType", "subnetId", "availabilityZone", "enis"})
    record Node(String instanceId, String cluster, String nodeGroup, String instanceType, String subnetId,
                String availabilityZone, List<Eni> enis) {
    }

    /** {@code interfaceType}: an {@code InterfaceType} id. */
    @JsonPropertyOrder({"eniId", "subnetId", "instanceId", "interfaceType", "deviceIndex", "primaryIp", "secondaryIps",
            "prefixes", "noManage", "leakedByCni"})
    record Eni(String eniId, String subnetId, String instanceId, String interfaceType, int deviceIndex,
               String primaryIp, List<String> secondaryIps, List<String> prefixes, boolean noManage,
               @JacksonInject(value = NO_FLAG, useInput = OptBoolean.TRUE)
               @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean leakedByCni) {
    }

    @JsonPropertyOrder({"instanceType", "maxEnis", "ipv4PerEni", "networkCards", "totalEnis", "nitro", "bareMetal",
            "prefixDelegationSupported", "trunkingCompatible", "branchInterfaces", "vcpus"})
    record InstanceLimits(String instanceType, int maxEnis, int ipv4PerEni, int networkCards, int totalEnis,
                          boolean nitro, boolean bareMetal, boolean prefixDelegationSupported,
                          boolean trunkingCompatible, int branchInterfaces, int vcpus) {
    }

    /** An inventory gap; {@code scope}: a {@code Scope} id ({@code cluster/NAME}…). */
    @JsonPropertyOrder({"scope", "operation", "errorCode", "message"})
    record Gap(String scope, String operation, String errorCode, String message) {
    }

    /**
     * The optional fields' "absent" values: what a file without the field reads as (injected by
     * {@code InventoryFile}), and what is never written.
     */
    static final class Absent {
        @Override
        public boolean equals(Object value) {
            return value == AutoMode.ABSENT || value == NodePool.ABSENT || value == NodePoolLimits.ABSENT;
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }

    /**
     * The optional {@code history} (absent = none): one subnet's recorded free capacity ({@code metric}
     * {@code AvailableIps} in addresses, or {@code FreePrefixBlocks} in free /28 blocks), oldest first.
     */
    @JsonPropertyOrder({"subnetId", "metric", "points"})
    record Series(String subnetId, String metric, List<Point> points) {
    }

    @JsonPropertyOrder({"at", "free"})
    record Point(@JsonDeserialize(using = IsoInstant.class) Instant at, double free) {
    }
}
