package dev.eksip.cli;

import java.util.Optional;

/**
 * A failure a command reports in its own words, for the cases the shared exceptions of {@code app}, {@code domain}
 * and {@code config} do not cover (a usage line to repeat, an I/O error to classify). {@link Main} turns it into
 * {@code error: MESSAGE} on stderr and the exit code of its kind.
 */
abstract sealed class CliFailure extends RuntimeException permits CliFailure.BadInput, CliFailure.AwsFailure {
    CliFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /** The exit code of this kind of failure. */
    abstract ExitCode exitCode();

    /** The user's input is wrong: exit {@link ExitCode#BAD_INPUT}, optionally followed by the command's usage line. */
    static final class BadInput extends CliFailure {
        private final String usage;

        BadInput(String message) {
            this(message, null, null);
        }

        BadInput(String message, String usage) {
            this(message, usage, null);
        }

        BadInput(String message, String usage, Throwable cause) {
            super(message, cause);
            this.usage = usage;
        }

        /** The usage line to print after the message, if the command shows one for this error. */
        Optional<String> usage() {
            return Optional.ofNullable(usage);
        }

        @Override
        ExitCode exitCode() {
            return ExitCode.BAD_INPUT;
        }
    }

    /** A call to AWS failed, or something the account ran did: exit {@link ExitCode#AWS_ERROR}. */
    static final class AwsFailure extends CliFailure {
        AwsFailure(String message, Throwable cause) {
            super(message, cause);
        }

        @Override
        ExitCode exitCode() {
            return ExitCode.AWS_ERROR;
        }
    }
}
