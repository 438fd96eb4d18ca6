package dev.eksip.app.snapshot;

import dev.eksip.app.RunForecast;
import dev.eksip.app.report.ReportJson;
import dev.eksip.domain.Inventory;
import dev.eksip.testing.HeapFigures;

import java.nio.file.Path;
import java.time.Instant;

/**
 * Run in a child JVM by {@link SnapshotHeapIT} (with a small {@code -Xmx}): reads the snapshot named by the first
 * argument (with a second argument {@code audit}: then forecasts it and renders the JSON report, as
 * {@code audit --inventory FILE -o json}) and prints {@code nodes=N enis=N} and the {@link HeapFigures}, taken with
 * the inventory (and report) still held.
 */
public final class SnapshotHeapProbe {
    private SnapshotHeapProbe() {
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        Inventory inventory = InventoryFile.read(Path.of(args[0]));
        double readSeconds = (System.nanoTime() - start) / 1e9;
        String report = args.length > 1 && args[1].equals("audit")
                ? ReportJson.render(RunForecast.forecast(inventory, Instant.parse("2026-12-01T00:00:00Z")), "file")
                : "";
        double seconds = (System.nanoTime() - start) / 1e9;
        long enis = inventory.nodes().stream().mapToLong(n -> n.enis().size()).sum();
        HeapFigures figures = HeapFigures.now();
        System.out.printf("nodes=%d enis=%d %s reportBytes=%d readSeconds=%.1f seconds=%.1f%n",
                inventory.nodes().size(), enis, figures, report.length(), readSeconds, seconds);
    }
}
