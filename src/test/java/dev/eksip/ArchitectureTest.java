package dev.eksip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The architecture, enforced once (docs/architecture.md "Dependency rules"): for every package of
 * {@code src/main/java/dev/eksip} the project packages it may import and the libraries it may use, the pure core
 * ({@code domain}, {@code simulation}, {@code plan}, {@code app.*}) reading neither clock, environment nor randomness,
 * and no cycle between packages. A source scan of import lines, so no ArchUnit dependency. A package missing from
 * the table, or a table row without a package, fails: the table lists every package.
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src", "main", "java", "dev", "eksip");

    /** Package (relative to dev.eksip) → the project packages it may import. */
    static final Map<String, Set<String>> ALLOWED = table(
            "domain", "",
            "simulation", "domain",
            "plan", "domain simulation",
            "app.port", "domain app.alert app.runway",
            "app.runway", "",
            "app.inventory", "domain simulation",
            "app.assess", "domain simulation",
            "app.report", "domain",
            "app.snapshot", "domain",
            "app.alert", "domain app.report",
            "app", "domain simulation app.port app.alert app.assess app.runway",
            "app.trigger", "domain app app.port",
            "app.fleet", "domain app app.port app.report",
            "config", "domain simulation app app.fleet",
            "aws", "domain simulation app app.port app.alert app.inventory app.fleet config app.runway",
            "kube", "domain app.port app.inventory config",
            "lambda", "domain app app.port app.trigger app.fleet aws config kube",
            "cli", "domain simulation plan app app.port app.report app.snapshot app.fleet aws config lambda kube app.runway");

    /** Libraries (import prefixes) and the only packages that may import them. */
    static final Map<String, Set<String>> LIBRARIES = table(
            "software.amazon.awssdk.", "aws kube",
            "io.fabric8.", "kube",
            "com.amazonaws.services.lambda.", "lambda",
            "org.crac.", "lambda",
            "picocli.", "cli",
            "com.fasterxml.jackson.", "app.alert app.report app.snapshot app.fleet app.inventory aws config lambda cli",
            "org.slf4j.", "");

    static final Set<String> CORE = Set.of("domain", "simulation", "plan", "app", "app.port", "app.inventory",
            "app.assess", "app.report", "app.snapshot", "app.alert", "app.trigger", "app.fleet", "app.runway");

    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(?:static\\s+)?([\\w.]+?)(?:\\.\\*)?\\s*;");
    private static final List<Pattern> FORBIDDEN_IN_CORE = List.of(
            Pattern.compile("\\b(?:java\\.time\\.)?Instant\\.now\\s*\\("),
            Pattern.compile("\\bClock\\.system(?:UTC|DefaultZone)?\\s*\\("),
            Pattern.compile("\\bSystem\\.(?:currentTimeMillis|nanoTime|getenv)\\s*\\("),
            Pattern.compile("\\bnew\\s+(?:java\\.util\\.)?Random\\s*\\("));

    record Violation(Path file, int line, String text) {
        @Override
        public String toString() {
            return "%s:%d: %s".formatted(file, line, text.strip());
        }
    }

    @Test
    void theTableListsEveryPackageAndNothingElse() {
        assertThat(packages().keySet()).as("packages under %s", MAIN).isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(ALLOWED.keySet());
    }

    @Test
    void everyPackageImportsOnlyWhatItsRowAllows() {
        List<Violation> found = new ArrayList<>();
        packages().forEach((pkg, files) -> {
            for (Path f : files) found.addAll(projectImportsOutside(f, pkg, ALLOWED.get(pkg)));
        });
        assertThat(found).as("imports not allowed by ArchitectureTest.ALLOWED").isEmpty();
    }

    @Test
    void librariesStayInTheirPackages() {
        List<Violation> found = new ArrayList<>();
        packages().forEach((pkg, files) -> LIBRARIES.forEach((prefix, owners) -> {
            if (!owners.contains(pkg)) for (Path f : files) found.addAll(importsStartingWith(f, prefix));
        }));
        assertThat(found).as("library imports outside their packages").isEmpty();
    }

    @Test
    void theCoreReadsNoClockEnvironmentOrRandomness() {
        List<Violation> found = new ArrayList<>();
        packages().forEach((pkg, files) -> {
            if (CORE.contains(pkg)) for (Path f : files) found.addAll(forbiddenCalls(f));
        });
        assertThat(found).as("time, environment and randomness are parameters in the core").isEmpty();
    }

    @Test
    void theAllowedTableHasNoCycle() {
        for (String start : ALLOWED.keySet()) {
            Set<String> seen = new TreeSet<>();
            List<String> todo = new ArrayList<>(ALLOWED.get(start));
            while (!todo.isEmpty()) {
                String p = todo.remove(0);
                assertThat(p).as("cycle through %s", start).isNotEqualTo(start);
                if (seen.add(p)) todo.addAll(ALLOWED.getOrDefault(p, Set.of()));
            }
        }
    }

    @Test
    void everyPackageSaysItsRoleInAPackageInfo() {
        assertThat(packages().keySet()).allSatisfy(pkg ->
                assertThat(MAIN.resolve(pkg.replace('.', '/')).resolve("package-info.java")).isRegularFile());
    }

    @Test
    void theScannerFindsWhatItMustFind(@TempDir Path tmp) throws IOException {
        Path bad = tmp.resolve("Bad.java");
        Files.writeString(bad, """
                package dev.eksip.simulation;

                import dev.eksip.domain.Subnet;
                import dev.eksip.aws.AwsClients;
                import static dev.eksip.app.port.MetricPoint.of;
                import software.amazon.awssdk.services.ec2.Ec2Client;
                // Instant.now() in a comment is fine
                class Bad {
                    long t = java.time.Instant.now().toEpochMilli();
                    java.time.Clock c = Clock.systemUTC();
                    long m = System.currentTimeMillis();
                    java.util.Random r = new Random(42);
                }
                """);

        assertThat(projectImportsOutside(bad, "simulation", ALLOWED.get("simulation")))
                .extracting(Violation::line).containsExactly(4, 5);
        assertThat(importsStartingWith(bad, "software.amazon.awssdk.")).extracting(Violation::line).containsExactly(6);
        assertThat(forbiddenCalls(bad)).extracting(Violation::line).containsExactly(9, 10, 11, 12);
        assertThat(forbiddenCalls(bad).get(0).toString()).startsWith(bad + ":9: ");
    }

    private static Map<String, Set<String>> table(String... rows) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < rows.length; i += 2)
            out.put(rows[i], rows[i + 1].isBlank() ? Set.of() : Set.of(rows[i + 1].split(" ")));
        return out;
    }

    /** Package (relative to dev.eksip) → its own .java files (not those of sub-packages). */
    static Map<String, List<Path>> packages() {
        Map<String, List<Path>> out = new LinkedHashMap<>();
        try (Stream<Path> s = Files.walk(MAIN)) {
            s.filter(p -> p.toString().endsWith(".java")).sorted().forEach(p -> out.computeIfAbsent(
                    MAIN.relativize(p.getParent()).toString().replace('/', '.').replace('\\', '.'),
                    k -> new ArrayList<>()).add(p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.remove("");
        return out;
    }

    static List<Violation> projectImportsOutside(Path file, String pkg, Set<String> allowed) {
        List<Violation> out = new ArrayList<>();
        List<String> lines = read(file);
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = IMPORT.matcher(lines.get(i));
            if (!m.find() || !m.group(1).startsWith("dev.eksip.")) continue;
            String target = packageOf(m.group(1).substring("dev.eksip.".length()));
            if (!target.equals(pkg) && !allowed.contains(target)) out.add(new Violation(file, i + 1, lines.get(i)));
        }
        return out;
    }

    /** {@code app.port.MetricPoint.of} → {@code app.port}: the segments before the first capitalised one. */
    private static String packageOf(String qualified) {
        List<String> parts = new ArrayList<>();
        for (String part : qualified.split("\\.")) {
            if (Character.isUpperCase(part.charAt(0))) break;
            parts.add(part);
        }
        return String.join(".", parts);
    }

    static List<Violation> importsStartingWith(Path file, String prefix) {
        List<Violation> out = new ArrayList<>();
        List<String> lines = read(file);
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = IMPORT.matcher(lines.get(i));
            if (m.find() && m.group(1).startsWith(prefix)) out.add(new Violation(file, i + 1, lines.get(i)));
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
            for (Pattern p : FORBIDDEN_IN_CORE)
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
