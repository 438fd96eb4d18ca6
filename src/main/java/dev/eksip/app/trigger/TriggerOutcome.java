package dev.eksip.app.trigger;

import static java.util.Objects.requireNonNull;

import dev.eksip.app.RunAudit;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** What {@link TriggerAudits} did for one request. */
public sealed interface TriggerOutcome {
    /** Every audit the request asked for ran and succeeded (one account-wide, or one per cluster). */
    record Audited(List<RunAudit.Outcome> audits) implements TriggerOutcome {
        public Audited {
            audits = List.copyOf(audits);
        }
    }

    /** The event is about a cluster outside {@code CLUSTER_NAMES}: nothing to do, not a failure. */
    record Ignored(String cluster) implements TriggerOutcome {
        public Ignored {
            requireNonNull(cluster, "cluster");
        }
    }

    /** The event asks for nothing to be audited (e.g. a CloudTrail call that failed): not a failure. */
    record Skipped(String reason) implements TriggerOutcome {
        public Skipped {
            requireNonNull(reason, "reason");
        }
    }

    /** The event is not one the function handles. */
    record Invalid(String reason) implements TriggerOutcome {
        public Invalid {
            requireNonNull(reason, "reason");
        }
    }

    /**
     * An SQS batch after coalescing.
     *
     * @param records           how many records the batch held (dropped ones included)
     * @param invalidMessageIds records that ask for nothing this function does, in batch order, each once
     * @param ignoredMessageIds records about clusters outside {@code CLUSTER_NAMES}, and records that ask for nothing
     *                          (a CloudTrail call that failed)
     * @param accountWide       one account-wide audit covered the batch (a record named no cluster)
     * @param audits            the records by what they asked for: per cluster in order of first mention (after,
     *                          for an account-wide batch, the records naming no cluster), each with its result
     */
    record Batch(int records, List<String> invalidMessageIds, List<String> ignoredMessageIds, boolean accountWide,
                 List<CoalescedAudit> audits) implements TriggerOutcome {
        public Batch {
            invalidMessageIds = List.copyOf(invalidMessageIds);
            ignoredMessageIds = List.copyOf(ignoredMessageIds);
            audits = List.copyOf(audits);
        }

        /** What Lambda should redeliver: the invalid records, then those whose audit failed or never started. */
        public List<String> failedMessageIds() {
            return Stream.concat(invalidMessageIds.stream(),
                    audits.stream().filter(CoalescedAudit::failed).flatMap(a -> a.messageIds().stream())).toList();
        }
    }

    /** What became of the records of one cluster (or of those naming none). */
    enum Result {
        AUDITED,
        /** its audit, alert or read failed */
        FAILED,
        /** the deadline came first: not audited, redelivered */
        NOT_STARTED
    }

    /**
     * The records of one cluster in a batch, and what became of them.
     *
     * @param cluster the cluster; empty = the records naming no cluster (which asked for the account-wide audit)
     */
    record CoalescedAudit(Optional<String> cluster, List<String> messageIds, Result result) {
        public CoalescedAudit {
            requireNonNull(cluster, "cluster");
            messageIds = List.copyOf(messageIds);
            requireNonNull(result, "result");
        }

        /** Lambda redelivers these records. */
        public boolean failed() {
            return result != Result.AUDITED;
        }
    }
}
