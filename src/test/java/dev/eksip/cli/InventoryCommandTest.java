package dev.eksip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

class InventoryCommandTest {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(Map<String, String> env, String... args) {
        List<String> all = new ArrayList<>(List.of("inventory"));
        all.addAll(List.of(args));
        return Main.run(all, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void withoutOutputItIsBadInput() {
        assertThat(run(Map.of(), "export")).isEqualTo(Main.BAD_INPUT);
        assertThat(err()).contains("--output FILE is required").contains("usage: eks-ip-forecaster inventory export");
    }

    @Test
    void anUnknownSubcommandOrOptionIsBadInput() {
        assertThat(run(Map.of(), "import")).isEqualTo(Main.BAD_INPUT);
        assertThat(err()).contains("unknown subcommand 'import'");
        assertThat(run(Map.of(), "export", "--output", "x.json", "--verbose")).isEqualTo(Main.BAD_INPUT);
        assertThat(err()).contains("unknown option '--verbose'");
        assertThat(run(Map.of(), "export", "--cluster")).isEqualTo(Main.BAD_INPUT);
        assertThat(err()).contains("--cluster needs a value");
    }

    @Test
    void parsesOutputAndRepeatedClusters() {
        var o = InventoryCommand.parse(List.of("export", "--cluster", "a", "--output", "snap.json", "--cluster", "b"));
        assertThat(o.output()).isEqualTo(Path.of("snap.json"));
        assertThat(o.clusters()).containsExactly("a", "b");
    }

    @Test
    void progressFollowsTheFlagElseWhetherTheProcessStderrIsATerminal() {
        PrintStream stream = new PrintStream(err, true, StandardCharsets.UTF_8);

        new Progress().to(stream).accept("reading 3 cluster(s)");   // not the process's stderr: no terminal
        Progress off = new Progress();
        off.requested = false;
        off.to(stream).accept("reading 3 cluster(s)");
        assertThat(err()).isEmpty();
        assertThat(Progress.stderrIsTerminal()).as("the test JVM's stderr is a pipe").isFalse();

        Progress on = new Progress();
        on.requested = true;
        on.to(stream).accept("reading 3 cluster(s)");
        assertThat(err()).isEqualTo("… reading 3 cluster(s)" + System.lineSeparator());
    }

    @Test
    void anUnreachableEndpointIsAnAwsErrorNamingTheCall(@TempDir Path dir) {
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
        try {
            int code = run(Map.of("AWS_REGION", "us-east-1", "AWS_ENDPOINT_URL", "http://127.0.0.1:1"),
                    "export", "--output", dir.resolve("x.json").toString());
            assertThat(code).isEqualTo(Main.AWS_ERROR);
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
        assertThat(err()).startsWith("error: eks:ListClusters failed: SdkClientException");
        assertThat(dir.resolve("x.json")).doesNotExist();
    }

    @Test
    void aReadConcurrencyOutsideOneTo256IsBadInputNamingTheOption(@TempDir Path dir) {
        assertThat(run(Map.of("AWS_REGION", "us-east-1"), "export", "--output", dir.resolve("x.json").toString(),
                "--read-concurrency", "0")).isEqualTo(Main.BAD_INPUT);
        assertThat(err()).contains("--read-concurrency: expected a whole number from 1 to 256, got 0");
        assertThat(run(Map.of(), "export", "--output", "x.json", "--read-concurrency", "many"))
                .isEqualTo(Main.BAD_INPUT);
    }

    @Test
    void theReadConcurrencyOptionWinsOverTheVariableWhichIsPassedToTheClients() {
        ReadOptions reads = new ReadOptions();
        assertThat(reads.applyTo(Map.of("AWS_REGION", "us-east-1"), Map.of("READ_CONCURRENCY", "4")))
                .containsEntry("READ_CONCURRENCY", "4");
        assertThat(reads.applyTo(Map.of("AWS_REGION", "us-east-1"), Map.of())).doesNotContainKey("READ_CONCURRENCY");
        reads.readConcurrency = 1;
        assertThat(reads.applyTo(Map.of("AWS_REGION", "us-east-1"), Map.of("READ_CONCURRENCY", "4")))
                .containsEntry("READ_CONCURRENCY", "1").containsEntry("AWS_REGION", "us-east-1");
    }
}
