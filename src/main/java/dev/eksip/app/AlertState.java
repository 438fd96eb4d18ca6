package dev.eksip.app;

import static java.util.Objects.requireNonNull;

import dev.eksip.domain.Severity;

import java.time.Instant;

/**
 * What was last alerted for one scope (a cluster), kept across cold starts by an {@link AlertStateStore}.
 *
 * @param scope       {@code cluster/NAME}
 * @param severity    the severity last recorded (OK after a recovery)
 * @param fingerprint the findings last recorded: sorted {@code subnetId=severity} pairs, comma-separated
 * @param lastSentAt  when a message was last sent for this scope
 * @param updatedAt   when this state was written
 */
public record AlertState(String scope, Severity severity, String fingerprint, Instant lastSentAt, Instant updatedAt) {
    public AlertState {
        requireNonNull(scope, "scope");
        requireNonNull(severity, "severity");
        requireNonNull(fingerprint, "fingerprint");
        requireNonNull(lastSentAt, "lastSentAt");
        requireNonNull(updatedAt, "updatedAt");
    }
}
