package dev.eksip.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code cfn-lint template.yaml} (what {@code sam validate --lint} runs): exit 0, no output. */
class TemplateLintIT {
    @Test
    void templatePassesCfnLintWithoutAnyFinding() throws Exception {
        lint(Template.FILE.toString());
    }

    @Test
    void spokeRoleTemplatePassesCfnLintWithoutAnyFinding() throws Exception {
        lint(SpokeRoleTemplateTest.FILE.toString());
    }

    private static void lint(String file) throws Exception {
        List<String> command = new ArrayList<>(cfnLint());
        command.add(file);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("cfn-lint finished").isTrue();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(output).as("cfn-lint output").isEmpty();
        assertThat(p.exitValue()).isZero();
    }

    /**
     * {@code $CFN_LINT}, else {@code cfn-lint} on {@code PATH} or in {@code ~/.pyenv/shims}, else
     * {@code python3 -m cfnlint}; if none works, one {@code python3 -m pip install --user cfn-lint==1.51.0} (the
     * version pinned here) and {@code python3 -m cfnlint}.
     */
    static List<String> cfnLint() throws Exception {
        String explicit = System.getenv("CFN_LINT");
        if (explicit != null && !explicit.isBlank()) return List.of(explicit);
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "cfn-lint")))
                return List.of(Path.of(dir, "cfn-lint").toString());
        Path shim = Path.of(System.getProperty("user.home"), ".pyenv", "shims", "cfn-lint");
        if (Files.isExecutable(shim)) return List.of(shim.toString());
        List<String> module = List.of("python3", "-m", "cfnlint");
        if (runs(List.of("python3", "-m", "cfnlint", "--version"))) return module;
        if (runs(List.of("python3", "-m", "pip", "install", "--user", "cfn-lint==1.51.0"))
                && runs(List.of("python3", "-m", "cfnlint", "--version"))) return module;
        throw new IllegalStateException("cfn-lint not found: put it on PATH or set CFN_LINT (pip install cfn-lint)");
    }

    private static boolean runs(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            return p.waitFor(300, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (java.io.IOException | InterruptedException e) {
            return false;
        }
    }
}
