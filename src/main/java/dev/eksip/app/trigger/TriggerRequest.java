package dev.eksip.app.trigger;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/** What one invocation asks for, whatever its envelope: an event, named clusters, or a batch of events. */
public sealed interface TriggerRequest {
    /** One event delivered directly (the schedule, or an EKS / Auto Scaling event). */
    record Event(Target target) implements TriggerRequest {
        public Event {
            requireNonNull(target, "target");
        }
    }

    /** A direct invoke naming clusters; none = every cluster. {@code CLUSTER_NAMES} does not narrow it. */
    record Clusters(List<String> names) implements TriggerRequest {
        public Clusters {
            names = List.copyOf(names);
        }
    }

    /** An SQS batch of events, each record routed on its own. */
    record Batch(List<BatchRecord> records) implements TriggerRequest {
        public Batch {
            records = List.copyOf(records);
        }
    }

    /**
     * One record of a batch.
     *
     * @param index     its position in the batch
     * @param messageId empty when the record carries none (it then cannot be reported as a failure and is dropped)
     * @param target    what its event asks for
     */
    record BatchRecord(int index, Optional<String> messageId, Target target) {
        public BatchRecord {
            requireNonNull(messageId, "messageId");
            requireNonNull(target, "target");
        }
    }
}
