package dev.eksip.cli;

import dev.eksip.config.AppConfig;
import picocli.CommandLine.Option;

import java.util.HashMap;
import java.util.Map;

/**
 * {@code --read-concurrency} of the commands that read a live inventory ({@code audit --live},
 * {@code inventory export}): how many AWS read calls are in flight at once. It stands for {@code READ_CONCURRENCY}
 * for this run and wins over the variable (default {@value AppConfig#DEFAULT_READ_CONCURRENCY}).
 */
final class ReadOptions {
    @Option(names = "--read-concurrency", paramLabel = "N",
            description = "With a live read: at most N AWS calls at once (1 = one after another; default "
                    + AppConfig.DEFAULT_READ_CONCURRENCY + ", or READ_CONCURRENCY). The report is the same for any N.")
    Integer readConcurrency;

    /**
     * {@code env} with {@code READ_CONCURRENCY}: the option when given, else the variable from {@code process}
     * (checked by the clients, {@link AppConfig#readConcurrency}).
     */
    Map<String, String> applyTo(Map<String, String> env, Map<String, String> process) {
        if (readConcurrency == null) {
            String variable = process.get(AppConfig.READ_CONCURRENCY);
            if (variable == null) return env;
            Map<String, String> applied = new HashMap<>(env);
            applied.put(AppConfig.READ_CONCURRENCY, variable);
            return Map.copyOf(applied);
        }
        if (readConcurrency < 1 || readConcurrency > AppConfig.MAX_READ_CONCURRENCY)
            throw new IllegalArgumentException("--read-concurrency: expected a whole number from 1 to %d, got %d"
                    .formatted(AppConfig.MAX_READ_CONCURRENCY, readConcurrency));
        Map<String, String> applied = new HashMap<>(env);
        applied.put(AppConfig.READ_CONCURRENCY, String.valueOf(readConcurrency));
        return Map.copyOf(applied);
    }
}
