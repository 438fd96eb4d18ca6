package dev.eksip.app.port;

import dev.eksip.app.alert.Alert;

/** Port: where alert messages go (SNS in production). */
public interface AlertSink {
    void send(Alert alert);
}
