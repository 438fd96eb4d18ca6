package dev.eksip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Opt-in check, not part of the default test run: the repository's copies of the team's shared originals are still
 * equal to them. Run it where the shared checkout exists: {@code ./mvnw -Pshared-check test} (its directory is the
 * system property {@code shared.dir}, default {@code ../shared}). It fails, never skips, when the originals are absent.
 */
class SharedOriginalsCheck {
    private static final Path SHARED = Path.of(System.getProperty("shared.dir", "../shared"));

    @ParameterizedTest(name = "docs/{0} = docs/{0} of the shared checkout")
    @CsvSource({"vpc-cni-model.md", "subnet-calc-model.md"})
    void modelDocumentsAreTheSharedOnesWithAHeader(String name) throws IOException {
        String copy = Files.readString(Path.of("docs", name));
        String body = copy.substring(copy.indexOf('\n') + 1);

        assertThat(body).isEqualTo(Files.readString(SHARED.resolve("docs").resolve(name)));
    }

    @ParameterizedTest(name = "{0} = reference/{1}")
    @CsvSource({
            "/data/instance-limits.csv,    vpc-cni/instance-limits.csv",
            "/data/subnet-calc-2022.csv,   subnet-calc/instance-limits-2022.csv"})
    void embeddedTablesAreTheSharedReferenceTables(String resource, String reference) throws IOException {
        byte[] embedded;
        try (InputStream in = SharedOriginalsCheck.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            embedded = in.readAllBytes();
        }
        assertThat(embedded).isNotEmpty().isEqualTo(Files.readAllBytes(SHARED.resolve("reference").resolve(reference)));
    }
}
