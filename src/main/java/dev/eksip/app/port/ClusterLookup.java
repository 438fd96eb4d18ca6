package dev.eksip.app.port;

import java.util.Optional;

/** Port: which EKS cluster an Auto Scaling group belongs to (from the group's tags in production). */
public interface ClusterLookup {
    /** Empty when the group does not exist or carries no cluster tag. */
    Optional<String> clusterOfAutoScalingGroup(String autoScalingGroupName);
}
