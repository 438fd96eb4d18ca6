package dev.eksip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * house-style.md "Boundaries": the pure core ({@code domain}, {@code simulation}) imports no AWS SDK, no Lambda
 * library and no logging, and reads neither the clock, the environment nor a random source; only {@code aws}
 * imports the AWS SDK v2 and only {@code lambda} the Lambda runtime library. A source scan, so no ArchUnit
 * dependency. Packages that do not exist yet simply contribute no files; the rules still run.
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src", "main", "java", "dev", "eksip");
    private static final List<Path> PURE = List.of(MAIN.resolve("domain"), MAIN.resolve("simulation"));

    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(?:static\\s+)?([\\w.]+(?:\\.\\*)?)\\s*;");
    private static final List<String> FORBIDDEN_IN_PURE_IMPORTS = List.of("software.amazon.", "com.amazonaws.",
            "org.slf4j.");
    private static final List<Pattern> FORBIDDEN_IN_PURE_CALLS = List.of(
            Pattern.compile("\\b(?:java\\.time\\.)?Instant\\.now\\s*\\("),
            Pattern.compile("\\bSystem\\.getenv\\s*\\("),
            Pattern.compile("\\bnew\\s+(?:java\\.util\\.)?Random\\s*\\("));

    /** One offending line. */
    record Violation(Path file, int line, String text) {
        @Override
        public String toString() {
            return "%s:%d: %s".formatted(file, line, text.strip());
        }
    }

    @Test
    void theScannedTreeExists() {
        // Guards against a vacuous pass (e.g. a changed working directory): the pure packages are never absent.
        assertThat(MAIN).isDirectory();
        for (Path p : PURE) assertThat(javaFiles(p)).as("java files under %s", p).isNotEmpty();
    }

    @Test
    void domainAndSimulationImportNoAwsLambdaOrLogging() {
        List<Violation> found = new ArrayList<>();
        for (Path dir : PURE) for (Path f : javaFiles(dir)) found.addAll(forbiddenImports(f, FORBIDDEN_IN_PURE_IMPORTS));

        assertThat(found).as("forbidden imports in domain/simulation").isEmpty();
    }

    @Test
    void domainAndSimulationReadNoClockEnvironmentOrRandomness() {
        List<Violation> found = new ArrayList<>();
        for (Path dir : PURE) for (Path f : javaFiles(dir)) found.addAll(forbiddenCalls(f));

        assertThat(found).as("time, environment and randomness are parameters in domain/simulation").isEmpty();
    }

    @Test
    void onlyTheAwsPackageImportsTheAwsSdk() {
        List<Violation> found = new ArrayList<>();
        for (Path f : javaFiles(MAIN))
            if (!f.startsWith(MAIN.resolve("aws"))) found.addAll(forbiddenImports(f, List.of("software.amazon.awssdk.")));

        assertThat(found).as("software.amazon.awssdk imported outside dev/eksip/aws").isEmpty();
    }

    @Test
    void onlyTheLambdaPackageImportsTheLambdaLibrary() {
        List<Violation> found = new ArrayList<>();
        for (Path f : javaFiles(MAIN))
            if (!f.startsWith(MAIN.resolve("lambda")))
                found.addAll(forbiddenImports(f, List.of("com.amazonaws.services.lambda.")));

        assertThat(found).as("com.amazonaws.services.lambda imported outside dev/eksip/lambda").isEmpty();
    }

    @Test
    void theScannerReportsFileAndLine(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        Path bad = tmp.resolve("Bad.java");
        Files.writeString(bad, """
                package dev.eksip.domain;

                import software.amazon.awssdk.services.ec2.Ec2Client;
                import static org.slf4j.LoggerFactory.getLogger;
                // Instant.now() in a comment is fine
                class Bad {
                    long t = java.time.Instant.now().toEpochMilli();
                    String e = System.getenv("X");
                    java.util.Random r = new Random(42);
                }
                """);

        assertThat(forbiddenImports(bad, FORBIDDEN_IN_PURE_IMPORTS)).extracting(Violation::line).containsExactly(3, 4);
        assertThat(forbiddenCalls(bad)).extracting(Violation::line).containsExactly(7, 8, 9);
        assertThat(forbiddenCalls(bad).get(0).toString()).startsWith(bad + ":7: ");
    }

    static List<Path> javaFiles(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Violation> forbiddenImports(Path file, List<String> prefixes) {
        List<Violation> out = new ArrayList<>();
        List<String> lines = read(file);
        for (int i = 0; i < lines.size(); i++) {
            var m = IMPORT.matcher(lines.get(i));
            if (!m.find()) continue;
            String imported = m.group(1);
            for (String prefix : prefixes)
                if (imported.startsWith(prefix)) out.add(new Violation(file, i + 1, lines.get(i)));
        }
        return out;
    }

    static List<Violation> forbiddenCalls(Path file) {
        List<Violation> out = new ArrayList<>();
        List<String> lines = read(file);
        boolean inBlockComment = false;
        for (int i = 0; i < lines.size(); i++) {
            String code = lines.get(i);
            if (inBlockComment) {
                int end = code.indexOf("*/");
                if (end < 0) continue;
                code = code.substring(end + 2);
                inBlockComment = false;
            }
            int start = code.indexOf("/*");
            if (start >= 0) {
                int end = code.indexOf("*/", start + 2);
                if (end < 0) inBlockComment = true;
                code = code.substring(0, start) + (end < 0 ? "" : code.substring(end + 2));
            }
            int lineComment = code.indexOf("//");
            if (lineComment >= 0) code = code.substring(0, lineComment);
            for (Pattern p : FORBIDDEN_IN_PURE_CALLS)
                if (p.matcher(code).find()) {
                    out.add(new Violation(file, i + 1, lines.get(i)));
                    break;
                }
        }
        return out;
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
