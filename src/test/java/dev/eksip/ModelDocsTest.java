package dev.eksip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The model documents every formula cites are in the repository (docs/), each marked as a copy. Equality with the
 * team's shared originals outside the repository is the opt-in {@code SharedOriginalsCheck}
 * ({@code ./mvnw -Pshared-check test}); no default test reads outside the repository.
 */
class ModelDocsTest {
    @ParameterizedTest
    @ValueSource(strings = {"vpc-cni-model.md", "subnet-calc-model.md"})
    void theRepositoryCopyIsTheSharedDocumentWithAHeader(String name) throws IOException {
        String copy = Files.readString(Path.of("docs", name));
        assertThat(copy).startsWith("<!-- Copy of the team's shared model document");
        String body = copy.substring(copy.indexOf('\n') + 1);
        assertThat(body).contains("# ");
        assertThat(body).contains("§1");
    }
}
