package dev.eksip.domain;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * An EKS cluster with what the forecast needs of it.
 *
 * @param cni            effective VPC CNI settings
 * @param cniSource      where they came from: {@code addon} (vpc-cni add-on configuration values),
 *                       {@code configured} (per-cluster defaults of this tool) or {@code default} (ipamd's)
 * @param ipFamily       the cluster's IP family; it decides {@link CniSettings#ipv6()} (ENABLE_IPv6 follows it)
 * @param podSubnets     custom networking: the ENIConfig pod subnet per availability zone (may be empty)
 * @param nodeGroups     managed and self-managed node groups, then Karpenter / Auto Mode node pools
 * @param autoMode       EKS Auto Mode ({@link AutoMode#OFF} when not enabled or not known)
 * @param cniObserved    each disagreement between the declared settings and what the nodes show, as a sentence
 *                       (empty unless {@code cniSource} is {@code observed}); also an aws-node variable read but
 *                       not modelled ({@code ENABLE_MULTI_NIC}), whatever the source
 * @param subnetIds      the cluster's own subnets ({@code DescribeCluster} {@code resourcesVpcConfig.subnetIds}):
 *                       where EKS places its control-plane ENIs, at creation and at every version upgrade
 *                       (vpc-cni-model.md, "Beyond the original: addresses a subnet must keep free"); empty when
 *                       not known (a snapshot)
 */
public record Cluster(String name, String vpcId, IpFamily ipFamily, CniSettings cni, CniSource cniSource,
                      Map<String, String> podSubnets, List<NodeGroup> nodeGroups, AutoMode autoMode,
                      List<String> cniObserved, List<String> subnetIds) {
    /** A cluster without EKS Auto Mode whose nodes were not compared with its settings and own subnets unknown. */
    public Cluster(String name, String vpcId, IpFamily ipFamily, CniSettings cni, CniSource cniSource,
                   Map<String, String> podSubnets, List<NodeGroup> nodeGroups) {
        this(name, vpcId, ipFamily, cni, cniSource, podSubnets, nodeGroups, AutoMode.OFF, List.of(), List.of());
    }

    /** A cluster whose nodes were not compared with its settings (yet), own subnets unknown. */
    public Cluster(String name, String vpcId, IpFamily ipFamily, CniSettings cni, CniSource cniSource,
                   Map<String, String> podSubnets, List<NodeGroup> nodeGroups, AutoMode autoMode) {
        this(name, vpcId, ipFamily, cni, cniSource, podSubnets, nodeGroups, autoMode, List.of(), List.of());
    }

    /** A cluster without EKS Auto Mode, with its own (control-plane) subnets. */
    public Cluster(String name, String vpcId, IpFamily ipFamily, CniSettings cni, CniSource cniSource,
                   Map<String, String> podSubnets, List<NodeGroup> nodeGroups, List<String> subnetIds) {
        this(name, vpcId, ipFamily, cni, cniSource, podSubnets, nodeGroups, AutoMode.OFF, List.of(), subnetIds);
    }

    public Cluster {
        requireNonNull(name, "name");
        requireNonNull(vpcId, "vpcId");
        requireNonNull(ipFamily, "ipFamily");
        requireNonNull(cni, "cni");
        if (cni.ipv6() != (ipFamily == IpFamily.IPV6)) cni = cni.withIpv6(ipFamily == IpFamily.IPV6);
        requireNonNull(cniSource, "cniSource");
        podSubnets = Map.copyOf(podSubnets);
        nodeGroups = List.copyOf(nodeGroups);
        requireNonNull(autoMode, "autoMode");
        cniObserved = List.copyOf(cniObserved);
        subnetIds = List.copyOf(subnetIds);
    }
}
