package dev.eksip.app.fleet;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.eksip.app.report.ReportJson;
import dev.eksip.app.report.ReportTable;
import dev.eksip.app.report.ReportV1;
import dev.eksip.domain.ClusterForecast;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.Printable;
import dev.eksip.domain.Severity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The organization-wide report: one row per target (account and region columns, worst first: failed targets,
 * then by severity, then by the lowest forecast at max), then each audited target's own report. JSON: version 1,
 * {@code targets[]} each with {@code accountId}, {@code region}, {@code status} ({@code audited} | {@code failed}),
 * {@code reason} when failed and the target's {@code report} (the single-account report's shape,
 * docs/audit-output.md), plus {@code skippedAccounts}.
 */
public final class FleetReport {
    public static final int VERSION = 1;
    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .serializationInclusion(JsonInclude.Include.NON_NULL).build();

    private FleetReport() {
    }

    /** Failed targets first, then worst severity, then lowest forecast at max, then account and region. */
    static List<TargetResult<Forecast>> worstFirst(List<TargetResult<Forecast>> results) {
        return results.stream().sorted(Comparator
                .comparing((TargetResult<Forecast> r) -> r instanceof TargetResult.Failed<Forecast> ? 0 : 1)
                .thenComparing(r -> -severity(r).ordinal())
                .thenComparing(FleetReport::minAtMax)
                .thenComparing(TargetResult::target)).toList();
    }

    public static String table(List<TargetResult<Forecast>> results, Map<String, String> skipped, Instant asOf) {
        StringBuilder out = new StringBuilder();
        long failed = results.stream().filter(r -> r instanceof TargetResult.Failed<Forecast>).count();
        out.append("Organization-wide audit as of %s: %d targets, %d audited, %d failed%s%n".formatted(asOf,
                results.size(), results.size() - failed, failed,
                skipped.isEmpty() ? "" : ", %d accounts skipped".formatted(skipped.size())));
        out.append("%n%-12s  %-15s  %8s  %7s  %7s  %-8s  %9s  %s%n".formatted("ACCOUNT", "REGION", "CLUSTERS",
                "SUBNETS", "AT-RISK", "WORST", "MIN@MAX", "STATUS"));
        List<TargetResult<Forecast>> ordered = worstFirst(results);
        for (TargetResult<Forecast> r : ordered) {
            switch (r) {
                case TargetResult.Audited<Forecast> a -> {
                    Forecast f = a.value();
                    int min = minAtMax(r);
                    out.append("%-12s  %-15s  %8d  %7d  %7d  %-8s  %9s  %s%n".formatted(r.target().accountId(),
                            r.target().region(), f.clusters().size(), f.subnets().size(), f.subnetsAtRisk(),
                            f.worst().label(), min == Integer.MAX_VALUE ? "-" : String.valueOf(min),
                            f.gaps().isEmpty() ? "audited" : "audited, %d gaps".formatted(f.gaps().size())));
                }
                case TargetResult.Failed<Forecast> x -> out.append("%-12s  %-15s  %8s  %7s  %7s  %-8s  %9s  %s%n"
                        .formatted(r.target().accountId(), r.target().region(), "-", "-", "-", "-", "-",
                                "FAILED: " + Printable.escape(x.reason())));
            }
        }
        new TreeMap<>(skipped).forEach((account, why) -> out.append("%-12s  %-15s  skipped: %s%n"
                .formatted(account, "*", Printable.escape(why))));
        for (TargetResult<Forecast> r : ordered)
            if (r instanceof TargetResult.Audited<Forecast> a)
                out.append("%n== account %s, region %s ==%n".formatted(r.target().accountId(), r.target().region()))
                        .append(ReportTable.render(a.value(), source(r.target())));
        return out.toString();
    }

    public static String json(List<TargetResult<Forecast>> results, Map<String, String> skipped, Instant asOf) {
        List<TargetV1> targets = new ArrayList<>();
        for (TargetResult<Forecast> r : worstFirst(results)) {
            targets.add(switch (r) {
                case TargetResult.Audited<Forecast> a -> new TargetV1(r.target().accountId(), r.target().region(),
                        "audited", null, ReportJson.report(a.value(), source(r.target())));
                case TargetResult.Failed<Forecast> x -> new TargetV1(r.target().accountId(), r.target().region(),
                        "failed", x.reason(), null);
            });
        }
        try {
            return MAPPER.writeValueAsString(new FleetV1(VERSION, asOf.toString(), targets, new TreeMap<>(skipped)))
                    + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the organization report", e);
        }
    }

    /** The organization-wide report, version 1. */
    public record FleetV1(int version, String asOf, List<TargetV1> targets, Map<String, String> skippedAccounts) {
    }

    /** One target's row: its own report when audited, the reason when it failed. */
    public record TargetV1(String accountId, String region, String status, String reason, ReportV1 report) {
    }

    private static String source(AuditTarget t) {
        return "live, account %s, region %s".formatted(t.accountId(), t.region());
    }

    private static Severity severity(TargetResult<Forecast> r) {
        return r instanceof TargetResult.Audited<Forecast> a ? a.value().worst() : Severity.CRITICAL;
    }

    private static int minAtMax(TargetResult<Forecast> r) {
        if (!(r instanceof TargetResult.Audited<Forecast> a)) return Integer.MIN_VALUE;
        return a.value().clusters().stream().mapToInt(ClusterForecast::minForecastAtMax).min()
                .orElse(Integer.MAX_VALUE);
    }
}
