package dev.eksip.cli;

import dev.eksip.domain.Scope;
import dev.eksip.app.report.ReportJson;
import dev.eksip.app.report.ReportTable;
import dev.eksip.app.snapshot.InventoryFile;
import dev.eksip.app.InventoryFilter;
import dev.eksip.app.RunForecast;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.Inventory;
import dev.eksip.domain.Severity;

import java.io.InputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code audit [--inventory FILE | --live] [--cluster NAME]... [--output table|json] [--publish]
 * [--fail-on warning|critical]}: the main job. With no source it audits the snapshot embedded in the jar.
 */
final class AuditCommand {
    static final String EMBEDDED = "/sample/inventory.json";

    private AuditCommand() {
    }

    /** Parsed options. */
    record Options(String inventoryFile, boolean live, List<String> clusters, boolean json, boolean publish,
                   Severity failOn) {
    }

    /**
     * @return {@link ExitCode#FINDINGS} when {@code --fail-on} is reached, else {@link ExitCode#OK}
     * @throws IllegalArgumentException bad arguments, or {@code --cluster} naming a cluster that does not exist
     */
    static ExitCode run(List<String> args, CliEnvironment env, PrintStream out, PrintStream err) {
        Options o = parse(args);
        Instant asOf = Instant.now();
        String source;
        Inventory inventory;
        if (o.live()) {
            if (o.publish()) env.metricNamespace();   // fail before the long read
            source = "live";
            inventory = LiveAccount.inventory(o.clusters(), env, err);
            unknownClusters(inventory, o.clusters());
        } else if (o.inventoryFile() != null) {
            Path file = Path.of(o.inventoryFile());
            if (!Files.isRegularFile(file))
                throw new IllegalArgumentException("--inventory: no such file '%s'".formatted(file));
            source = "inventory file " + file;
            inventory = InventoryFilter.clusters(InventoryFile.read(file), o.clusters());
        } else {
            source = "embedded sample snapshot (captured %s; use --live or --inventory FILE for yours)";
            inventory = InventoryFilter.clusters(embedded(), o.clusters());
            source = source.formatted(inventory.capturedAt());
        }
        Forecast forecast = RunForecast.forecast(inventory, asOf);
        if (o.publish()) {
            int n = LiveAccount.publish(forecast, o.live() && o.clusters().isEmpty(), env, err);
            err.println("published %d metric datums".formatted(n));
        }
        out.print(o.json() ? ReportJson.render(forecast, source) : ReportTable.render(forecast, source));
        return o.failOn() != null && forecast.worst().compareTo(o.failOn()) >= 0 ? ExitCode.FINDINGS : ExitCode.OK;
    }

    /**
     * {@code --cluster} naming a cluster the account does not have is bad input, as for a snapshot; a cluster
     * that exists but cannot be read (access denied) stays an inventory gap in the report.
     */
    private static void unknownClusters(Inventory inventory, List<String> requested) {
        List<String> missing = inventory.gaps().stream()
                .filter(g -> g.errorCode().equals("ResourceNotFoundException") && g.scope() instanceof Scope.OfCluster)
                .map(g -> ((Scope.OfCluster) g.scope()).name())
                .filter(requested::contains).toList();
        if (!missing.isEmpty())
            throw new IllegalArgumentException("--cluster: no cluster %s in %s".formatted(String.join(", ", missing),
                    inventory.region()));
    }

    static Inventory embedded() {
        try (InputStream in = AuditCommand.class.getResourceAsStream(EMBEDDED)) {
            if (in == null) throw new IllegalStateException("the jar has no embedded snapshot " + EMBEDDED);
            return InventoryFile.read(in, "embedded sample");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Options parse(List<String> args) {
        String file = null;
        boolean live = false, json = false, publish = false;
        Severity failOn = null;
        List<String> clusters = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--inventory" -> file = value(args, ++i, a);
                case "--live" -> live = true;
                case "--cluster" -> clusters.add(value(args, ++i, a));
                case "--publish" -> publish = true;
                case "--output" -> {
                    String v = value(args, ++i, a);
                    if (!v.equals("table") && !v.equals("json"))
                        throw new IllegalArgumentException("--output: expected table or json, got '%s'".formatted(v));
                    json = v.equals("json");
                }
                case "--fail-on" -> {
                    String v = value(args, ++i, a);
                    failOn = switch (v) {
                        case "warning" -> Severity.WARNING;
                        case "critical" -> Severity.CRITICAL;
                        default -> throw new IllegalArgumentException(
                                "--fail-on: expected warning or critical, got '%s'".formatted(v));
                    };
                }
                default -> throw new IllegalArgumentException("audit: unknown option '%s'".formatted(a));
            }
        }
        if (live && file != null) throw new IllegalArgumentException("audit: give --live or --inventory, not both");
        if (publish && !live)
            throw new IllegalArgumentException("--publish: only with --live (a snapshot's forecast is not today's)");
        return new Options(file, live, List.copyOf(clusters), json, publish, failOn);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size() || args.get(i).startsWith("--"))
            throw new IllegalArgumentException("%s: expected a value".formatted(option));
        return args.get(i);
    }
}
