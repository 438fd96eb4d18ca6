package dev.eksip.aws;

import dev.eksip.app.inventory.AutoScalingGroupFacts;
import dev.eksip.app.inventory.LaunchSpec;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplateOverrides;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplateSpecification;
import software.amazon.awssdk.services.autoscaling.model.TagDescription;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Auto Scaling model → facts. Pure static functions. */
final class AutoScalingMapping {
    private AutoScalingMapping() {
    }

    /** The group's sizes (desired defaults to min, max to desired), subnets, tags, override types and launch. */
    static AutoScalingGroupFacts facts(AutoScalingGroup g) {
        int min = g.minSize() == null ? 0 : g.minSize();
        int desired = g.desiredCapacity() == null ? min : g.desiredCapacity();
        int max = g.maxSize() == null ? desired : g.maxSize();
        return new AutoScalingGroupFacts(g.autoScalingGroupName(), tags(g), min, desired, max, subnets(g),
                overrideTypes(g), launch(g));
    }

    /** Subnets from {@code VPCZoneIdentifier} (a comma-separated list). */
    static List<String> subnets(AutoScalingGroup g) {
        if (g.vpcZoneIdentifier() == null || g.vpcZoneIdentifier().isBlank()) return List.of();
        return Arrays.stream(g.vpcZoneIdentifier().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    static Map<String, String> tags(AutoScalingGroup g) {
        Map<String, String> m = new LinkedHashMap<>();
        for (TagDescription t : g.tags()) if (t.key() != null) m.put(t.key(), t.value() == null ? "" : t.value());
        return m;
    }

    /** Instance types named by a mixed-instances policy's overrides (empty when none). */
    static List<String> overrideTypes(AutoScalingGroup g) {
        if (g.mixedInstancesPolicy() == null || g.mixedInstancesPolicy().launchTemplate() == null) return List.of();
        return g.mixedInstancesPolicy().launchTemplate().overrides().stream()
                .map(LaunchTemplateOverrides::instanceType).filter(t -> t != null && !t.isEmpty()).distinct().toList();
    }

    /**
     * What the group launches from: its own launch template or its mixed-instances policy's, else its launch
     * configuration. A template given by neither id nor name is {@link LaunchSpec#NONE}.
     */
    static LaunchSpec launch(AutoScalingGroup g) {
        Optional<LaunchTemplateSpecification> lt = launchTemplate(g);
        if (lt.isPresent()) {
            String template = lt.get().launchTemplateId() != null ? lt.get().launchTemplateId()
                    : lt.get().launchTemplateName();
            return template == null ? LaunchSpec.NONE
                    : new LaunchSpec.Template(template, lt.get().version() == null ? "$Default" : lt.get().version());
        }
        return g.launchConfigurationName() == null ? LaunchSpec.NONE
                : new LaunchSpec.Configuration(g.launchConfigurationName());
    }

    private static Optional<LaunchTemplateSpecification> launchTemplate(AutoScalingGroup g) {
        if (g.launchTemplate() != null) return Optional.of(g.launchTemplate());
        if (g.mixedInstancesPolicy() != null && g.mixedInstancesPolicy().launchTemplate() != null)
            return Optional.ofNullable(g.mixedInstancesPolicy().launchTemplate().launchTemplateSpecification());
        return Optional.empty();
    }
}
