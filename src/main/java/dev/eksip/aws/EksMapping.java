package dev.eksip.aws;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.eksip.app.inventory.ClusterFacts;
import dev.eksip.app.inventory.LaunchSpec;
import dev.eksip.app.inventory.ManagedNodeGroupFacts;
import dev.eksip.app.inventory.VpcCniAddon;
import dev.eksip.domain.AutoMode;
import dev.eksip.domain.IpFamily;
import dev.eksip.domain.NodeGroup;
import software.amazon.awssdk.services.eks.model.AMITypes;
import software.amazon.awssdk.services.eks.model.AutoScalingGroup;
import software.amazon.awssdk.services.eks.model.Cluster;
import software.amazon.awssdk.services.eks.model.Nodegroup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** EKS model → facts and domain records, and the vpc-cni add-on's configuration values. Pure static functions. */
final class EksMapping {
    private static final ObjectMapper YAML = new YAMLMapper();

    private EksMapping() {
    }

    /**
     * A cluster. moto (and clusters being created) may give no VPC id: "" then, and the subnets' VPC is used. The
     * IP family is {@code ipv4} unless EKS says otherwise.
     */
    static ClusterFacts cluster(Cluster cluster, List<ManagedNodeGroupFacts> managed, VpcCniAddon addon) {
        var vpcConfig = cluster.resourcesVpcConfig();
        String vpcId = vpcConfig == null || vpcConfig.vpcId() == null ? "" : vpcConfig.vpcId();
        List<String> subnetIds = vpcConfig == null ? List.of() : vpcConfig.subnetIds();
        var network = cluster.kubernetesNetworkConfig();
        IpFamily ipFamily = network == null || network.ipFamilyAsString() == null ? IpFamily.IPV4
                : IpFamily.fromId(network.ipFamilyAsString().toLowerCase(Locale.ROOT)).orElse(IpFamily.IPV4);
        return new ClusterFacts(cluster.name(), vpcId, ipFamily, subnetIds, managed, addon, autoMode(cluster));
    }

    /**
     * EKS Auto Mode: {@code computeConfig.enabled} and its built-in {@code nodePools} (DescribeCluster, EKS API
     * 2017-11-01 since Auto Mode's launch in December 2024); off when EKS (or moto) returns no computeConfig.
     */
    static AutoMode autoMode(Cluster cluster) {
        var compute = cluster.computeConfig();
        if (compute == null || !Boolean.TRUE.equals(compute.enabled())) return AutoMode.OFF;
        return new AutoMode(true, compute.nodePools() == null ? List.of() : compute.nodePools());
    }

    /** A managed node group with its own instance types, its Auto Scaling groups and its launch template. */
    static ManagedNodeGroupFacts managedNodeGroupFacts(Nodegroup g) {
        List<String> asgs = g.resources() == null ? List.of() : g.resources().autoScalingGroups().stream()
                .map(AutoScalingGroup::name).filter(Objects::nonNull).toList();
        var lt = g.launchTemplate();
        String template = lt == null ? null : lt.id() != null ? lt.id() : lt.name();
        LaunchSpec launch = template == null ? LaunchSpec.NONE
                : new LaunchSpec.Template(template, lt.version() == null ? "$Default" : lt.version());
        return new ManagedNodeGroupFacts(managedNodeGroup(g, g.instanceTypes()), asgs, launch);
    }

    /**
     * A managed node group. {@code instanceTypes} is the group's own list, or (when EKS reports none because the
     * launch template names the type) the types resolved from its launch template. EKS reports
     * {@code amiType=CUSTOM} whenever the launch template specifies an AMI: that is the custom-AMI signal.
     */
    static NodeGroup managedNodeGroup(Nodegroup g, List<String> instanceTypes) {
        var scaling = g.scalingConfig();
        int min = scaling == null || scaling.minSize() == null ? 0 : scaling.minSize();
        int desired = scaling == null || scaling.desiredSize() == null ? min : scaling.desiredSize();
        int max = scaling == null || scaling.maxSize() == null ? desired : scaling.maxSize();
        String asg = g.resources() == null || g.resources().autoScalingGroups().isEmpty()
                || g.resources().autoScalingGroups().get(0).name() == null
                ? "" : g.resources().autoScalingGroups().get(0).name();
        boolean customAmi = g.amiType() == AMITypes.CUSTOM;
        // updateConfig: how many nodes an update takes down at once, which sizes its surge (UpdateSurge)
        var update = g.updateConfig();
        int maxUnavailable = update == null || update.maxUnavailable() == null ? 0 : update.maxUnavailable();
        int maxUnavailablePercentage = update == null || update.maxUnavailablePercentage() == null ? 0
                : update.maxUnavailablePercentage();
        return new NodeGroup(g.nodegroupName(), true, customAmi, instanceTypes, min, desired, max,
                g.subnets(), asg, 0, maxUnavailable, maxUnavailablePercentage);
    }

    /**
     * The {@code env} map of a vpc-cni add-on's configuration values (JSON or YAML, e.g.
     * {@code {"env":{"WARM_IP_TARGET":"5"}}}); scalars are turned into their text. Empty when there are no
     * configuration values or no {@code env} key.
     *
     * @throws IllegalArgumentException when the text is neither JSON nor YAML, or {@code env} is not a map
     */
    static Map<String, String> addonEnv(String configurationValues) {
        if (configurationValues == null || configurationValues.isBlank()) return Map.of();
        JsonNode root;
        try {
            // YAML 1.2 is a superset of JSON: one parser reads both
            root = YAML.readTree(configurationValues);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("vpc-cni configuration values are neither JSON nor YAML: "
                    + e.getOriginalMessage(), e);
        }
        if (root == null || root.isNull() || root.isMissingNode()) return Map.of();
        if (!root.isObject()) throw new IllegalArgumentException("vpc-cni configuration values are not a map");
        JsonNode env = root.get("env");
        if (env == null || env.isNull()) return Map.of();
        if (!env.isObject()) throw new IllegalArgumentException("vpc-cni configuration values: env is not a map");
        Map<String, String> out = new LinkedHashMap<>();
        env.fields().forEachRemaining(e -> {
            if (e.getValue().isValueNode() && !e.getValue().isNull()) out.put(e.getKey(), e.getValue().asText());
        });
        return out;
    }
}
