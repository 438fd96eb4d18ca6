package dev.eksip.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eksip.app.AwsCallException;
import dev.eksip.app.snapshot.InventoryFile;
import dev.eksip.plan.ScenarioException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** {@link Main}'s one exception → exit code mapping, {@code --debug}, and the one reading of the environment. */
class MainTest {
    private record Run(int code, String out, String err) {
    }

    private static Run run(List<String> args, Map<String, String> env, InputStream stdin) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, CliEnvironment.from(env), stdin, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Run run(String... args) {
        return run(List.of(args), Map.of(), InputStream.nullInputStream());
    }

    private static Run fail(RuntimeException e, boolean debug) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ExitCode code = Main.fail(e, debug, new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code.code(), "", err.toString(StandardCharsets.UTF_8));
    }

    /** A stdin that fails in a way no command expects: the only way into an internal error from the outside. */
    private static InputStream broken() {
        return new InputStream() {
            @Override
            public int read() {
                throw new UnsupportedOperationException("stdin went away");
            }
        };
    }

    @Test
    void eachKnownFailureHasItsExitCodeAndPrintsItsMessageAlone() {
        Map<RuntimeException, Integer> table = new LinkedHashMap<>();
        table.put(new CliFailure.BadInput("bad option"), 2);
        table.put(new CliFailure.AwsFailure("invocation failed: x", null), 3);
        table.put(new InventoryFile.InvalidInventoryFileException("s.json: not valid JSON"), 2);
        table.put(new ScenarioException("subnet", "missing"), 2);
        table.put(new IllegalArgumentException("--output: expected table or json"), 2);
        table.put(new IllegalStateException("missing required environment variable X"), 2);
        table.put(new AwsCallException("ec2:DescribeSubnets", "UnauthorizedOperation", "no", null), 3);
        table.forEach((e, code) -> {
            Run r = fail(e, false);
            assertThat(r.code()).as(e.toString()).isEqualTo(code);
            assertThat(r.err()).as(e.toString()).isEqualTo("error: " + e.getMessage() + System.lineSeparator());
        });
    }

    @Test
    void badInputRepeatsTheCommandsUsageLine() {
        Run r = fail(new CliFailure.BadInput("unknown option '-x'", "usage: thing [-y]"), false);

        assertThat(r.code()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(r.err().lines().toList()).containsExactly("error: unknown option '-x'", "usage: thing [-y]");
    }

    @Test
    void anUnexpectedExceptionIsAnInternalErrorOnOneLineWithExitFour() {
        Run r = fail(new NullPointerException("Cannot invoke \"Subnet.cidr()\"\nsecond line"), false);

        assertThat(r.code()).isEqualTo(4).isEqualTo(Main.INTERNAL);
        assertThat(r.err()).isEqualTo("internal error: NullPointerException: Cannot invoke \"Subnet.cidr()\" "
                + "(--debug shows the stack trace)" + System.lineSeparator());
        assertThat(fail(new UncheckedIOException(new IOException("disk")), false).code()).isEqualTo(4);
        assertThat(fail(new RuntimeException(), false).err()).startsWith("internal error: RuntimeException (");
    }

    @Test
    void aCommandThatFailsUnexpectedlyExitsFourNotOne() {
        Run r = run(List.of("plan", "-"), Map.of(), broken());

        assertThat(r.code()).isEqualTo(ExitCode.INTERNAL.code());
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("internal error: UnsupportedOperationException: stdin went away "
                + "(--debug shows the stack trace)" + System.lineSeparator());
    }

    @Test
    void debugAnywhereAddsTheStackTraceAndIsNotSeenByTheCommand() {
        Run r = run(List.of("plan", "--debug", "-"), Map.of(), broken());

        assertThat(r.code()).isEqualTo(ExitCode.INTERNAL.code());
        assertThat(r.err()).startsWith("internal error: UnsupportedOperationException: stdin went away"
                + System.lineSeparator() + "java.lang.UnsupportedOperationException: stdin went away")
                .contains("\tat dev.eksip.cli.PlanCommand.");

        Run bad = run("--debug", "audit", "--output", "yaml");
        assertThat(bad.code()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(bad.err()).startsWith("error: --output: expected table or json, got 'yaml'" + System.lineSeparator()
                + "java.lang.IllegalArgumentException");

        Run plain = run("max-pods", "m5.large");
        assertThat(run("--debug", "max-pods", "m5.large")).isEqualTo(plain);
        assertThat(run("max-pods", "m5.large", "--debug")).isEqualTo(plain);
        assertThat(plain.out()).isEqualTo("m5.large 29" + System.lineSeparator());
    }

    @Test
    void findingsAreTheOnlyExitOne() {
        assertThat(run("audit", "--fail-on", "critical").code()).isEqualTo(ExitCode.FINDINGS.code()).isEqualTo(1);
        for (ExitCode c : ExitCode.values())
            assertThat(c == ExitCode.FINDINGS || c.code() != 1).as(c.name()).isTrue();
    }

    @Test
    void theEnvironmentIsCheckedOnlyByTheCommandsThatUseIt() {
        Map<String, String> env = Map.of("CNI_SETTINGS", "{bad", "METRIC_NAMESPACE", "AWS/EC2");

        assertThat(run(List.of("plan"), env, InputStream.nullInputStream()).code()).isZero();
        assertThat(run(List.of("audit"), env, InputStream.nullInputStream()).code()).isZero();
        Run publish = run(List.of("audit", "--live", "--publish"), env, InputStream.nullInputStream());
        assertThat(publish.code()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(publish.err()).isEqualTo("error: invalid environment variable METRIC_NAMESPACE='AWS/EC2': expected "
                + "1-255 characters of A-Z a-z 0-9 . - _ / # :, not starting with AWS/" + System.lineSeparator());
        Run export = run(List.of("inventory", "export", "-o", "x.json"), env, InputStream.nullInputStream());
        assertThat(export.code()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(export.err()).startsWith("error: invalid environment variable CNI_SETTINGS: is not JSON");
    }

    @Test
    void publishReadsMetricDetailLikeTheFunctionDefaultingToLean() {
        assertThat(CliEnvironment.from(Map.of()).metricDetail()).isEqualTo(dev.eksip.app.MetricMapping.Detail.LEAN);
        assertThat(CliEnvironment.from(Map.of("METRIC_DETAIL", "full")).metricDetail())
                .isEqualTo(dev.eksip.app.MetricMapping.Detail.FULL);
        assertThatThrownBy(() -> CliEnvironment.from(Map.of("METRIC_DETAIL", "all")).metricDetail())
                .hasMessage("invalid environment variable METRIC_DETAIL='all': expected lean or full");
    }

    @Test
    void theCliEnvironmentKeepsTheAwsVariablesForTheSdkAndTheRestForTheFunction() {
        Map<String, String> env = Map.of("AWS_REGION", "eu-west-1", "AWS_ENDPOINT_URL_EC2", "http://localhost:4566",
                "METRIC_NAMESPACE", "Team/Ip", "CNI_SETTINGS", "{\"*\": {\"WARM_IP_TARGET\": \"5\"}}",
                "ALERT_TOPIC_ARN", "arn:aws:sns:eu-west-1:123456789012:t", "HOME", "/root");
        CliEnvironment c = CliEnvironment.from(env);

        assertThat(c.aws()).containsOnlyKeys("AWS_REGION", "AWS_ENDPOINT_URL_EC2");
        assertThat(c.metricNamespace()).isEqualTo("Team/Ip");
        assertThat(c.configuredCni()).containsOnlyKeys("*");
        assertThat(c.function()).isEqualTo(env);
        assertThat(CliEnvironment.EMPTY.metricNamespace()).isEqualTo("EksIpForecast");
        assertThat(CliEnvironment.from(Map.of("CNI_SETTINGS", " ")).configuredCni()).isEmpty();
    }

    @Test
    void onlyMainReadsTheProcessEnvironment() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java", "dev", "eksip", "cli"))) {
            List<String> readers = files.filter(f -> f.toString().endsWith(".java")).filter(f -> {
                try {
                    return Files.readString(f).contains("System.getenv()");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).map(f -> f.getFileName().toString()).toList();
            assertThat(readers).containsExactly("Main.java");
        }
    }
}
