package dev.eksip.app.port;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * Port: node-count changes of Auto Scaling groups (Auto Scaling {@code DescribeScalingActivities} in production,
 * kept six weeks), the runway's history before the function has published its own series. Failures surface as
 * {@code AwsCallException}.
 */
public interface ScalingHistory {
    /**
     * One successful launch ({@code +1}) or termination ({@code -1}).
     *
     * @param subnetId the subnet the activity names in its details, {@code ""} when it names none
     */
    record Activity(String autoScalingGroup, Instant at, int delta, String subnetId) {
        public Activity {
            requireNonNull(autoScalingGroup, "autoScalingGroup");
            requireNonNull(at, "at");
            requireNonNull(subnetId, "subnetId");
            if (delta != 1 && delta != -1) throw new IllegalArgumentException("delta must be ±1, got " + delta);
        }
    }

    /** The groups' activities since {@code from}, oldest first. */
    List<Activity> activities(List<String> autoScalingGroups, Instant from);
}
