package dev.eksip.app.runway;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A subnet's free-capacity series rebuilt from node-count changes, before the function has published any history:
 * {@code free(t) = free(now) + Σ demand of the changes after t}, walked back from the audit's figure (only changes
 * matter, not the absolute node count). The series holds one point at the start of every UTC day of the window and
 * one just after every change, so {@link DailyMinima} sees each day's worst level. Auto Scaling keeps scaling
 * activities for six weeks (DescribeScalingActivities, "Activities are retained for six weeks":
 * https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_DescribeScalingActivities.html), hence
 * {@link #WINDOW_DAYS}.
 */
public final class ScalingDemand {
    /** How far back scaling activities go. */
    public static final int WINDOW_DAYS = 42;

    private ScalingDemand() {
    }

    /** The series over {@code [from, asOf]}; changes outside it are ignored. */
    public static List<Sample> series(String subnet, List<NodeChange> changes, double currentFree,
                                      Instant from, Instant asOf) {
        List<NodeChange> relevant = changes.stream()
                .filter(c -> !c.at().isBefore(from) && !c.at().isAfter(asOf) && c.demandIn(subnet) != 0)
                .sorted(Comparator.comparing(NodeChange::at)).toList();
        List<Instant> points = new ArrayList<>();
        long day = Math.floorDiv(from.getEpochSecond(), DailyMinima.SECONDS_PER_DAY) * DailyMinima.SECONDS_PER_DAY;
        for (Instant t = Instant.ofEpochSecond(day); !t.isAfter(asOf); t = t.plusSeconds(DailyMinima.SECONDS_PER_DAY))
            if (!t.isBefore(from)) points.add(t);
        relevant.forEach(c -> points.add(c.at()));
        points.add(asOf);
        List<Sample> out = new ArrayList<>();
        for (Instant t : points.stream().distinct().sorted().toList()) {
            // free at t = now's free + the demand every later change added (the state just after t's own change)
            double later = 0;
            for (NodeChange c : relevant) if (c.at().isAfter(t)) later += c.demandIn(subnet);
            out.add(new Sample(t, currentFree + later));
        }
        return List.copyOf(out);
    }
}
