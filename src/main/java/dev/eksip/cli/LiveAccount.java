package dev.eksip.cli;

import dev.eksip.aws.AwsInventorySource;
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
        try (AwsInventorySource source = AwsInventorySource.fromEnvironment(System.getenv(), Map.of(),
                progress(progress))) {
            return source.load(clusters);
        }
    }

    static void publish(Forecast forecast, PrintStream progress) {
        throw new IllegalArgumentException("--publish: not wired yet");
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
