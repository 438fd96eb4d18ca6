package dev.eksip.cli;

import dev.eksip.app.snapshot.InventoryFile;
import dev.eksip.domain.Inventory;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code inventory export --output FILE [--cluster NAME]...}: reads the live account (default credentials chain
 * and region, {@code AWS_ENDPOINT_URL} honoured) and writes a snapshot file (docs/inventory-format.md).
 * Exit 0 written, 2 bad arguments, 3 an AWS call failed (the message names the call and the AWS error code:
 * {@link Main#fail}).
 */
final class InventoryCommand {
    static final String USAGE = "usage: inventory export --output FILE [--cluster NAME]...";

    private InventoryCommand() {
    }

    record Options(Path output, List<String> clusters) {
    }

    /**
     * @return {@link ExitCode#OK} once the snapshot is written
     * @throws CliFailure.BadInput bad arguments (with the usage line), or the file cannot be written
     */
    static ExitCode run(List<String> args, CliEnvironment env, PrintStream out, PrintStream err) {
        Options o;
        try {
            o = parse(args);
        } catch (IllegalArgumentException e) {
            throw new CliFailure.BadInput(e.getMessage(), USAGE, e);
        }
        try {
            Inventory inventory = LiveAccount.inventory(o.clusters(), env, err);
            InventoryFile.write(inventory, o.output());
            out.printf("wrote %s: %d cluster(s), %d node group(s), %d node(s), %d subnet(s), %d ENI(s), %d gap(s)%n",
                    o.output(), inventory.clusters().size(),
                    inventory.clusters().stream().mapToInt(c -> c.nodeGroups().size()).sum(),
                    inventory.nodes().size(), inventory.subnets().size(),
                    inventory.nodes().stream().mapToInt(n -> n.enis().size()).sum() + inventory.otherEnis().size(),
                    inventory.gaps().size());
            inventory.gaps().forEach(g -> err.printf("gap: %s %s %s: %s%n", g.scope().id(), g.operation(), g.errorCode(),
                    g.message()));
            return ExitCode.OK;
        } catch (UncheckedIOException e) {
            throw new CliFailure.BadInput(e.getMessage(), null, e);   // "cannot write FILE: …"
        }
    }

    static Options parse(List<String> args) {
        if (args.isEmpty() || !args.get(0).equals("export"))
            throw new IllegalArgumentException(args.isEmpty() ? "inventory: missing subcommand 'export'"
                    : "inventory: unknown subcommand '%s'; expected export".formatted(args.get(0)));
        Path output = null;
        List<String> clusters = new ArrayList<>();
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--output", "-o" -> output = Path.of(value(args, ++i, a));
                case "--cluster" -> clusters.add(value(args, ++i, a));
                default -> throw new IllegalArgumentException("inventory export: unknown option '%s'".formatted(a));
            }
        }
        if (output == null) throw new IllegalArgumentException("inventory export: --output FILE is required");
        return new Options(output, List.copyOf(clusters));
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size() || args.get(i).startsWith("--"))
            throw new IllegalArgumentException(option + ": missing value");
        return args.get(i);
    }
}
