package dev.eksip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The model documents every formula cites are in the repository (docs/), each marked as a copy, and every section
 * the code and the docs cite ({@code vpc-cni-model.md §N}) exists there. Equality with the team's shared originals
 * outside the repository is the opt-in {@code SharedOriginalsCheck} ({@code ./mvnw -Pshared-check test}); no default
 * test reads outside the repository.
 */
class ModelDocsTest {
    private static final Pattern CITATION = Pattern.compile("(vpc-cni-model|subnet-calc-model)\\.md §(\\d+)");

    @ParameterizedTest
    @ValueSource(strings = {"vpc-cni-model.md", "subnet-calc-model.md"})
    void theRepositoryHoldsACopyMarkedAsSuch(String name) throws IOException {
        String copy = Files.readString(Path.of("docs", name));

        assertThat(copy).startsWith("<!-- Copy of the team's shared model document");
    }

    @Test
    void everyCitedSectionExists() throws IOException {
        List<String> citations = new ArrayList<>();
        List<Path> roots = List.of(Path.of("src", "main"), Path.of("src", "jmh"), Path.of("docs"), Path.of("README.md"));
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(Files::isRegularFile).filter(p -> p.toString().matches(".*\\.(java|md)$"))
                        .forEach(p -> citations.addAll(citationsIn(p)));
            }
        }
        assertThat(citations).as("citations found").hasSizeGreaterThan(10);

        List<String> missing = citations.stream().distinct().filter(c -> {
            Matcher m = CITATION.matcher(c);
            if (!m.matches()) return true;
            try {
                String doc = Files.readString(Path.of("docs", m.group(1) + ".md"));
                return !Pattern.compile("(?m)^## " + m.group(2) + "\\. ").matcher(doc).find();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
        assertThat(missing).as("cited sections without a '## N.' heading").isEmpty();
    }

    private static List<String> citationsIn(Path file) {
        try {
            List<String> out = new ArrayList<>();
            Matcher m = CITATION.matcher(Files.readString(file));
            while (m.find()) out.add(m.group());
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
