package dev.eksip.cli;

import dev.eksip.app.MetricMapping;
import dev.eksip.app.port.MetricPoint;
import dev.eksip.aws.AwsInventorySource;
import dev.eksip.aws.LambdaAdapters;
import dev.eksip.config.AppConfig;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.Inventory;

import java.io.Console;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Consumer;

/**
 * The CLI's access to a live account: default credentials chain, region and endpoint overrides from
 * {@link CliEnvironment#aws()} (else the SDK's default region chain).
 */
final class LiveAccount {
    private LiveAccount() {
    }

    /**
     * The live inventory of {@code clusters} (empty: every cluster), with {@code CNI_SETTINGS} for clusters whose
     * settings cannot be read.
     */
    static Inventory inventory(List<String> clusters, CliEnvironment env, PrintStream progress) {
        try (AwsInventorySource source = AwsInventorySource.fromEnvironment(env.aws(), env.configuredCni(),
                progress(progress))) {
            return source.load(clusters);
        }
    }

    /**
     * {@code audit --publish}: the forecast's metrics to CloudWatch ({@code METRIC_NAMESPACE}, default
     * {@value AppConfig#DEFAULT_NAMESPACE}; {@code METRIC_DETAIL}, default lean), exactly as the Lambda publishes them. Alerts stay the Lambda's job
     * (they need its de-duplication state).
     */
    static int publish(Forecast forecast, boolean accountWide, CliEnvironment env, PrintStream progress) {
        String namespace = env.metricNamespace();
        List<MetricPoint> points = MetricMapping.points(forecast, accountWide, 0, env.metricDetail());
        new LambdaAdapters(env.aws()).metricsSink(namespace).publish(points);
        progress(progress).accept("published %d metric datums to namespace %s".formatted(points.size(), namespace));
        return points.size();
    }

    /** Progress lines on {@code err}, only when attached to a terminal (never in pipes, CI or tests). */
    static Consumer<String> progress(PrintStream err) {
        if (!interactive()) return message -> { };
        return message -> err.println("… " + message);
    }

    /**
     * Attached to a terminal. On JDK 21 a non-null {@link System#console()} means that; from JDK 22 it is non-null
     * even when redirected and {@code Console.isTerminal()} (not in the release-21 API, hence the lookup) decides.
     */
    static boolean interactive() {
        Console console = System.console();
        if (console == null) return false;
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException | ClassCastException e) {
            return true;
        }
    }
}
