package dev.eksip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The model documents every formula cites are in the repository (docs/) and stay equal to the team's shared
 * originals ({@code ../shared/docs/}) wherever those are present, as in CI.
 */
class ModelDocsTest {
    @ParameterizedTest
    @ValueSource(strings = {"vpc-cni-model.md", "subnet-calc-model.md"})
    void theRepositoryCopyIsTheSharedDocumentWithAHeader(String name) throws IOException {
        String copy = Files.readString(Path.of("docs", name));
        assertThat(copy).startsWith("<!-- Copy of the team's shared model document");
        String body = copy.substring(copy.indexOf('\n') + 1);
        assertThat(body).contains("# ");
        Path shared = Path.of("..", "shared", "docs", name);
        if (Files.exists(shared)) assertThat(body).isEqualTo(Files.readString(shared));
    }
}
