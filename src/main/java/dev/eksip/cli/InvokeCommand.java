package dev.eksip.cli;

import dev.eksip.app.AwsCallException;
import dev.eksip.app.RunAudit;
import dev.eksip.lambda.LocalInvoke;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code invoke --event events/FILE.json}: runs the Lambda handler locally with that event, configured from the
 * environment like the function (ALERT_TOPIC_ARN, ALERT_STATE_TABLE, …; AWS_ENDPOINT_URL and
 * AWS_ENDPOINT_URL_&lt;SERVICE&gt; are honoured). The response goes to stdout, the function's log lines to stderr.
 */
final class InvokeCommand {
    private InvokeCommand() {
    }

    /**
     * @return {@link ExitCode#OK} once the handler returned (failed batch records are in its response)
     * @throws CliFailure.BadInput     bad arguments or an unreadable event file
     * @throws CliFailure.AwsFailure   the invocation failed in a way its own exceptions do not classify
     * @throws IllegalStateException   a bad configuration variable (from the function's configuration)
     * @throws AwsCallException        an AWS call failed (also {@link RunAudit.AuditFailedException})
     */
    static ExitCode run(List<String> args, CliEnvironment env, PrintStream out, PrintStream err) {
        if (args.size() != 2 || !args.get(0).equals("--event"))
            throw new CliFailure.BadInput("usage: invoke --event events/FILE.json");
        Path file = Path.of(args.get(1));
        byte[] event;
        try {
            event = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CliFailure.BadInput("--event: no such file '%s'".formatted(file), null, e);
        } catch (IOException e) {
            throw new CliFailure.BadInput("--event: cannot read %s: %s".formatted(file, e.getMessage()), null, e);
        }
        try {
            out.println(LocalInvoke.invoke(event, env.function(), err));
            return ExitCode.OK;
        } catch (IllegalStateException | IllegalArgumentException | AwsCallException
                 | RunAudit.AuditFailedException e) {
            throw e;   // classified by Main: bad configuration or event, or an AWS failure
        } catch (RuntimeException e) {
            throw new CliFailure.AwsFailure("invocation failed: " + e.getMessage(), e);
        }
    }
}
