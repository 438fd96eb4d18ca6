package dev.eksip.cli;

import dev.eksip.plan.PlanModel;
import dev.eksip.plan.PlanResult;
import dev.eksip.plan.Scenario;
import dev.eksip.plan.ScenarioException;
import dev.eksip.plan.Planner;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code plan [--model vpc-cni|subnet-calc] [--output table|json] [SCENARIO.json | -]}: plans a subnet for a
 * scenario; without a file, the spreadsheet's shipped example ({@link Scenario#spreadsheetExample()}).
 */
final class PlanCommand {
    static final String USAGE = "usage: plan [--model vpc-cni|subnet-calc] [--output table|json] [SCENARIO.json | -]";

    private PlanCommand() {
    }

    /**
     * @param stdin the scenario when the file is {@code -}
     * @return {@link ExitCode#OK}
     * @throws CliFailure.BadInput a bad option (with the usage line), an unreadable file or a bad scenario
     */
    static ExitCode run(List<String> args, InputStream stdin, PrintStream out) {
        PlanModel model = PlanModel.VPC_CNI;
        boolean json = false;
        Optional<String> file = Optional.empty();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            switch (name) {
                case "--help", "-h" -> {
                    out.println(USAGE);
                    return ExitCode.OK;
                }
                case "--model", "--output" -> {
                    String value;
                    if (arg.contains("=")) value = arg.substring(arg.indexOf('=') + 1);
                    else if (i + 1 < args.size()) value = args.get(++i);
                    else throw bad(name + " needs a value");
                    if (name.equals("--model")) {
                        Optional<PlanModel> m = PlanModel.fromId(value);
                        if (m.isEmpty()) throw bad("--model: expected vpc-cni or subnet-calc, got '" + value + "'");
                        model = m.get();
                    } else if (value.equals("json") || value.equals("table")) {
                        json = value.equals("json");
                    } else {
                        throw bad("--output: expected table or json, got '" + value + "'");
                    }
                }
                default -> {
                    if (arg.startsWith("-") && !arg.equals("-")) throw bad("unknown option '" + arg + "'");
                    if (file.isPresent()) throw bad("expected one scenario file, got '%s' and '%s'"
                            .formatted(file.get(), arg));
                    file = Optional.of(arg);
                }
            }
        }
        try {
            Scenario scenario = file.isEmpty() ? Scenario.spreadsheetExample()
                    : ScenarioJson.parse(read(file.get(), stdin));
            PlanResult plan = Planner.plan(scenario, model);
            out.print(json ? PlanOutput.json(plan) : PlanOutput.table(plan));
            if (file.isEmpty() && !json)
                out.println("(no scenario file given: the spreadsheet's shipped example; see docs/cli.md for the format)");
            return ExitCode.OK;
        } catch (ScenarioException e) {
            throw new CliFailure.BadInput(file.map(f -> (f.equals("-") ? "<stdin>" : f) + ": ").orElse("")
                    + e.getMessage(), null, e);
        } catch (IOException e) {
            throw new CliFailure.BadInput("cannot read scenario file '%s': %s".formatted(file.orElse("-"),
                    e instanceof NoSuchFileException ? "no such file" : e.getMessage()), null, e);
        }
    }

    private static String read(String file, InputStream stdin) throws IOException {
        if (file.equals("-")) return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
        return Files.readString(Path.of(file), StandardCharsets.UTF_8);
    }

    private static CliFailure.BadInput bad(String message) {
        return new CliFailure.BadInput(message, USAGE);
    }
}
