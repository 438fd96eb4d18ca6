package dev.eksip.app;

/** Port: where alert messages go (SNS in production). */
public interface AlertSink {
    void send(Alert alert);
}
