package dev.eksip.app.fleet;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Port: when each target's last audit completed (DynamoDB, beside the alert state, in production). */
public interface AuditLedger {
    /** The recorded times of those {@code targets} that have one. */
    Map<AuditTarget, Instant> lastAudited(List<AuditTarget> targets);

    void audited(AuditTarget target, Instant at);
}
