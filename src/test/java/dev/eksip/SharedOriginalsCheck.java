package dev.eksip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Opt-in check, not part of the default test run: the repository's copies of the team's shared originals still
 * hold them verbatim (the model documents as a prefix, additions appended after it). Run it where the shared checkout exists: {@code ./mvnw -Pshared-check test} (its directory is the
 * system property {@code shared.dir}, default {@code ../shared}). It fails, never skips, when the originals are absent.
 */
class SharedOriginalsCheck {
    private static final Path SHARED = Path.of(System.getProperty("shared.dir", "../shared"));

    /**
     * The body (after the one-line header) starts with the shared original verbatim; additions are allowed only
     * after it, as appended sections headed {@code ## Beyond the original: …}.
     */
    @ParameterizedTest(name = "docs/{0} = header + docs/{0} of the shared checkout + appended sections")
    @CsvSource({"vpc-cni-model.md", "subnet-calc-model.md"})
    void modelDocumentsAreTheSharedOnesWithAHeaderThenAdditions(String name) throws IOException {
        String copy = Files.readString(Path.of("docs", name));
        String body = copy.substring(copy.indexOf('\n') + 1);
        String original = Files.readString(SHARED.resolve("docs").resolve(name));

        assertThat(original).isNotEmpty();
        assertThat(body).startsWith(original);
        String added = body.substring(original.length());
        assertThat(added.isBlank() || added.stripLeading().startsWith("## Beyond the original: "))
                .as("what follows the original of docs/%s is appended sections '## Beyond the original: …'", name)
                .isTrue();
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
