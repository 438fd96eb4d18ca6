package dev.eksip.cli;

import dev.eksip.app.report.ReportJson;
import dev.eksip.app.report.ReportTable;
import dev.eksip.app.snapshot.InventoryFile;
import dev.eksip.app.snapshot.Snapshot;
import dev.eksip.app.ClusterView;
import dev.eksip.app.InventoryFilter;
import dev.eksip.app.RunForecast;
import dev.eksip.config.KubernetesRead;
import dev.eksip.app.runway.RunwayEstimator;
import dev.eksip.app.runway.SubnetRunway;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.Inventory;
import dev.eksip.domain.Severity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code audit [--inventory=FILE | --live] [--cluster=NAME]... [--output=table|json] [--publish]
 * [--fail-on=warning|critical]}: the main job. With no source it audits the snapshot embedded in the jar.
 */
@Command(name = "audit", description = "Forecasts every subnet of a live account, a snapshot file or the embedded "
        + "sample: addresses left at desired and max size, severity, reason and fix.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:ok", "1:findings at or above --fail-on",
                "2:bad input (the message names the field)", "3:AWS error (the message names the call and the AWS "
                + "error code)", "4:internal error"})
final class AuditCommand implements Callable<Integer> {
    static final String EMBEDDED = "/sample/inventory.json";
    /** CloudWatch keeps hourly datapoints 455 days. */
    static final int MAX_HISTORY_DAYS = 455;

    @Option(names = {"-i", "--inventory"}, paramLabel = "FILE",
            description = "Audit a snapshot written by `inventory export` (default: the sample embedded in the jar).")
    Path inventoryFile;

    @Option(names = "--live", description = "Audit the live account (read-only list and describe calls).")
    boolean live;

    @Option(names = "--kube", description = "With --live: exact mode, also read each cluster's Kubernetes API "
            + "(nodes, pods, aws-node, ENIConfigs, NodePools); a cluster that cannot be read keeps its estimates.")
    boolean kube;

