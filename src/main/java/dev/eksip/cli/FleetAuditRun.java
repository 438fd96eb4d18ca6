package dev.eksip.cli;

import dev.eksip.app.MetricMapping;
import dev.eksip.app.RunForecast;
import dev.eksip.app.fleet.FleetAudit;
import dev.eksip.app.fleet.FleetReport;
import dev.eksip.app.fleet.TargetResult;
import dev.eksip.app.fleet.TargetSelection;
import dev.eksip.app.fleet.TargetTagging;
import dev.eksip.app.port.MetricPoint;
import dev.eksip.aws.AwsClients;
import dev.eksip.aws.AwsInventorySource;
import dev.eksip.aws.LambdaAdapters;
import dev.eksip.aws.OrganizationsDirectory;
import dev.eksip.aws.TargetAccess;
import dev.eksip.domain.CniSettings;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.Inventory;
import dev.eksip.domain.Severity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code audit --live --accounts …|--organization [--ou …] --regions … [--role-name …]}: every target read through
 * its spoke role, {@code --target-concurrency} at a time, forecast, and printed as one report with account and
 * region columns ({@link FleetReport}); a target that cannot be read is a row naming why, never the end of the run.
 */
final class FleetAuditRun {
    /** What the run printed and found. */
    record Result(List<TargetResult<Forecast>> results, Severity worst, long failed) {
    }

    private FleetAuditRun() {
    }

    /** What reading every target gave: per target its value or why it failed; accounts the organization skipped. */
    record Targets<R>(List<TargetResult<R>> results, Map<String, String> skipped) {
    }

    /**
     * Reads every target of {@code fleet} through its spoke role, {@code --target-concurrency} at a time, and maps
     * each inventory with {@code step} (forecast it, write it) while its clients are open; a failure of one target
     * (its role, a call it needs, the step) is that target's {@link TargetResult.Failed}.
     */
    static <R> Targets<R> each(FleetOptions fleet, CliEnvironment env, AwsOptions options, Consumer<String> progress,
                               java.util.function.BiFunction<dev.eksip.app.fleet.AuditTarget, Inventory, R> step) {
        Map<String, CniSettings> configured = env.configuredCni();
        Map<String, String> aws = options.applyTo(env.aws());
        try (AwsClients hub = AwsClients.fromEnvironment(aws);
             TargetAccess access = TargetAccess.using(hub, fleet.role(), fleet.externalId())) {
            TargetSelection selection = fleet.selection(hub.region().id());
            TargetSelection.Resolved resolved = selection.resolve(OrganizationsDirectory.using(hub, progress));
            progress.accept("reading %d targets, %d at a time".formatted(resolved.targets().size(),
                    fleet.concurrency()));
            List<TargetResult<R>> results = FleetAudit.run(resolved.targets(), fleet.concurrency(), target -> {
                try (AwsClients clients = access.clients(target)) {
                    return step.apply(target, AwsInventorySource.using(clients, configured, m -> { }).load(List.of()));
                }
            }, progress);
            return new Targets<>(results, resolved.skipped());
        } catch (RuntimeException e) {
            throw AwsOptions.explain(e, aws);
        }
    }

    static Result run(FleetOptions fleet, boolean json, boolean publish, CliEnvironment env, AwsOptions options,
                      Io io, Consumer<String> progress) {
        Map<String, String> aws = options.applyTo(env.aws());
        Instant asOf = Instant.now();
        Targets<Forecast> read = each(fleet, env, options, progress,
                (target, inventory) -> RunForecast.forecast(inventory, asOf));
        Result result = print(read.results(), read.skipped(), asOf, json, io);
        if (publish) publish(read.results(), env, aws, io);
        return result;
    }

    /** One report over {@code results} (account and region columns), and a line on stderr naming failed targets. */
    static Result print(List<TargetResult<Forecast>> results, Map<String, String> skipped, Instant asOf,
                        boolean json, Io io) {
        io.out().print(json ? FleetReport.json(results, skipped, asOf) : FleetReport.table(results, skipped, asOf));
        io.out().flush();
        long failed = results.stream().filter(r -> r instanceof TargetResult.Failed<Forecast>).count();
        if (failed > 0) io.err().println("%d of %d targets could not be audited (see the report's STATUS column)"
                .formatted(failed, results.size()));
        // a target that could not be read may hide anything: for --fail-on it counts as critical
        Severity worst = failed > 0 ? Severity.CRITICAL : results.stream()
                .map(r -> ((TargetResult.Audited<Forecast>) r).value().worst()).max(Enum::compareTo)
                .orElse(Severity.OK);
        return new Result(results, worst, failed);
    }

    private static void publish(List<TargetResult<Forecast>> results, CliEnvironment env, Map<String, String> aws,
                                Io io) {
        List<MetricPoint> points = new ArrayList<>();
        for (TargetResult<Forecast> r : results)
            if (r instanceof TargetResult.Audited<Forecast> a)
                points.addAll(TargetTagging.points(r.target(),
                        MetricMapping.points(a.value(), true, 0, env.metricDetail())));
        try {
            new LambdaAdapters(aws).metricsSink(env.metricNamespace()).publish(points);
        } catch (RuntimeException e) {
            throw AwsOptions.explain(e, aws);
        }
        io.err().println("published %d metric datums".formatted(points.size()));
    }
}
