package dev.eksip.aws;

import static java.util.Objects.requireNonNull;

import dev.eksip.app.port.ScalingHistory;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.DescribeScalingActivitiesResponse;
import software.amazon.awssdk.services.autoscaling.model.ScalingActivityStatusCode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads node-count changes with {@code DescribeScalingActivities}, one group at a time (the API takes one group
 * name), {@value #PAGE_SIZE} a page (its maximum), newest first, stopping at the first page that reaches back past
 * {@code from}. Only {@code Successful} activities count; {@code "Launching a new EC2 instance"} is +1,
 * {@code "Terminating EC2 instance"} −1 (the descriptions Auto Scaling writes), the subnet comes from the
 * activity's {@code Details} JSON ({@code "Subnet ID"}). Activities are kept six weeks. API reference:
 * https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_DescribeScalingActivities.html
 */
final class AutoScalingScalingHistory implements ScalingHistory {
    public static final String ACTION = "autoscaling:DescribeScalingActivities";
    static final int PAGE_SIZE = 100;
    private static final Pattern SUBNET = Pattern.compile("\"Subnet ID\"\\s*:\\s*\"(subnet-[0-9a-f]+)\"");
    private final AutoScalingClient autoScaling;

    AutoScalingScalingHistory(AutoScalingClient autoScaling) {
        this.autoScaling = requireNonNull(autoScaling, "autoScaling");
    }

    @Override
    public List<Activity> activities(List<String> groups, Instant from) {
        List<Activity> out = new ArrayList<>();
        for (String group : groups) {
            String token = null;
            boolean older = false;
            do {
                DescribeScalingActivitiesResponse page = call(group, token);
                for (software.amazon.awssdk.services.autoscaling.model.Activity a : page.activities()) {
                    Instant at = a.endTime() != null ? a.endTime() : a.startTime();
                    if (at == null) continue;
                    if (at.isBefore(from)) {
                        older = true;
                        continue;
                    }
                    if (a.statusCode() != ScalingActivityStatusCode.SUCCESSFUL) continue;
                    int delta = delta(a.description());
                    if (delta != 0) out.add(new Activity(group, at, delta, subnet(a.details())));
                }
                token = page.nextToken();
            } while (!older && token != null && !token.isEmpty());
        }
        out.sort(Comparator.comparing(Activity::at));
        return List.copyOf(out);
    }

    static int delta(String description) {
        if (description == null) return 0;
        if (description.startsWith("Launching a new EC2 instance")) return 1;
        if (description.startsWith("Terminating EC2 instance")) return -1;
        return 0;
    }

    static String subnet(String details) {
        if (details == null) return "";
        Matcher m = SUBNET.matcher(details);
        return m.find() ? m.group(1) : "";
    }

    private DescribeScalingActivitiesResponse call(String group, String token) {
        // the one SdkException translation (AwsCalls): the call and the AWS error code, else the client exception
        return AwsCalls.required(ACTION, () -> autoScaling.describeScalingActivities(r -> r.autoScalingGroupName(group).maxRecords(PAGE_SIZE)
                        .nextToken(token)));
    }
}
