package dev.eksip.cli;

import dev.eksip.app.MetricMapping;
import dev.eksip.app.port.MetricPoint;
import dev.eksip.aws.AwsInventorySource;
import dev.eksip.aws.LambdaAdapters;
import dev.eksip.config.AppConfig;
import dev.eksip.config.ConfiguredCni;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.Inventory;

import java.io.Console;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The CLI's access to a live account (default credentials chain and region; honours AWS_ENDPOINT_URL). */
final class LiveAccount {
    private LiveAccount() {
    }

    static Inventory inventory(List<String> clusters, PrintStream progress) {
        try (AwsInventorySource source = AwsInventorySource.fromEnvironment(System.getenv(),
                ConfiguredCni.from(System.getenv()),
                progress(progress))) {
            return source.load(clusters);
        }
    }

    /**
     * {@code audit --publish}: the forecast's metrics to CloudWatch ({@code METRIC_NAMESPACE}, default
     * {@value AppConfig#DEFAULT_NAMESPACE}), exactly as the Lambda publishes them. Alerts stay the Lambda's job
     * (they need its de-duplication state).
     */
    static int publish(Forecast forecast, boolean accountWide, PrintStream progress) {
        Map<String, String> env = System.getenv();
        String namespace = AppConfig.metricNamespace(env);
        List<MetricPoint> points = MetricMapping.points(forecast, accountWide, 0);
        new LambdaAdapters(env).metricsSink(namespace).publish(points);
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
