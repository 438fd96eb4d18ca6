package dev.eksip.cli;

import dev.eksip.app.AwsCallException;
import dev.eksip.app.RunAudit;
import dev.eksip.lambda.LocalInvoke;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code invoke --event events/FILE.json}: runs the Lambda handler locally with that event, configured from the
 * environment like the function (ALERT_TOPIC_ARN, ALERT_STATE_TABLE, …; AWS_ENDPOINT_URL and
 * AWS_ENDPOINT_URL_&lt;SERVICE&gt; are honoured). The response goes to stdout, the function's log lines to stderr.
 */
final class InvokeCommand {
    private InvokeCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        return run(args, System.getenv(), out, err);
    }

    static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (args.size() != 2 || !args.get(0).equals("--event")) {
            err.println("error: usage: invoke --event events/FILE.json");
            return Main.BAD_INPUT;
        }
        Path file = Path.of(args.get(1));
        byte[] event;
        try {
            event = Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            err.println("error: --event: no such file '%s'".formatted(file));
            return Main.BAD_INPUT;
        } catch (IOException e) {
            err.println("error: --event: cannot read %s: %s".formatted(file, e.getMessage()));
            return Main.BAD_INPUT;
        }
        try {
            out.println(LocalInvoke.invoke(event, env, err));
            return Main.OK;
        } catch (IllegalStateException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return Main.BAD_INPUT;
        } catch (AwsCallException | RunAudit.AuditFailedException e) {
            err.println("error: " + e.getMessage());
            return Main.AWS_ERROR;
        } catch (RuntimeException e) {
            err.println("error: invocation failed: " + e.getMessage());
            return Main.AWS_ERROR;
        }
    }
}
