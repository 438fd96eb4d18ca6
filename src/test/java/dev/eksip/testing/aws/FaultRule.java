package dev.eksip.testing.aws;

import static java.util.Objects.requireNonNull;

/**
 * One fault {@link FaultProxy} injects: on every request for {@code service:operation} (IAM spelling, e.g.
 * {@code ec2:DescribeSubnets}) whose URI or body contains {@code resource} (null: every request of the operation).
 */
public record FaultRule(String action, Fault fault, String resource) {
    /** What the proxy does instead of (or to) moto's answer. */
    public enum Fault {
        /** HTTP 500 in the protocol's own error shape (EC2 {@code InternalError}, Auto Scaling {@code InternalFailure}, EKS {@code ServerException}). */
        SERVER_ERROR("5xx"),
        /** Throttling: EC2 {@code RequestLimitExceeded} (503), Auto Scaling {@code Throttling} (400), EKS {@code ThrottlingException} (429). */
        THROTTLING("throttling"),
        /** HTTP 403: EC2 {@code UnauthorizedOperation}, Auto Scaling {@code AccessDenied}, EKS {@code AccessDeniedException}. */
        ACCESS_DENIED("access denied"),
        /** No answer: the request is read and the connection held open longer than any attempt timeout. */
        TIMEOUT("timeout"),
        /** The request is read, then the connection is reset (RST) without a response. */
        CONNECTION_RESET("connection reset"),
        /**
         * The first matching request passes, its answer carrying an invented next-page token (so a paginated read
         * asks for page 2); every later matching request (page 2, or the operation's next call) gets HTTP 500.
         */
        PAGE_2("page 2 failing");

        private final String label;

        Fault(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public FaultRule {
        requireNonNull(action, "action");
        requireNonNull(fault, "fault");
        if (!action.contains(":")) throw new IllegalArgumentException("action is service:Operation: " + action);
    }

    public static FaultRule on(String action, Fault fault) {
        return new FaultRule(action, fault, null);
    }

    /** Only the requests signed with keys of {@code accountId} (learnt from the AssumeRole answers it proxied). */
    public static FaultRule inAccount(String action, Fault fault, String accountId) {
        return new FaultRule(action, fault, "account=" + accountId);
    }

    /** Only the requests signed for {@code region} (the SigV4 credential scope's region). */
    public static FaultRule inRegion(String action, Fault fault, String region) {
        return new FaultRule(action, fault, "region=" + region);
    }

    public String service() {
        return action.substring(0, action.indexOf(':'));
    }

    public String operation() {
        return action.substring(action.indexOf(':') + 1);
    }
}
