package dev.eksip.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** {@code cfn-lint template.yaml} (what {@code sam validate --lint} runs): exit 0, no output. */
class TemplateLintIT {
    @Test
    void templatePassesCfnLintWithoutAnyFinding() throws Exception {
        Process p = new ProcessBuilder(cfnLint(), Template.FILE.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("cfn-lint finished").isTrue();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(output).as("cfn-lint output").isEmpty();
        assertThat(p.exitValue()).isZero();
    }

    static String cfnLint() {
        String explicit = System.getenv("CFN_LINT");
        if (explicit != null && !explicit.isBlank()) return explicit;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "cfn-lint"))) return Path.of(dir, "cfn-lint").toString();
        Path shim = Path.of(System.getProperty("user.home"), ".pyenv", "shims", "cfn-lint");
        if (Files.isExecutable(shim)) return shim.toString();
        throw new IllegalStateException("cfn-lint not found: put it on PATH or set CFN_LINT (pip install cfn-lint)");
    }
}
