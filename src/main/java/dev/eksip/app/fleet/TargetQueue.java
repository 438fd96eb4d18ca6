package dev.eksip.app.fleet;

import java.util.List;

/** Port: the fan-out queue (SQS in production), one message per target, each retried and dead-lettered on its own. */
public interface TargetQueue {
    /** Sends one message per target. @throws RuntimeException when some could not be sent (naming them) */
    void send(List<AuditTarget> targets);
}
