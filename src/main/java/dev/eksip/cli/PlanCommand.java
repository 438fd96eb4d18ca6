package dev.eksip.cli;

import dev.eksip.plan.PlanModel;
import dev.eksip.plan.PlanResult;
import dev.eksip.plan.Planner;
import dev.eksip.plan.Scenario;
import dev.eksip.plan.ScenarioException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code plan [--model=vpc-cni|subnet-calc] [--output=table|json] [SCENARIO.json | -]}: plans a subnet for a
 * scenario; without a file, the spreadsheet's shipped example ({@link Scenario#spreadsheetExample()}).
 */
@Command(name = "plan", description = "Plans one subnet for a scenario: what ipamd converges to (vpc-cni), or the "
        + "EKS Best Practices subnet calculator spreadsheet (subnet-calc).",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:ok",
                "2:bad input (the message names the file and field)", "4:internal error"})
final class PlanCommand implements Callable<Integer> {
    @Option(names = {"-m", "--model"}, paramLabel = "MODEL", converter = Values.Models.class,
            completionCandidates = Values.Models.class,
            description = "vpc-cni (default): ipamd's behaviour node by node; subnet-calc: the spreadsheet, to the "
                    + "unit and with its quirks.")
    PlanModel model = PlanModel.VPC_CNI;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", converter = Values.Formats.class,
            completionCandidates = Values.Formats.class, description = "table (default) or json.")
    Values.Format output = Values.Format.TABLE;

    @Parameters(paramLabel = "[SCENARIO.json | -]", arity = "0..*", hideParamSyntax = true,
            description = "The scenario file (docs/cli.md), - for stdin; none: the spreadsheet's shipped example.")
    List<String> files = new ArrayList<>();

    @Spec
    CommandSpec spec;

    private final Io io;

    PlanCommand(Io io) {
        this.io = io;
    }

    /**
     * @return {@link ExitCode#OK}
     * @throws CliFailure.BadInput more than one file (with the usage line), an unreadable file or a bad scenario
     */
    @Override
    public Integer call() {
        if (files.size() > 1)
            throw new CliFailure.BadInput("expected one scenario file, got '%s' and '%s'".formatted(files.get(0),
                    files.get(1)), ParseErrors.usage(spec.commandLine()));
        Optional<String> file = files.stream().findFirst();
        boolean json = output == Values.Format.JSON;
        try {
            Scenario scenario = file.isEmpty() ? Scenario.spreadsheetExample()
                    : ScenarioJson.parse(read(file.get(), io.in()));
            PlanResult plan = Planner.plan(scenario, model);
            io.out().print(json ? PlanOutput.json(plan) : PlanOutput.table(plan));
            if (file.isEmpty() && !json)
                io.out().println("(no scenario file given: the spreadsheet's shipped example; see docs/cli.md for the format)");
            return ExitCode.OK.code();
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
}