    @Option(names = {"-c", "--cluster"}, paramLabel = "NAME",
            description = "Only this cluster and the subnets it uses (their figures count every cluster's growth); "
                    + "repeatable. A cluster that does not exist is an error naming the ones that do.")
    List<String> clusters = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", converter = Values.Formats.class,
            completionCandidates = Values.Formats.class, description = "table (default) or json.")
    Values.Format output = Values.Format.TABLE;

    @Option(names = "--publish",
            description = "With --live: also send the forecast's metrics to CloudWatch (METRIC_NAMESPACE, default "
                    + "EksIpForecast), as the function does.")
    boolean publish;

    @Option(names = "--history", paramLabel = "DAYS", arity = "0..1", fallbackValue = "14",
            description = "With --live: also read each subnet's history (the function's own metrics over DAYS days, "
                    + "default 14, else Auto Scaling's scaling activities) and print its runway: days until it runs "
                    + "dry at the current trend.")
    Integer historyDays;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", converter = Values.Severities.class,
            completionCandidates = Values.Severities.class,
            description = "Exit 1 when a subnet reaches this severity: warning or critical (for CI pipelines).")
    Severity failOn;

    @Mixin
    AwsOptions aws;

    @Mixin
    ReadOptions reads;

    @Mixin
    FleetOptions fleet;

    @Mixin
    Progress progress;

    private final Io io;

    AuditCommand(Io io) {
        this.io = io;
    }

    /**
     * Prints the report, then (with {@code --publish}) publishes its metrics: a failed publish still leaves the
     * report on stdout and fails with exit 3 naming {@code cloudwatch:PutMetricData}.
     *
     * @return {@link ExitCode#FINDINGS} when {@code --fail-on} is reached, else {@link ExitCode#OK}
     * @throws IllegalArgumentException bad arguments, or {@code --cluster} naming a cluster that does not exist
     */
    @Override
    public Integer call() {
        check();
        CliEnvironment env = io.env();
        if (fleet.given()) return organizationWide(env);
        if (inventoryFile != null && Files.isDirectory(inventoryFile)) return organizationWideSnapshots();
        Instant asOf = Instant.now();
        String source;
        Inventory inventory;
        Snapshot snapshot = null;
        // --cluster: every cluster is read and forecast, so that a subnet shared with other clusters counts their
        // growth too (ClusterView), then the report and the metrics are those clusters' view
        if (live) {
            if (publish) env.metricNamespace();   // fail before the long read
            source = "live";
            inventory = LiveAccount.inventory(List.of(), env, aws, reads,
                    kube ? KubernetesRead.every(env.function()) : KubernetesRead.NONE, progress.to(io.err()));
            List<String> unknown = ClusterView.unknown(inventory, clusters);
            if (!unknown.isEmpty())
                throw new IllegalArgumentException("--cluster: unknown cluster %s in %s; %s".formatted(
                        String.join(", ", unknown.stream().map(n -> "'" + n + "'").toList()), inventory.region(),
                        inventory.clusters().isEmpty() ? "the region has no clusters" : "the region has "
                                + String.join(", ", inventory.clusters().stream().map(c -> c.name()).toList())));
        } else if (inventoryFile != null) {
            if (!Files.isRegularFile(inventoryFile))
                throw new IllegalArgumentException("--inventory: no such file '%s'".formatted(inventoryFile));
            source = "inventory file " + inventoryFile;
            snapshot = InventoryFile.readSnapshot(inventoryFile);
            inventory = snapshot.inventory();
            InventoryFilter.clusters(inventory, clusters);   // names an unknown cluster
        } else {
            source = "embedded sample snapshot (captured %s; use --live or --inventory FILE for yours)";
            snapshot = embeddedSnapshot();
            inventory = snapshot.inventory();
            InventoryFilter.clusters(inventory, clusters);
            source = source.formatted(inventory.capturedAt());
        }
        Forecast forecast = clusters.isEmpty() ? RunForecast.forecast(inventory, asOf)
                : ClusterView.forecast(inventory, clusters, asOf);
        boolean json = output == Values.Format.JSON;
        Map<String, SubnetRunway> runway = historyDays != null
                ? LiveAccount.runway(inventory, forecast, historyDays, env, aws, progress.to(io.err()))
                : snapshot != null ? SnapshotRunway.of(snapshot, forecast) : null;
        String report = json ? ReportJson.render(forecast, source) : ReportTable.render(forecast, source);
        if (runway != null) report = json ? RunwayJson.withRunway(report, forecast, runway)
                : report + RunwaySection.render(forecast, runway);
        io.out().print(report);
        io.out().flush();
        if (publish) {   // after the report: a failed publish (exit 3, naming the call) does not discard it
            int n = LiveAccount.publish(forecast, live && clusters.isEmpty(), runway == null ? Map.of() : runway, env,
                    aws, progress.to(io.err()));
            io.err().println("published %d metric datums".formatted(n));
        }
        return failOn != null && forecast.worst().compareTo(failOn) >= 0
                ? ExitCode.FINDINGS.code() : ExitCode.OK.code();
    }

    /** {@code --accounts}/{@code --organization}: one report over every account × region target. */
    private int organizationWide(CliEnvironment env) {
        if (!live) throw new IllegalArgumentException("--accounts, --organization, --regions: only with --live");
        if (!clusters.isEmpty())
            throw new IllegalArgumentException("--cluster: not with --accounts/--organization (every cluster of every "
                    + "target is audited)");
        if (publish) env.metricNamespace();   // fail before the long read
        FleetAuditRun.Result result = FleetAuditRun.run(fleet, output == Values.Format.JSON, publish, env, aws, io,
                progress.to(io.err()));
        return failOn != null && result.worst().compareTo(failOn) >= 0 ? ExitCode.FINDINGS.code() : ExitCode.OK.code();
    }

    /**
     * {@code --inventory DIR}: the directory {@code inventory export --accounts …|--organization} wrote, one snapshot
     * per target ({@code ACCOUNT-REGION.json}), as one organization-wide report (offline: no AWS call).
     */
    private int organizationWideSnapshots() {
        if (!clusters.isEmpty()) throw new IllegalArgumentException("--cluster: not with a directory of snapshots");
        List<Path> files;
        try (var list = Files.list(inventoryFile)) {
            files = list.filter(f -> f.getFileName().toString().matches("\\d{12}-[a-z0-9-]+\\.json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (files.isEmpty())
            throw new IllegalArgumentException("--inventory: the directory '%s' holds no ACCOUNT-REGION.json snapshot "
                    .formatted(inventoryFile) + "(written by `inventory export --accounts ... --output DIR`)");
        Instant asOf = Instant.now();
        List<dev.eksip.app.fleet.TargetResult<Forecast>> results = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            var target = new dev.eksip.app.fleet.AuditTarget(name.substring(0, 12),
                    name.substring(13, name.length() - ".json".length()));
            results.add(new dev.eksip.app.fleet.TargetResult.Audited<>(target,
                    RunForecast.forecast(InventoryFile.read(f), asOf)));
        }
        FleetAuditRun.Result result = FleetAuditRun.print(results, java.util.Map.of(), asOf,
                output == Values.Format.JSON, io);
        return failOn != null && result.worst().compareTo(failOn) >= 0 ? ExitCode.FINDINGS.code() : ExitCode.OK.code();
    }

    /** The combinations the options cannot express. */
    private void check() {
        if (live && inventoryFile != null) throw new IllegalArgumentException("audit: give --live or --inventory, not both");
        if (publish && !live)
            throw new IllegalArgumentException("--publish: only with --live (a snapshot's forecast is not today's)");
        if (kube && !live)
            throw new IllegalArgumentException("--kube: only with --live (it reads the clusters' Kubernetes API)");
        if (historyDays != null && !live)
            throw new IllegalArgumentException("--history: only with --live (it reads the account's metrics and "
                    + "scaling activities)");
        if (historyDays != null && (historyDays < RunwayEstimator.MIN_DAYS || historyDays > MAX_HISTORY_DAYS))
            throw new IllegalArgumentException("--history: expected %d..%d days, got %d".formatted(
                    RunwayEstimator.MIN_DAYS, MAX_HISTORY_DAYS, historyDays));
        if (aws.given() && !live)
            throw new IllegalArgumentException("--profile, --region: only with --live (a snapshot needs no AWS access)");
    }

    static Inventory embedded() {
        return embeddedSnapshot().inventory();
    }

    /** The embedded sample with its recorded history. */
    static Snapshot embeddedSnapshot() {
        try (InputStream in = AuditCommand.class.getResourceAsStream(EMBEDDED)) {
            if (in == null) throw new IllegalStateException("the jar has no embedded snapshot " + EMBEDDED);
            return InventoryFile.readSnapshot(in, "embedded sample");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
