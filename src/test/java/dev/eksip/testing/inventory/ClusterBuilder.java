package dev.eksip.testing.inventory;

import dev.eksip.domain.Cluster;
import dev.eksip.domain.CniSettings;
import dev.eksip.domain.CniSource;
import dev.eksip.domain.IpFamily;
import dev.eksip.domain.NodeGroup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Cluster} in named steps: {@code cluster("c1").vpc(VPC).cni(pd).cniFrom(ADDON)
 * .podSubnet("us-east-1a", "subnet-pods").groups(...)}. Defaults: VPC {@value #DEFAULT_VPC}, ipamd's default
 * settings from {@link CniSource#DEFAULT}, no pod subnets, no node groups, the IP family that the settings say
 * ({@code ENABLE_IPv6}) unless {@link #ipFamily} names one.
 */
public final class ClusterBuilder {
    public static final String DEFAULT_VPC = "vpc-1";
    private final String name;
    private String vpc = DEFAULT_VPC;
    private IpFamily ipFamily;
    private CniSettings cni = CniSettings.DEFAULTS;
    private CniSource cniSource = CniSource.DEFAULT;
    private final Map<String, String> podSubnets = new LinkedHashMap<>();
    private final List<NodeGroup> groups = new ArrayList<>();
    private final List<String> subnetIds = new ArrayList<>();

    ClusterBuilder(String name) {
        this.name = name;
    }

    public ClusterBuilder vpc(String vpcId) {
        vpc = vpcId;
        return this;
    }

    public ClusterBuilder ipFamily(IpFamily family) {
        ipFamily = family;
        return this;
    }

    public ClusterBuilder cni(CniSettings settings) {
        cni = settings;
        return this;
    }

    public ClusterBuilder cni(CniBuilder settings) {
        return cni(settings.build());
    }

    /** Where the settings came from. */
    public ClusterBuilder cniFrom(CniSource source) {
        cniSource = source;
        return this;
    }

    /** Custom networking: the ENIConfig pod subnet of a zone. */
    public ClusterBuilder podSubnet(String zone, String subnetId) {
        podSubnets.put(zone, subnetId);
        return this;
    }

    public ClusterBuilder groups(NodeGroupBuilder... nodeGroups) {
        for (NodeGroupBuilder g : nodeGroups) groups.add(g.build());
        return this;
    }

    public ClusterBuilder groups(NodeGroup... nodeGroups) {
        groups.addAll(Arrays.asList(nodeGroups));
        return this;
    }

    /** The cluster's own subnets (DescribeCluster {@code resourcesVpcConfig.subnetIds}): control-plane ENIs. */
    public ClusterBuilder clusterSubnets(String... ids) {
        subnetIds.addAll(Arrays.asList(ids));
        return this;
    }

    public Cluster build() {
        IpFamily family = ipFamily != null ? ipFamily : cni.ipv6() ? IpFamily.IPV6 : IpFamily.IPV4;
        return new Cluster(name, vpc, family, cni, cniSource, podSubnets, groups, subnetIds);
    }
}
