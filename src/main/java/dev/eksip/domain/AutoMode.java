package dev.eksip.domain;

import java.util.List;

/**
 * EKS Auto Mode as {@code DescribeCluster} shows it: {@code computeConfig.enabled} and the built-in node pools it
 * runs ({@code computeConfig.nodePools}: {@code general-purpose}, {@code system}).
 */
public record AutoMode(boolean enabled, List<String> nodePools) {
    public static final AutoMode OFF = new AutoMode(false, List.of());

    public AutoMode {
        nodePools = List.copyOf(nodePools);
    }
}
