package dev.eksip.app;

/**
 * An AWS call failed in a way the run cannot work around. Carries what the CLI (exit code 3) and the logs name:
 * the call ({@code ec2:DescribeSubnets}) and the AWS error code ({@code UnauthorizedOperation}).
 */
public class AwsCallException extends RuntimeException {
    private final String operation;
    private final String errorCode;

    public AwsCallException(String operation, String errorCode, String message, Throwable cause) {
        super("%s failed: %s (%s)".formatted(operation, errorCode, message), cause);
        this.operation = operation;
        this.errorCode = errorCode;
    }

    public String operation() {
        return operation;
    }

    public String errorCode() {
        return errorCode;
    }
}
