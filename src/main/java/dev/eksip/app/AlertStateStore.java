package dev.eksip.app;

import java.util.Optional;

/** Port: the alert state per scope, durable across cold starts (DynamoDB in production). */
public interface AlertStateStore {
    Optional<AlertState> load(String scope);

    void save(AlertState state);
}
