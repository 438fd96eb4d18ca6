package dev.eksip.cli;

import dev.eksip.app.AwsCallException;
import dev.eksip.app.snapshot.InventoryFile;
import dev.eksip.app.RunAudit;
import picocli.CommandLine;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar eks-ip-forecaster.jar <command>}: parses the command line with picocli ({@link RootCommand}
 * assembles the commands; a parse error is bad input in {@link ParseErrors}' words, followed by the command's
 * usage line) and is the one place where a failure becomes a message and an exit code ({@link #fail}). Exit codes ({@link ExitCode}): 0 ok,
 * 1 findings at or above {@code --fail-on}, 2 bad input, 3 AWS error, 4 internal error. {@code --debug}, anywhere
 * in the arguments, adds the stack trace of a failure.
 */
public final class Main {
    /** {@link ExitCode} values for callers outside this package. */
    public static final int OK = ExitCode.OK.code();
    public static final int FINDINGS = ExitCode.FINDINGS.code();
    public static final int BAD_INPUT = ExitCode.BAD_INPUT.code();
    public static final int AWS_ERROR = ExitCode.AWS_ERROR.code();
    public static final int INTERNAL = ExitCode.INTERNAL.code();

    static final String DEBUG = "--debug";

    private Main() {
    }

    public static void main(String[] args) {
        int code = run(Arrays.asList(args), CliEnvironment.from(System.getenv()), System.in, System.out, System.err);
        System.out.flush();
        if (code != OK) Runtime.getRuntime().exit(code);
    }

    /** Runs one command with an empty environment; never exits the JVM (tests call this). */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        return run(args, Map.of(), out, err);
    }

    /** Runs one command with {@code env} as its environment; never exits the JVM. */
    public static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        return run(args, CliEnvironment.from(env), System.in, out, err);
    }

    static int run(List<String> args, CliEnvironment env, InputStream in, PrintStream out, PrintStream err) {
        boolean debug = args.contains(DEBUG);
        String[] rest = args.stream().filter(a -> !a.equals(DEBUG)).toArray(String[]::new);
        CommandLine cli = RootCommand.commandLine(new Io(env, in, out, err));
        cli.setOverwrittenOptionsAllowed(true);   // `--output table --output json`: the last one wins, as before
        cli.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));   // the same bytes anywhere
        PrintWriter help = new PrintWriter(out, true, out.charset());
        cli.setOut(help);
        cli.setErr(new PrintWriter(err, true, err.charset()));
        cli.setParameterExceptionHandler((e, arguments) -> {
            int code = fail(ParseErrors.translate(e), debug, err).code();
            err.println(ParseErrors.usage(e.getCommandLine()));
            return code;
        });
        cli.setExecutionExceptionHandler((e, command, parsed) -> fail(e, debug, err).code());
        try {
            return cli.execute(rest);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (RuntimeException | Error e) {
            return fail(e, debug, err).code();
        } finally {
            help.flush();
        }
    }

    /**
     * The exception → exit code table: {@link CliFailure}s by their kind; a bad snapshot, scenario, argument or
     * environment variable ({@link InventoryFile.InvalidInventoryFileException}, {@code ScenarioException} and other
     * {@link IllegalArgumentException}s, {@link IllegalStateException}) is bad input; a failed AWS call or audit
     * ({@link AwsCallException}, {@link RunAudit.AuditFailedException}) an AWS error. Each prints
     * {@code error: MESSAGE}. Anything else is a bug: one {@code internal error: …} line and exit 4.
     */
    static ExitCode fail(Throwable e, boolean debug, PrintStream err) {
        ExitCode code = switch (e) {
            case CliFailure f -> f.exitCode();
            case InventoryFile.InvalidInventoryFileException x -> ExitCode.BAD_INPUT;
            case IllegalArgumentException x -> ExitCode.BAD_INPUT;
            case IllegalStateException x -> ExitCode.BAD_INPUT;
            case AwsCallException x -> ExitCode.AWS_ERROR;
            case RunAudit.AuditFailedException x -> ExitCode.AWS_ERROR;
            default -> ExitCode.INTERNAL;
        };
        if (code == ExitCode.INTERNAL) {
            err.println("internal error: " + firstLine(e) + (debug ? "" : " (--debug shows the stack trace)"));
        } else {
            err.println("error: " + e.getMessage());
            if (e instanceof CliFailure.BadInput bad) bad.usage().ifPresent(err::println);
        }
        if (debug) e.printStackTrace(err);
        return code;
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("");
        return e.getClass().getSimpleName() + message;
    }
}
