package dev.eksip.cli;

import dev.eksip.domain.InstanceLimits;
import dev.eksip.simulation.InstanceCatalog;
import dev.eksip.simulation.MaxPods;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code max-pods [--prefix-delegation] [--custom-networking] [--max-eni N] [--managed-cap] TYPE...}: one
 * {@code TYPE MAXPODS} line per type (vpc-cni-model.md §8).
 */
final class MaxPodsCommand {
    static final String USAGE =
            "usage: max-pods [--prefix-delegation] [--custom-networking] [--max-eni N] [--managed-cap] TYPE...";

    private MaxPodsCommand() {
    }

    /**
     * @return {@link ExitCode#OK}
     * @throws CliFailure.BadInput a bad option or value (with the usage line), or an unknown instance type
     */
    static ExitCode run(List<String> args, PrintStream out) {
        boolean pd = false;
        boolean custom = false;
        boolean cap = false;
        int maxEni = 0;
        List<String> types = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                out.println(USAGE);
                return ExitCode.OK;
            } else if (arg.equals("--prefix-delegation")) {
                pd = true;
            } else if (arg.equals("--custom-networking")) {
                custom = true;
            } else if (arg.equals("--managed-cap")) {
                cap = true;
            } else if (arg.equals("--max-eni") || arg.startsWith("--max-eni=")) {
                String value;
                if (arg.startsWith("--max-eni=")) value = arg.substring("--max-eni=".length());
                else if (i + 1 < args.size()) value = args.get(++i);
                else throw bad("--max-eni needs a value: a whole number >= 1");
                try {
                    maxEni = Integer.parseInt(value);
                } catch (NumberFormatException e) {
                    throw bad("--max-eni: expected a whole number >= 1, got '" + value + "'");
                }
                if (maxEni < 1) throw bad("--max-eni: expected a whole number >= 1, got '" + value + "'");
            } else if (arg.startsWith("-")) {
                throw bad("unknown option '" + arg + "'");
            } else {
                types.add(arg);
            }
        }
        if (types.isEmpty()) throw bad("expected at least one instance type");
        MaxPods.Options options = new MaxPods.Options(pd, custom, maxEni, cap);
        List<String> lines = new ArrayList<>();
        for (String type : types) {
            var limits = InstanceCatalog.embedded().find(type);
            if (limits.isEmpty())
                throw new CliFailure.BadInput("unknown instance type '%s' (not in the embedded limits table of %d types)"
                        .formatted(type, InstanceCatalog.embedded().size()));
            InstanceLimits l = limits.get();
            lines.add(l.instanceType() + " " + MaxPods.compute(l, options));
        }
        lines.forEach(out::println);
        return ExitCode.OK;
    }

    private static CliFailure.BadInput bad(String message) {
        return new CliFailure.BadInput(message, USAGE);
    }
}
