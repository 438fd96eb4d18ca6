package dev.eksip.cli;

/**
 * The CLI's exit codes, one per outcome. Commands return {@link #OK} or {@link #FINDINGS}; the failure codes
 * come only from {@link Main}'s mapping of the exception a command threw.
 */
enum ExitCode {
    /** The command did what it was asked. */
    OK(0),
    /** {@code audit --fail-on}: a finding at or above the given severity. Never used for a failure. */
    FINDINGS(1),
    /** Bad arguments, a bad input file, or a bad environment variable; the message names the culprit. */
    BAD_INPUT(2),
    /** An AWS call (or the invoked function's audit) failed; the message names the call and the AWS error code. */
    AWS_ERROR(3),
    /** A bug: an exception no command expected. {@code --debug} prints its stack trace. */
    INTERNAL(4);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    /** The process exit status. */
    int code() {
        return code;
    }
}
