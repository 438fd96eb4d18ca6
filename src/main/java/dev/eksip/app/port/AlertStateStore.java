package dev.eksip.app.port;

import dev.eksip.app.alert.AlertState;
import dev.eksip.domain.Scope;

import java.util.Optional;

/**
 * Port: the alert state per scope, durable across cold starts (DynamoDB in production). How a state is encoded
 * (the scope's key, the findings' fingerprint) is the adapter's business; callers compare typed values.
 * <p>
 * {@link #claim} and {@link #release} are compare-and-set writes: atomic against every other writer of the same
 * store (other invocations included), so that of several runs that loaded the same state exactly one can claim
 * the change it found.
 */
public interface AlertStateStore {
    /** The state recorded for {@code scope}; empty when there is none or it cannot be read (it is then logged). */
    Optional<AlertState> load(Scope scope);

    /**
     * Records {@code next} if the stored state is still {@code previous} (empty: none, or an unreadable one, which
     * is thereby replaced).
     *
     * @return false when another writer changed the state since {@code previous} was loaded (nothing is written)
     */
    boolean claim(Optional<AlertState> previous, AlertState next);

    /**
     * Undoes a {@link #claim} whose message was not sent: restores {@code previous} (removes the state when empty)
     * if the stored state is still {@code claimed}.
     *
     * @return false when another writer changed the state since (nothing is written)
     */
    boolean release(AlertState claimed, Optional<AlertState> previous);

    /** Writes {@code state} unconditionally (tools and tests; the audit claims). */
    void save(AlertState state);
}
