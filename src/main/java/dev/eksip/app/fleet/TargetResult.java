package dev.eksip.app.fleet;

import static java.util.Objects.requireNonNull;

/** What auditing one target gave: its value, or why it failed (the other targets are unaffected). */
public sealed interface TargetResult<R> {
    AuditTarget target();

    /** @param value the target's audit (a forecast, a run's outcome …) */
    record Audited<R>(AuditTarget target, R value) implements TargetResult<R> {
        public Audited {
            requireNonNull(target, "target");
            requireNonNull(value, "value");
        }
    }

    /** @param reason one line: what failed (the call and AWS error code when it was AWS) */
    record Failed<R>(AuditTarget target, String reason) implements TargetResult<R> {
        public Failed {
            requireNonNull(target, "target");
            requireNonNull(reason, "reason");
        }
    }
}
