package dev.eksip.cli;

import dev.eksip.app.snapshot.InventoryFile;
import dev.eksip.domain.Inventory;
import dev.eksip.domain.InventoryGap;
import dev.eksip.domain.Printable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code inventory export --output=FILE [--cluster=NAME]...}: reads the live account ({@code --profile},
 * {@code --region}, else the default credentials chain and region; {@code AWS_ENDPOINT_URL} honoured) and writes a
 * snapshot file (docs/inventory-format.md). Exit 0 written, 2 bad arguments, 3 an AWS call failed (the message
 * names the call and the AWS error code: {@link Main#fail}).
 */
@Command(name = "inventory", description = "Snapshots of a live account, for `audit --inventory FILE`.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:ok", "2:no or an unknown subcommand"})
final class InventoryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** {@code inventory} without {@code export}: bad input, with the usage line. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "inventory: missing subcommand 'export'");
    }

    record Options(Path output, List<String> clusters) {
    }

    /** The options of {@code inventory export ARGS...} ({@code args} start with {@code export}). */
    static Options parse(List<String> args) {
        Export export = new Export(null);
        new CommandLine(new InventoryCommand()).addSubcommand(export).parseArgs(args.toArray(String[]::new));
        return new Options(export.output, List.copyOf(export.clusters));
    }

    /** {@code inventory export}: the live account into a snapshot file. */
    @Command(name = "export", description = "Writes the live account (clusters, node groups, nodes, ENIs, subnets) "
            + "as a versioned JSON snapshot, and one `gap:` line per inventory gap on stderr.",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:written", "2:bad arguments",
                    "3:AWS error (the message names the call and the AWS error code)", "4:internal error"})
    static final class Export implements Callable<Integer> {
        @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true,
                description = "The snapshot file to write (always JSON, docs/inventory-format.md).")
        Path output;

        @Option(names = {"-c", "--cluster"}, paramLabel = "NAME",
                description = "Only this cluster; repeatable (default: every cluster in the region). A cluster that "
                        + "does not exist is an error naming the ones that do.")
        List<String> clusters = new ArrayList<>();

        @Option(names = "--history", paramLabel = "DAYS", arity = "0..1", fallbackValue = "14",
                description = "Also record each subnet's series from the function's own metrics (GetMetricData) over "
                        + "DAYS days (default 14), so that `audit --inventory FILE` shows the runway offline.")
        Integer historyDays;

        @Mixin
        AwsOptions aws;

        @Mixin
        ReadOptions reads;

        @Mixin
        FleetOptions fleet;

        @Mixin
        Progress progress;

        private final Io io;

        Export(Io io) {
            this.io = io;
        }

        /**
         * @return {@link ExitCode#OK} once the snapshot is written
         * @throws CliFailure.BadInput the file cannot be written
         */
        @Override
        public Integer call() {
            if (fleet.given()) return exportTargets();
            try {
                Inventory inventory = LiveAccount.inventory(clusters, io.env(), aws, reads, progress.to(io.err()));
                if (historyDays != null && (historyDays < 1 || historyDays > AuditCommand.MAX_HISTORY_DAYS))
                    throw new IllegalArgumentException("--history: expected 1..%d days, got %d".formatted(
                            AuditCommand.MAX_HISTORY_DAYS, historyDays));
                var history = historyDays == null ? java.util.List.<dev.eksip.app.snapshot.SubnetSeries>of()
                        : LiveAccount.series(dev.eksip.app.RunForecast.forecast(inventory, inventory.capturedAt()),
                        historyDays, io.env(), aws, progress.to(io.err()));
                InventoryFile.write(inventory, history, output);
                io.out().printf("wrote %s: %d cluster(s), %d node group(s), %d node(s), %d subnet(s), %d ENI(s), "
                                + "%d gap(s)%n", output, inventory.clusters().size(),
                        inventory.clusters().stream().mapToInt(c -> c.nodeGroups().size()).sum(),
                        inventory.nodes().size(), inventory.subnets().size(),
                        inventory.nodes().stream().mapToInt(n -> n.enis().size()).sum() + inventory.otherEnis().size(),
                        inventory.gaps().size());
                inventory.gaps().forEach(g -> io.err().println(gapLine(g)));
                return ExitCode.OK.code();
            } catch (UncheckedIOException e) {
                throw new CliFailure.BadInput(e.getMessage(), null, e);   // "cannot write FILE: …"
            }
        }

        /**
         * {@code --accounts}/{@code --organization}: {@code --output} is a directory that gets one snapshot per target,
         * {@code ACCOUNT-REGION.json} (what {@code audit --inventory DIR} reads back as one organization-wide report);
         * a target that cannot be read is a {@code target-failed:} line on stderr and no file.
         */
        private int exportTargets() {
            if (!clusters.isEmpty())
                throw new IllegalArgumentException("--cluster: not with --accounts/--organization");
            if (historyDays != null)
                throw new IllegalArgumentException("--history: not with --accounts/--organization");
            try {
                java.nio.file.Files.createDirectories(output);
            } catch (java.io.IOException e) {
                throw new CliFailure.BadInput("--output: cannot create the directory %s: %s".formatted(output,
                        e.getMessage()), null, e);
            }
            var written = FleetAuditRun.each(fleet, io.env(), aws, progress.to(io.err()), (target, inventory) -> {
                Path file = output.resolve(target.accountId() + "-" + target.region() + ".json");
                InventoryFile.write(inventory, List.of(), file);
                return file;
            });
            for (var r : written.results())
                if (r instanceof dev.eksip.app.fleet.TargetResult.Failed<Path> f)
                    io.err().println("target-failed: %s: %s".formatted(f.target().key(), Printable.escape(f.reason())));
            written.skipped().forEach((account, why) -> io.err().println("skipped: %s (%s)".formatted(account, why)));
            long ok = written.results().stream()
                    .filter(r -> r instanceof dev.eksip.app.fleet.TargetResult.Audited<Path>).count();
            io.out().printf("wrote %d of %d target snapshot(s) into %s%n", ok, written.results().size(), output);
            return ExitCode.OK.code();
        }
    }

    /** One {@code gap:} line: scope, call, error code and message, each escaped ({@link Printable#escape}). */
    static String gapLine(InventoryGap g) {
        return "gap: %s %s %s: %s".formatted(Printable.escape(g.scope().id()), Printable.escape(g.operation()),
                Printable.escape(g.errorCode()), Printable.escape(g.message()));
    }
}
