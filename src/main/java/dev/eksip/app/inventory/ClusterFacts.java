package dev.eksip.app.inventory;

import static java.util.Objects.requireNonNull;

import dev.eksip.domain.AutoMode;
import dev.eksip.domain.IpFamily;

import java.util.List;

/**
 * An EKS cluster as {@code DescribeCluster}, {@code ListNodegroups}/{@code DescribeNodegroup} and
 * {@code DescribeAddon} show it.
 *
 * @param vpcId         its VPC ("" when EKS reports none: moto, a cluster being created)
 * @param subnetIds     the cluster's own subnets
 * @param managedGroups its managed node groups, by name
 * @param addon         the vpc-cni add-on's settings
 * @param autoMode      EKS Auto Mode ({@code computeConfig})
 */
public record ClusterFacts(String name, String vpcId, IpFamily ipFamily, List<String> subnetIds,
                           List<ManagedNodeGroupFacts> managedGroups, VpcCniAddon addon, AutoMode autoMode) {
    public ClusterFacts {
        requireNonNull(name, "name");
        requireNonNull(vpcId, "vpcId");
        requireNonNull(ipFamily, "ipFamily");
        subnetIds = List.copyOf(subnetIds);
        managedGroups = List.copyOf(managedGroups);
        requireNonNull(addon, "addon");
        requireNonNull(autoMode, "autoMode");
    }

    /** A cluster without EKS Auto Mode. */
    public ClusterFacts(String name, String vpcId, IpFamily ipFamily, List<String> subnetIds,
                        List<ManagedNodeGroupFacts> managedGroups, VpcCniAddon addon) {
        this(name, vpcId, ipFamily, subnetIds, managedGroups, addon, AutoMode.OFF);
    }
}
