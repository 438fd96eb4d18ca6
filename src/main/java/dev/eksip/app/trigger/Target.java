package dev.eksip.app.trigger;

import static java.util.Objects.requireNonNull;

/** What one event asks to audit, as routed from its envelope (by {@code lambda/EventRouting}). */
public sealed interface Target {
    /** The event names its EKS cluster. */
    record Cluster(String name) implements Target {
        public Cluster {
            requireNonNull(name, "name");
        }
    }

    /** The event names an Auto Scaling group; its cluster comes from a {@link dev.eksip.app.port.ClusterLookup}. */
    record AutoScalingGroup(String name) implements Target {
        public AutoScalingGroup {
            requireNonNull(name, "name");
        }
    }

    /** The event concerns every cluster (the schedule), or names none. */
    record AllClusters(String why) implements Target {
        public AllClusters {
            requireNonNull(why, "why");
        }
    }

    /** An event this function handles that asks for nothing, e.g. a CloudTrail call that failed (it changed nothing). */
    record Ignored(String reason) implements Target {
        public Ignored {
            requireNonNull(reason, "reason");
        }
    }

    /** Not an event this function handles. */
    record Invalid(String reason) implements Target {
        public Invalid {
            requireNonNull(reason, "reason");
        }
    }
}
