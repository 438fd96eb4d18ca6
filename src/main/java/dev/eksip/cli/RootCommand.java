package dev.eksip.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * {@code eks-ip-forecaster}: the command tree (plan, audit, inventory export, invoke, max-pods) and what every
 * command shares: {@code -h/--help} (generated from the annotations, with option descriptions),
 * {@code -V/--version} ({@link VersionProvider}) and {@code --debug}. Without a command it prints its help and
 * exits 2. {@link #commandLine} is the one place that assembles the tree (also for the completion script).
 */
@Command(name = RootCommand.NAME, scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class, sortOptions = false, sortSynopsis = false,
        synopsisSubcommandLabel = "COMMAND", usageHelpWidth = 100,
        description = {"Forecasts EKS subnet IP exhaustion by simulating the VPC CNI warm pool.",
                "Run as `java -jar eks-ip-forecaster.jar COMMAND`; see `COMMAND --help` and docs/cli.md."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:ok", "1:findings at or above --fail-on (audit)",
                "2:bad input", "3:AWS error", "4:internal error"})
final class RootCommand implements Callable<Integer> {
    static final String NAME = "eks-ip-forecaster";

    /** Read by {@link Main} before parsing (it must work even when parsing fails); declared for help and completion. */
    @Option(names = Main.DEBUG, scope = ScopeType.INHERIT,
            description = "Print the stack trace of a failure.")
    boolean debug;

    @Spec
    CommandSpec spec;

    private final Io io;

    private RootCommand(Io io) {
        this.io = io;
    }

    /** The whole command tree, writing to {@code io}. */
    static CommandLine commandLine(Io io) {
        CommandLine root = new CommandLine(new RootCommand(io));
        root.addSubcommand(new PlanCommand(io));
        root.addSubcommand(new AuditCommand(io));
        root.addSubcommand(new CommandLine(new InventoryCommand()).addSubcommand(new InventoryCommand.Export(io)));
        root.addSubcommand(new InvokeCommand(io));
        root.addSubcommand(new MaxPodsCommand(io));
        return root;
    }

    /** No command: the help, on stdout, and exit 2. */
    @Override
    public Integer call() {
        spec.commandLine().usage(io.out());
        return ExitCode.BAD_INPUT.code();
    }
}
