package dev.eksip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.cli.AuditCommandTest.Result;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Issue 8 item 12 at the CLI: {@code audit --inventory FILE} with a snapshot the format does not allow exits 2 with
 * one line naming the file, the JSON path and what was expected (StrictSnapshotTest has one case per input).
 */
class BadSnapshotCliTest {
    private static final Path SAMPLE = Path.of("src/main/resources/sample/inventory.json");

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            "cidr" : "10.20.0.0/24"   | "cidr" : "10.20.0.0/33"     | $.subnets[0].cidr: expected an IPv4 CIDR from /16 to /28
            "cidr" : "10.20.0.0/24"   | "cidr" : "0.0.0.0/0"        | $.subnets[0].cidr: expected an IPv4 CIDR from /16 to /28
            "maxSize" : 12            | "maxSize" : "12"            | $.clusters[0].nodeGroups[0].maxSize: expected a whole number, got the string "12"
            """)
    void exitsTwoNamingTheFileThePathAndWhatWasExpected(String good, String bad, String message, @TempDir Path dir)
            throws IOException {
        String json = Files.readString(SAMPLE);
        assertThat(json).contains(good);
        Path file = dir.resolve("snap.json");
        Files.writeString(file, json.replaceFirst(java.util.regex.Pattern.quote(good), bad));

        Result r = AuditCommandTest.cli("audit", "--inventory", file.toString());

        assertThat(r.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).startsWith("error: " + file + ": invalid field at " + message)
                .doesNotContain("\tat ").hasLineCount(1);
    }
}
