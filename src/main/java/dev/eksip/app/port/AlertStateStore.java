package dev.eksip.app.port;

import dev.eksip.app.alert.AlertState;
import dev.eksip.domain.Scope;

import java.util.Optional;

/**
 * Port: the alert state per scope, durable across cold starts (DynamoDB in production). How a state is encoded
 * (the scope's key, the findings' fingerprint) is the adapter's business; callers compare typed values.
 */
public interface AlertStateStore {
    Optional<AlertState> load(Scope scope);

    void save(AlertState state);
}
