package dev.eksip.app.trigger;

/** One or more per-cluster audits failed: names every failed cluster, caused by the first failure. */
public final class ClusterAuditsFailedException extends RuntimeException {
    ClusterAuditsFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
