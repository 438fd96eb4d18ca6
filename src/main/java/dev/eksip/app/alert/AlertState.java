package dev.eksip.app.alert;

import static java.util.Objects.requireNonNull;

import dev.eksip.domain.Scope;
import dev.eksip.domain.Severity;

import java.time.Instant;

/**
 * What was last alerted for one scope (a cluster), kept across cold starts by an
 * {@link dev.eksip.app.port.AlertStateStore}.
 *
 * @param scope      what the state is about ({@link Scope.OfCluster} today)
 * @param severity   the severity last recorded (OK after a recovery)
 * @param subnets    the findings last recorded ({@link SubnetSeverities#NONE} after a recovery)
 * @param lastSentAt when a message was last sent for this scope
 * @param updatedAt  when this state was written
 */
public record AlertState(Scope scope, Severity severity, SubnetSeverities subnets, Instant lastSentAt,
                         Instant updatedAt) {
    public AlertState {
        requireNonNull(scope, "scope");
        requireNonNull(severity, "severity");
        requireNonNull(subnets, "subnets");
        requireNonNull(lastSentAt, "lastSentAt");
        requireNonNull(updatedAt, "updatedAt");
    }
}
