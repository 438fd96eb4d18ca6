package dev.eksip.app.alert;

import static java.util.Objects.requireNonNull;

import dev.eksip.domain.Severity;

/**
 * One alert message for one cluster scope, decided by {@link AlertPolicy} and rendered by {@link AlertRendering}.
 *
 * @param cluster  the cluster scope
 * @param kind     why it is sent
 * @param severity the current severity (OK for a recovery)
 * @param subject  plain ASCII, fewer than 100 characters
 * @param text     the human-readable body (email, default)
 * @param json     the machine-readable body (SQS and Lambda subscribers)
 */
public record Alert(String cluster, Kind kind, Severity severity, String account, String region, String subject,
                    String text, String json) {
    public Alert {
        requireNonNull(cluster, "cluster");
        requireNonNull(kind, "kind");
        requireNonNull(severity, "severity");
        requireNonNull(account, "account");
        requireNonNull(region, "region");
        requireNonNull(subject, "subject");
        requireNonNull(text, "text");
        requireNonNull(json, "json");
        if (subject.length() >= 100) throw new IllegalArgumentException("subject must be < 100 characters");
    }

    /** Why a message is sent. */
    public enum Kind {
        /** new findings, or findings more severe than last sent: sent at once */
        WORSENED,
        /** unchanged (or milder) findings, repeated after the configured interval */
        REMINDER,
        /** every finding of a scope that was at risk is gone */
        RECOVERED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
