package dev.eksip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The conventions every command follows (docs/cli.md): {@code --opt=value} and {@code --opt value}, short options
 * with one meaning across commands, generated {@code --help} with a description for every option, {@code --version},
 * and parse errors as bad input naming the option.
 */
class CliConventionsTest {
    static final List<String> COMMANDS = List.of("plan", "audit", "inventory", "inventory export", "invoke", "max-pods");

    private record Run(int code, String out, String err) {
        /** Without the run's time ({@code asOf}, {@code as of}), which differs between two runs. */
        Run timeless() {
            return new Run(code, out.replaceAll("(?m)^.*as ?[oO]f.*$", "ASOF"), err);
        }
    }

    private static Run run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(List.of(args), CliEnvironment.from(env), InputStream.nullInputStream(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Run run(String... args) {
        return run(Map.of(), args);
    }

    private static String[] words(String command, String... more) {
        List<String> all = new ArrayList<>(List.of(command.split(" ")));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private static List<CommandLine> everyCommand() {
        List<CommandLine> all = new ArrayList<>();
        collect(RootCommand.commandLine(new Io(CliEnvironment.EMPTY, InputStream.nullInputStream(), System.out,
                System.err)), all);
        return all;
    }

    private static void collect(CommandLine command, List<CommandLine> into) {
        into.add(command);
        command.getSubcommands().values().forEach(c -> collect(c, into));
    }

    @Test
    void planTakesOptValueLongAndShortOptionsAlike() {
        Run spaced = run("plan", "--model", "subnet-calc", "--output", "json");
        assertThat(spaced.code()).isZero();
        assertThat(run("plan", "--model=subnet-calc", "--output=json")).isEqualTo(spaced);
        assertThat(run("plan", "-m", "subnet-calc", "-o", "json")).isEqualTo(spaced);
        assertThat(run("plan", "-m=subnet-calc", "-o=json")).isEqualTo(spaced);
    }

    @Test
    void auditTakesOptValueLongAndShortOptionsAlike(@TempDir Path dir) throws IOException {
        Run spaced = run("audit", "--cluster", "search", "--output", "json").timeless();
        assertThat(spaced.code()).isZero();
        assertThat(spaced.out()).contains("\"clusters\" : [ \"search\" ]");
        assertThat(run("audit", "--cluster=search", "--output=json").timeless()).isEqualTo(spaced);
        assertThat(run("audit", "-c", "search", "-o", "json").timeless()).isEqualTo(spaced);
        assertThat(run("audit", "-c=search", "-o=json").timeless()).isEqualTo(spaced);

        Path copy = dir.resolve("inventory.json");
        try (var in = AuditCommand.class.getResourceAsStream(AuditCommand.EMBEDDED)) {
            Files.write(copy, in.readAllBytes());
        }
        Run file = run("audit", "--inventory", copy.toString(), "--fail-on", "critical").timeless();
        assertThat(file.code()).isEqualTo(Main.FINDINGS);
        assertThat(run("audit", "--inventory=" + copy, "--fail-on=critical").timeless()).isEqualTo(file);
        assertThat(run("audit", "-i", copy.toString(), "--fail-on=critical").timeless()).isEqualTo(file);
    }

    @Test
    void theLastOfARepeatedOptionWins() {
        assertThat(run("plan", "-o", "table", "--output=json").out()).startsWith("{");
        assertThat(run("audit", "--output", "json", "-o", "table").out()).startsWith("eks-ip-forecaster audit: ");
    }

    @Test
    void maxPodsTakesOptValue() {
        Run spaced = run("max-pods", "--max-eni", "2", "m5.large");
        assertThat(spaced.out()).isEqualTo("m5.large 20" + System.lineSeparator());
        assertThat(run("max-pods", "--max-eni=2", "m5.large")).isEqualTo(spaced);
    }

    @Test
    void inventoryExportTakesOptValueLongAndShortOptionsAlike() {
        List<InventoryCommand.Options> spellings = List.of(
                InventoryCommand.parse(List.of("export", "--output", "s.json", "--cluster", "a", "--cluster", "b")),
                InventoryCommand.parse(List.of("export", "--output=s.json", "--cluster=a", "--cluster=b")),
                InventoryCommand.parse(List.of("export", "-o", "s.json", "-c", "a", "-c", "b")),
                InventoryCommand.parse(List.of("export", "-o=s.json", "-c=a", "-cb")));
        assertThat(spellings).containsOnly(new InventoryCommand.Options(Path.of("s.json"), List.of("a", "b")));
    }

    @Test
    void inventoryExportAndInvokeTakeProfileAndRegionInBothSpellings(@TempDir Path dir) {
        // a bad CNI_SETTINGS fails before any AWS call: the options were parsed, whatever their spelling
        Map<String, String> env = Map.of("CNI_SETTINGS", "{bad");
        String file = dir.resolve("x.json").toString();
        for (String[] args : List.of(
                new String[] {"inventory", "export", "--output", file, "--profile", "dev", "--region", "eu-west-1"},
                new String[] {"inventory", "export", "--output=" + file, "--profile=dev", "--region=eu-west-1"},
                new String[] {"inventory", "export", "-o", file, "--no-progress"},
                new String[] {"inventory", "export", "-o=" + file, "--no-progress", "--progress"})) {
            Run r = run(env, args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(Main.BAD_INPUT);
            assertThat(r.err()).as(String.join(" ", args)).startsWith("error: invalid environment variable CNI_SETTINGS");
        }
        // the function's configuration is checked first: ALERT_TOPIC_ARN is missing, AWS_REGION comes from --region
        for (String[] args : List.of(
                new String[] {"invoke", "--event", "events/scheduled-event.json", "--region", "eu-west-1"},
                new String[] {"invoke", "--event=events/scheduled-event.json", "--region=eu-west-1", "--profile=dev"},
                new String[] {"invoke", "-e", "events/scheduled-event.json", "--region", "eu-west-1"},
                new String[] {"invoke", "-e=events/scheduled-event.json", "--region=eu-west-1"})) {
            Run r = run(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(Main.BAD_INPUT);
            assertThat(r.err()).as(String.join(" ", args)).contains("missing required environment variable ALERT_TOPIC_ARN");
        }
    }

    @Test
    void awsOptionsReplaceTheVariablesForThisRun() {
        AwsOptions options = new AwsOptions();
        Map<String, String> env = Map.of("AWS_PROFILE", "default-one", "AWS_REGION", "us-east-1", "AWS_ENDPOINT_URL", "x");
        assertThat(options.applyTo(env)).isEqualTo(env);
        options.profile = "dev";
        options.region = "eu-west-1";
        Map<String, String> expected = new HashMap<>(env);
        expected.put("AWS_PROFILE", "dev");
        expected.put("AWS_REGION", "eu-west-1");
        assertThat(options.applyTo(env)).isEqualTo(expected);
    }

    @Test
    void awsOptionsNeedALiveSourceInAudit() {
        Run r = run("audit", "--profile", "dev");
        assertThat(r.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).contains("--profile", "only with --live");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h"})
    void everyCommandPrintsItsOwnHelpWithExitZero(String help) {
        for (String command : COMMANDS) {
            Run r = run(words(command, help));
            assertThat(r.code()).as(command).isZero();
            assertThat(r.err()).as(command).isEmpty();
            assertThat(r.out()).as(command).startsWith("Usage: eks-ip-forecaster " + command + " ")
                    .contains("-h, --help", "-V, --version", "--debug");
        }
        assertThat(run(help).out()).startsWith("Usage: eks-ip-forecaster ").contains("Commands:", "plan", "audit",
                "inventory", "invoke", "max-pods");
    }

    @Test
    void everyOptionAndEveryCommandHasADescription() {
        for (CommandLine command : everyCommand()) {
            CommandSpec spec = command.getCommandSpec();
            assertThat(spec.usageMessage().description()).as(spec.qualifiedName()).isNotEmpty();
            for (OptionSpec option : spec.options())
                assertThat(String.join(" ", option.description())).as(spec.qualifiedName() + " " + option.longestName())
                        .isNotBlank();
            spec.positionalParameters().forEach(p -> assertThat(p.description()).as(spec.qualifiedName()).isNotEmpty());
        }
    }

    /** {@code -o} is {@code --output} wherever it exists, and no short name means two things. */
    @Test
    void aShortOptionMeansTheSameLongOptionOnEveryCommand() {
        Map<String, String> longOfShort = new HashMap<>();
        for (CommandLine command : everyCommand())
            for (OptionSpec option : command.getCommandSpec().options()) {
                String longName = option.longestName();
                for (String name : option.names())
                    if (!name.startsWith("--")) {
                        String before = longOfShort.putIfAbsent(name, longName);
                        assertThat(before == null ? longName : before).as(name + " in "
                                + command.getCommandSpec().qualifiedName()).isEqualTo(longName);
                    }
            }
        assertThat(longOfShort).containsEntry("-o", "--output").containsEntry("-c", "--cluster")
                .containsEntry("-h", "--help").containsEntry("-V", "--version");
        for (CommandLine command : everyCommand()) {
            OptionSpec output = command.getCommandSpec().findOption("--output");
            if (output != null) assertThat(output.names()).as(command.getCommandName()).contains("-o");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"--version", "-V"})
    void versionIsTheManifestsElseDev(String version) {
        Run r = run(version);
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("eks-ip-forecaster dev" + System.lineSeparator());   // run from classes
        assertThat(run("audit", version).out()).isEqualTo(r.out());
    }

    @Test
    void everyCommandRejectsAnUnknownOptionAsBadInputNamingItThenItsUsage() {
        Map<String, List<String>> required = Map.of("inventory export", List.of("-o", "x.json"),
                "invoke", List.of("-e", "events/scheduled-event.json"));
        for (String command : COMMANDS) {
            List<String> args = new ArrayList<>(required.getOrDefault(command, List.of()));
            args.add("--bogus=1");
            Run r = run(words(command, args.toArray(String[]::new)));
            assertThat(r.code()).as(command).isEqualTo(Main.BAD_INPUT);
            assertThat(r.out()).as(command).isEmpty();
            assertThat(r.err().lines().toList()).as(command).first().isEqualTo("error: unknown option '--bogus=1'");
            assertThat(r.err()).as(command).contains("usage: eks-ip-forecaster " + command + " ");
        }
    }

    @Test
    void aMissingOrBadValueIsBadInputNamingTheOption() {
        assertThat(run("audit", "--cluster").err()).startsWith("error: --cluster needs a value" + System.lineSeparator());
        assertThat(run("audit", "-o").err()).startsWith("error: --output needs a value");
        assertThat(run("audit", "-o=yaml").err()).startsWith("error: --output: expected table or json, got 'yaml'");
        assertThat(run("plan", "-m", "excel").err()).startsWith("error: --model: expected vpc-cni or subnet-calc");
        assertThat(run("audit", "--fail-on=maybe").err()).startsWith("error: --fail-on: expected warning or critical, "
                + "got 'maybe'");
        assertThat(run("inventory", "export", "-c", "a").err()).startsWith("error: --output FILE is required");
        assertThat(run("invoke", "-e").err()).startsWith("error: --event needs a value");
        assertThat(run("max-pods", "--max-eni=0", "m5.large").err()).startsWith("error: --max-eni: expected a whole "
                + "number >= 1, got '0'");
        Run noCommand = run();
        assertThat(noCommand.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(noCommand.out()).startsWith("Usage: eks-ip-forecaster ");
        Run inventory = run("inventory");
        assertThat(inventory.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(inventory.err()).startsWith("error: inventory: missing subcommand 'export'");
    }
}
