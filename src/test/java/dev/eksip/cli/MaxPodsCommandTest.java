package dev.eksip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code max-pods}: the upstream table for every type, the calculator options, and bad input. */
class MaxPodsCommandTest {
    private record Run(int code, String out, String err) {
    }

    private static Run run(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>();
        all.add("max-pods");
        all.addAll(args);
        int code = Main.run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void agreesWithEniMaxPodsTxtForEveryType() throws IOException {
        Map<String, String> expected = new LinkedHashMap<>();
        try (InputStream in = getClass().getResourceAsStream("/oracles/eni-max-pods.txt")) {
            assertThat(in).isNotNull();
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.trim().split("\\s+"))
                    .forEach(f -> expected.put(f[0], f[1]));
        }
        assertThat(expected).hasSizeGreaterThan(1300);

        Run r = run(List.copyOf(expected.keySet()));

        assertThat(r.code()).isEqualTo(Main.OK);
        Map<String, String> actual = new LinkedHashMap<>();
        r.out().lines().map(l -> l.split(" ")).forEach(f -> actual.put(f[0], f[1]));
        List<String> mismatches = new ArrayList<>();
        expected.forEach((type, pods) -> {
            if (!pods.equals(actual.get(type))) mismatches.add(type + " expected " + pods + " got " + actual.get(type));
        });
        assertThat(mismatches).isEmpty();
        assertThat(actual).hasSameSizeAs(expected);
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            m5.large   |                                   | m5.large 29
            M5.LARGE   |                                   | m5.large 29
            m5.large   | --custom-networking               | m5.large 20
            m5.large   | --prefix-delegation               | m5.large 434
            m5.large   | --prefix-delegation --managed-cap | m5.large 110
            m5.large   | --custom-networking --prefix-delegation | m5.large 290
            m5.large   | --max-eni 2                       | m5.large 20
            m5.large   | --max-eni=2                       | m5.large 20
            m5.large   | --max-eni 10                      | m5.large 29
            m5.4xlarge | --managed-cap                     | m5.4xlarge 110
            m5.24xlarge| --managed-cap                     | m5.24xlarge 250
            m4.large   | --prefix-delegation               | m4.large 20
            """)
    void calculatorOptions(String type, String options, String line) {
        List<String> args = new ArrayList<>();
        if (options != null) args.addAll(List.of(options.trim().split("\\s+")));
        args.add(type.trim());

        Run r = run(args);

        assertThat(r.code()).isEqualTo(Main.OK);
        assertThat(r.out().strip()).isEqualTo(line);
    }

    @Test
    void oneLinePerTypeInArgumentOrder() {
        assertThat(run(List.of("t3.small", "m5.large")).out().lines().toList())
                .containsExactly("t3.small 11", "m5.large 29");
    }

    @ParameterizedTest(name = "{0} → exit 2 mentioning {1}")
    @CsvSource(delimiter = '|', textBlock = """
            m5.gigantic                  | unknown instance type 'm5.gigantic'
            --turbo m5.large             | unknown option '--turbo'
            --max-eni x m5.large         | --max-eni: expected a whole number >= 1, got 'x'
            --max-eni 0 m5.large         | --max-eni: expected a whole number >= 1, got '0'
            --max-eni                    | --max-eni needs a value
            --managed-cap                | expected at least one instance type
            """)
    void badInputExitsWith2AndSaysWhy(String args, String message) {
        Run r = run(List.of(args.trim().split("\\s+")));

        assertThat(r.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).contains(message);
        assertThat(r.out()).isEmpty();
    }
}
