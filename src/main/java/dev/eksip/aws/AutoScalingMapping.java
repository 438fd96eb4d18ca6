package dev.eksip.aws;

import dev.eksip.domain.NodeGroup;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplateOverrides;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplateSpecification;
import software.amazon.awssdk.services.autoscaling.model.TagDescription;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Auto Scaling model → domain records. Pure static functions. */
public final class AutoScalingMapping {
    private AutoScalingMapping() {
    }

    /** A self-managed node group: the Auto Scaling group itself, named after it. */
    public static NodeGroup selfManagedNodeGroup(AutoScalingGroup g, List<String> instanceTypes) {
        int min = g.minSize() == null ? 0 : g.minSize();
        int desired = g.desiredCapacity() == null ? min : g.desiredCapacity();
        int max = g.maxSize() == null ? desired : g.maxSize();
        return new NodeGroup(g.autoScalingGroupName(), false, false, instanceTypes, min, desired, max,
                subnets(g), g.autoScalingGroupName(), 0);
    }

    /** Subnets from {@code VPCZoneIdentifier} (a comma-separated list). */
    public static List<String> subnets(AutoScalingGroup g) {
        if (g.vpcZoneIdentifier() == null || g.vpcZoneIdentifier().isBlank()) return List.of();
        return Arrays.stream(g.vpcZoneIdentifier().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public static Map<String, String> tags(AutoScalingGroup g) {
        Map<String, String> m = new LinkedHashMap<>();
        for (TagDescription t : g.tags()) if (t.key() != null) m.put(t.key(), t.value() == null ? "" : t.value());
        return m;
    }

    /** Instance types named by a mixed-instances policy's overrides (empty when none). */
    public static List<String> overrideTypes(AutoScalingGroup g) {
        if (g.mixedInstancesPolicy() == null || g.mixedInstancesPolicy().launchTemplate() == null) return List.of();
        return g.mixedInstancesPolicy().launchTemplate().overrides().stream()
                .map(LaunchTemplateOverrides::instanceType).filter(t -> t != null && !t.isEmpty()).distinct().toList();
    }

    /** The launch template the group launches from: its own, or its mixed-instances policy's. */
    public static Optional<LaunchTemplateSpecification> launchTemplate(AutoScalingGroup g) {
        if (g.launchTemplate() != null) return Optional.of(g.launchTemplate());
        if (g.mixedInstancesPolicy() != null && g.mixedInstancesPolicy().launchTemplate() != null)
            return Optional.ofNullable(g.mixedInstancesPolicy().launchTemplate().launchTemplateSpecification());
        return Optional.empty();
    }
}
