package dev.eksip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import picocli.AutoComplete;

/**
 * The shipped bash/zsh completion script ({@value #SCRIPT}) is what picocli's {@link AutoComplete} generates from
 * the commands now, so it cannot drift from them. After changing an option:
 * {@code ./mvnw -o -q test -Dtest=CompletionScriptTest -Dcompletion.update=true} rewrites it.
 */
class CompletionScriptTest {
    static final String SCRIPT = "completion/eks-ip-forecaster";

    @Test
    void theCommittedScriptIsWhatAutoCompleteGeneratesFromTheCommands() throws IOException {
        String generated = AutoComplete.bash(RootCommand.NAME, RootCommand.commandLine(
                new Io(CliEnvironment.EMPTY, InputStream.nullInputStream(), System.out, System.err)));
        Path script = Path.of(SCRIPT);
        if (Boolean.getBoolean("completion.update")) Files.writeString(script, generated, StandardCharsets.UTF_8);

        assertThat(Files.readString(script, StandardCharsets.UTF_8))
                .as("%s is stale: rerun with -Dcompletion.update=true", SCRIPT).isEqualTo(generated);
        assertThat(generated).contains("complete -F _complete_eks-ip-forecaster", "inventory", "export", "--profile",
                "--output", "subnet-calc", "critical");
    }
}
