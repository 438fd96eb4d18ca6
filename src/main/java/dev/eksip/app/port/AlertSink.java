package dev.eksip.app.port;

import dev.eksip.app.alert.Alert;

/**
 * Port: where alert messages go (SNS in production).
 * <p>
 * {@link #send} throws {@link NotSentException} when the sink knows nothing was delivered (the service refused the
 * request, or the message cannot be carried); the caller may then undo its claim so a later run sends the message.
 * Any other exception leaves the delivery unknown (a timeout, a crash after the message went out): the caller must
 * then assume it was delivered, so that a change is never announced twice.
 */
public interface AlertSink {
    void send(Alert alert);

    /** Whether the sink can carry {@code alert} in one message (a size limit); unlimited by default. */
    default boolean fits(Alert alert) {
        return true;
    }

    /** Nothing was delivered: sending again cannot duplicate a message. */
    final class NotSentException extends RuntimeException {
        public NotSentException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
