package dev.eksip.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.eksip.aws.AwsLogin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@org.junit.jupiter.api.extension.ExtendWith(dev.eksip.testing.aws.SsoProfileFiles.class)
/**
 * A credentials failure on every AWS command is one line saying what to do and exit 3, not the SDK's
 * provider-chain dump: an IAM Identity Center profile without a login (a temporary AWS config file holding an
 * {@code sso_session} profile), and no credentials at all.
 */
class AwsLoginHintTest {
    static final String SSO_HINT = "error: the IAM Identity Center login of profile 'dev' is missing or expired: "
            + "run `aws sso login --profile dev`" + System.lineSeparator();

    /** An {@code sso_session} profile, as {@code aws configure sso} writes it. */

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(List.of(args), env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @BeforeEach
    void awsConfig() throws IOException {
        assumeTrue(System.getenv("AWS_ACCESS_KEY_ID") == null && System.getenv("AWS_PROFILE") == null && System.getenv("AWS_WEB_IDENTITY_TOKEN_FILE") == null
                && System.getenv("AWS_CONTAINER_CREDENTIALS_FULL_URI") == null
                && System.getenv("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") == null, "credentials in the environment");
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
