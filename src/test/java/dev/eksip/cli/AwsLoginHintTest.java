package dev.eksip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.aws.AwsLogin;
import dev.eksip.testing.aws.SsoProfileFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A credentials failure on every AWS command is one line saying what to do and exit 3, not the SDK's
 * provider-chain dump: an IAM Identity Center profile without a login (a temporary AWS config file holding an
 * {@code sso_session} profile), and no credentials at all.
 */
@ExtendWith(SsoProfileFiles.class)
class AwsLoginHintTest {
    static final String SSO_HINT = "error: the IAM Identity Center login of profile 'dev' is missing or expired: "
            + "run `aws sso login --profile dev`" + System.lineSeparator();

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    /**
     * The real entry point in a child JVM whose environment is exactly {@code env}: credentials or a profile in
     * this machine's own environment can neither change nor skip the test. The SDK reads the temporary config
     * files and no instance metadata through the system properties {@link SsoProfileFiles} set, passed on.
     */
    private static Run run(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        for (String p : List.of("aws.configFile", "aws.sharedCredentialsFile", "aws.disableEc2Metadata"))
            command.add("-D%s=%s".formatted(p, System.getProperty(p)));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            var out = p.getInputStream().readAllBytes();
            var err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) throw new IllegalStateException("CLI did not exit");
            return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8),
                    new String(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anSsoProfileWithoutALoginSaysToLogIn() {
        Path file = dir.resolve("x.json");
        Run export = run(Map.of(), "inventory", "export", "--profile", "dev", "--region", "eu-west-1", "-o",
                file.toString());
        assertThat(export.code()).isEqualTo(Main.AWS_ERROR);
        assertThat(export.err()).isEqualTo(SSO_HINT);
        assertThat(file).doesNotExist();

        // AWS_PROFILE as the variable, the profile's own region, and the first call a DescribeCluster
        Run audit = run(Map.of(AwsLogin.PROFILE, "dev"), "audit", "--live", "--cluster=prod");
        assertThat(audit.code()).isEqualTo(Main.AWS_ERROR);
        assertThat(audit.err()).isEqualTo(SSO_HINT);
        assertThat(audit.out()).isEmpty();

        // invoke: the function logs its failed audit, the CLI ends with the hint
        Run invoke = run(Map.of("ALERT_TOPIC_ARN", "arn:aws:sns:eu-west-1:123456789012:alerts",
                "ALERT_STATE_TABLE", "alert-state"), "invoke", "-e", "events/scheduled-event.json", "--profile=dev",
                "--region=eu-west-1");
        assertThat(invoke.code()).isEqualTo(Main.AWS_ERROR);
        assertThat(invoke.err()).endsWith(SSO_HINT);

        Run debug = run(Map.of(), "audit", "--live", "--profile=dev", "--debug");
        assertThat(debug.err()).startsWith(SSO_HINT).contains("Unable to load credentials");
    }

    @Test
    void noCredentialsAtAllSaysWhereToGetThem() {
        Run r = run(Map.of("AWS_REGION", "eu-west-1"), "inventory", "export", "-o", dir.resolve("x.json").toString());

        assertThat(r.code()).isEqualTo(Main.AWS_ERROR);
        assertThat(r.err()).isEqualTo("error: no AWS credentials: pass --profile NAME or set AWS_PROFILE (for IAM "
                + "Identity Center, after `aws sso login --profile NAME`), or set AWS_ACCESS_KEY_ID and "
                + "AWS_SECRET_ACCESS_KEY" + System.lineSeparator());
    }
}
