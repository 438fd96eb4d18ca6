package dev.eksip.cli;

import dev.eksip.domain.Forecast;
import dev.eksip.domain.Inventory;

import java.io.PrintStream;
import java.util.List;

/** The CLI's access to a live account (default credentials chain and region; honours AWS_ENDPOINT_URL). */
final class LiveAccount {
    private LiveAccount() {
    }

    static Inventory inventory(List<String> clusters, PrintStream progress) {
        throw new IllegalArgumentException("--live: not wired yet");
    }

    static void publish(Forecast forecast, PrintStream progress) {
        throw new IllegalArgumentException("--publish: not wired yet");
    }
}
