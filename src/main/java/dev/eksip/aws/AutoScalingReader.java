package dev.eksip.aws;

import static java.util.Objects.requireNonNull;

import dev.eksip.app.inventory.AutoScalingGroupFacts;
import dev.eksip.app.inventory.LaunchData;
import dev.eksip.domain.Scope;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.LaunchConfiguration;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * Auto Scaling: the groups carrying the audited clusters' tag keys (one paginated
 * {@code DescribeAutoScalingGroups} per 200 keys) and the instance types of launch configurations
 * ({@code DescribeLaunchConfigurations} in batches of 50 names). Failures are gaps; what was read before one is kept.
 */
final class AutoScalingReader {
    static final int MAX_LAUNCH_CONFIGURATION_NAMES = 50;

    private final AutoScalingClient autoScaling;
    private final AwsCalls calls;
    private final Scope region;

    AutoScalingReader(AutoScalingClient autoScaling, AwsCalls calls, String region) {
        this.autoScaling = requireNonNull(autoScaling, "autoScaling");
        this.calls = requireNonNull(calls, "calls");
        this.region = Scope.region(region);
    }

    /** The groups tagged with any of {@code tagKeys}, by name. */
    List<AutoScalingGroupFacts> groups(List<String> tagKeys) {
        Map<String, AutoScalingGroupFacts> byName = new TreeMap<>();
        calls.gapOr(region, "autoscaling:DescribeAutoScalingGroups",
                "self-managed node groups could not be read; their nodes count as unattributed", () -> {
                    for (List<String> batch : FilterBatches.of(tagKeys))
                        autoScaling.describeAutoScalingGroupsPaginator(r -> r.maxRecords(100)
                                        .filters(f -> f.name("tag-key").values(batch)))
                                .autoScalingGroups().forEach(g -> byName.computeIfAbsent(g.autoScalingGroupName(),
                                        k -> AutoScalingMapping.facts(g)));
                    return byName;
                });
        return List.copyOf(byName.values());
    }

    /** Instance type per launch configuration name, for those that could be read. */
    Map<String, LaunchData> launchConfigurations(SortedSet<String> names) {
        Map<String, LaunchData> out = new HashMap<>();
        calls.gapOr(region, "autoscaling:DescribeLaunchConfigurations",
                "launch configurations could not be read; node group instance types taken from running nodes", () -> {
                    for (List<String> batch : FilterBatches.of(names, MAX_LAUNCH_CONFIGURATION_NAMES))
                        for (LaunchConfiguration lc : autoScaling.describeLaunchConfigurationsPaginator(
                                r -> r.launchConfigurationNames(batch).maxRecords(100)).launchConfigurations())
                            out.put(lc.launchConfigurationName(), new LaunchData(
                                    lc.instanceType() == null ? "" : lc.instanceType(),
                                    lc.userData() == null ? "" : lc.userData()));
                    return out;
                });
        return out;
    }
}
