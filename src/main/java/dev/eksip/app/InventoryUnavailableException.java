package dev.eksip.app;

import static java.util.Objects.requireNonNull;

/**
 * The inventory source could not read what every forecast needs (e.g. {@code ec2:DescribeInstances} denied, no
 * credentials, endpoint unreachable). The CLI maps it to exit 3; the message names the call and the error code.
 *
 * @see dev.eksip.domain.InventoryGap for partial failures, which are reported instead of thrown
 */
public final class InventoryUnavailableException extends RuntimeException {
    private final String operation;
    private final String errorCode;

    public InventoryUnavailableException(String operation, String errorCode, String message, Throwable cause) {
        super(message, cause);
        this.operation = requireNonNull(operation, "operation");
        this.errorCode = requireNonNull(errorCode, "errorCode");
    }

    /** The call that failed, IAM style, e.g. {@code ec2:DescribeInstances}. */
    public String operation() {
        return operation;
    }

    /** The AWS error code ("" when the call did not get an AWS answer, e.g. no credentials). */
    public String errorCode() {
        return errorCode;
    }
}
