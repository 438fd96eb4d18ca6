package dev.eksip.plan;

import dev.eksip.domain.CniSettings;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.OptionalInt;

/**
 * A {@code plan} scenario (product.md "Scenario file"): one subnet, one CNI configuration, and rows of identical
 * nodes.
 *
 * @param prefixLength   the subnet's prefix length N of /N, within AWS's /16../28
 * @param cni            the aws-node settings (omitted keys take ipamd's defaults)
 * @param hostNetworkIps the spreadsheet's "Host Networking IPs" input, added once per instance (subnet-calc only)
 * @param instances      the node rows
 */
public record Scenario(int prefixLength, CniSettings cni, int hostNetworkIps, List<InstanceRow> instances) {
    /** AWS's smallest and largest subnet (VPC user guide: /16 to /28). */
    public static final int MIN_PREFIX_LENGTH = 16;
    public static final int MAX_PREFIX_LENGTH = 28;
    /** The spreadsheet's shipped "Host Networking IPs" value (WarmENI!B14). */
    public static final int DEFAULT_HOST_NETWORK_IPS = 2;

    public Scenario {
        requireNonNull(cni, "cni");
        if (prefixLength < MIN_PREFIX_LENGTH || prefixLength > MAX_PREFIX_LENGTH)
            throw new IllegalArgumentException("prefix length /" + prefixLength + " outside /16../28");
        if (hostNetworkIps < 0) throw new IllegalArgumentException("hostNetworkIps must be >= 0");
        instances = List.copyOf(instances);
    }

    /**
     * One row of identical nodes.
     *
     * @param instanceType      EC2 instance type
     * @param count             number of nodes
     * @param podsPerNode       IP-consuming pods per node (not hostNetwork, not security-group pods)
     * @param maxPods           kubelet max pods; empty = the max-pods calculator with the managed-node-group cap
     * @param branchPodsPerNode security-group pods per node (branch ENIs; vpc-cni with ENABLE_POD_ENI only)
     */
    public record InstanceRow(String instanceType, int count, int podsPerNode, OptionalInt maxPods,
                              int branchPodsPerNode) {
        public InstanceRow {
            requireNonNull(instanceType, "instanceType");
            requireNonNull(maxPods, "maxPods");
            if (count < 0 || podsPerNode < 0 || branchPodsPerNode < 0)
                throw new IllegalArgumentException("negative count or pods for " + instanceType);
            if (maxPods.isPresent() && maxPods.getAsInt() < 1)
                throw new IllegalArgumentException("maxPods must be >= 1 for " + instanceType);
        }

        public static InstanceRow of(String instanceType, int count, int podsPerNode) {
            return new InstanceRow(instanceType, count, podsPerNode, OptionalInt.empty(), 0);
        }
    }

    /**
     * The spreadsheet's own shipped example (subnet-calc-model.md §2): /23, WARM_ENI_TARGET=1, 2 host networking
     * IPs, 2 × m5.12xlarge at 100 pods and 1 × c5.2xlarge at 30 pods.
     */
    public static Scenario spreadsheetExample() {
        return new Scenario(23, CniSettings.DEFAULTS, DEFAULT_HOST_NETWORK_IPS,
                List.of(InstanceRow.of("m5.12xlarge", 2, 100), InstanceRow.of("c5.2xlarge", 1, 30)));
    }

    public Scenario withCni(CniSettings settings) {
        return new Scenario(prefixLength, settings, hostNetworkIps, instances);
    }

    public Scenario withHostNetworkIps(int ips) {
        return new Scenario(prefixLength, cni, ips, instances);
    }

    public Scenario withInstances(List<InstanceRow> rows) {
        return new Scenario(prefixLength, cni, hostNetworkIps, rows);
    }
}
