package dev.eksip.cli;

import dev.eksip.app.AwsCallException;
import dev.eksip.app.RunAudit;
import dev.eksip.lambda.LocalInvoke;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code invoke --event=events/FILE.json}: runs the Lambda handler locally with that event, configured from the
 * environment like the function (ALERT_TOPIC_ARN, ALERT_STATE_TABLE, …; {@code --profile}/{@code --region} stand
 * for AWS_PROFILE/AWS_REGION; AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_&lt;SERVICE&gt; are honoured). The response
 * goes to stdout, the function's log lines to stderr.
 */
@Command(name = "invoke", description = "Runs the Lambda handler once, locally, with an event file: the response on "
        + "stdout, the log lines on stderr. Configured from the environment like the function.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
                "0:the handler returned (failed batch records are in the response)",
                "2:a missing or invalid variable, or a malformed event", "3:an AWS call or an audit failed",
                "4:internal error"})
final class InvokeCommand implements Callable<Integer> {
    @Option(names = {"-e", "--event"}, paramLabel = "FILE", required = true,
            description = "The event, e.g. events/scheduled-event.json (events/ holds one of every trigger).")
    Path event;

    @Mixin
    AwsOptions aws;

    private final Io io;

    InvokeCommand(Io io) {
        this.io = io;
    }

    /**
     * @return {@link ExitCode#OK} once the handler returned (failed batch records are in its response)
     * @throws CliFailure.BadInput     an unreadable event file
     * @throws CliFailure.AwsFailure   the invocation failed in a way its own exceptions do not classify, or no
     *                                 credentials
     * @throws IllegalStateException   a bad configuration variable (from the function's configuration)
     * @throws AwsCallException        an AWS call failed (also {@link RunAudit.AuditFailedException})
     */
    @Override
    public Integer call() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(event);
        } catch (NoSuchFileException e) {
            throw new CliFailure.BadInput("--event: no such file '%s'".formatted(event), null, e);
        } catch (IOException e) {
            throw new CliFailure.BadInput("--event: cannot read %s: %s".formatted(event, e.getMessage()), null, e);
        }
        Map<String, String> env = aws.applyTo(io.env().function());
        try {
            io.out().println(LocalInvoke.invoke(bytes, env, io.err()));
            return ExitCode.OK.code();
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw e;   // classified by Main: bad configuration or event
        } catch (AwsCallException | RunAudit.AuditFailedException e) {
            throw AwsOptions.explain(e, env);   // an AWS failure, in one line when it is the credentials
        } catch (RuntimeException e) {
            RuntimeException explained = AwsOptions.explain(e, env);
            if (explained != e) throw explained;
            throw new CliFailure.AwsFailure("invocation failed: " + e.getMessage(), e);
        }
    }
}
