package dev.eksip.app.fleet;

import static java.util.Objects.requireNonNull;

import dev.eksip.app.port.MetricPoint;
import dev.eksip.app.port.MetricsSink;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The hub's two jobs, organization-wide:
 * <ul>
 *   <li>{@link #dispatch}: on the schedule, resolve the targets (Organizations or the configured list × regions),
 *       send one fan-out message per target (the queue's event source mapping then audits them, a bounded number at
 *       a time, each retried and dead-lettered on its own), and publish {@code TargetsNotAudited} — the targets
 *       without a completed audit for {@code staleAfter} — with {@code TargetsDispatched};</li>
 *   <li>{@link #audit}: one target (a fan-out message, or a spoke's node group change event): the
 *       {@link TargetAuditor} reads it through its spoke role and audits it; a completed audit is recorded in the
 *       {@link AuditLedger}. A failure propagates to the caller, which reports that message as failed.</li>
 * </ul>
 */
public final class HubRun {
    public static final String TARGETS_NOT_AUDITED = "TargetsNotAudited";
    public static final String TARGETS_DISPATCHED = "TargetsDispatched";

    /** One target's audit; throws when it could not be audited. */
    @FunctionalInterface
    public interface TargetAuditor {
        /** @param clusters empty = every cluster of the target */
        void audit(AuditTarget target, List<String> clusters);
    }

    /** What a dispatch did. */
    public record Dispatched(List<AuditTarget> targets, java.util.Map<String, String> skipped,
                             List<AuditTarget> notAudited) {
    }

    private final TargetSelection selection;
    private final AccountDirectory directory;
    private final TargetQueue queue;
    private final AuditLedger ledger;
    private final MetricsSink metrics;
    private final Duration staleAfter;
    private final TargetAuditor auditor;

    public HubRun(TargetSelection selection, AccountDirectory directory, TargetQueue queue, AuditLedger ledger,
                  MetricsSink metrics, Duration staleAfter, TargetAuditor auditor) {
        this.selection = requireNonNull(selection, "selection");
        this.directory = requireNonNull(directory, "directory");
        this.queue = requireNonNull(queue, "queue");
        this.ledger = requireNonNull(ledger, "ledger");
        this.metrics = requireNonNull(metrics, "metrics");
        this.staleAfter = requireNonNull(staleAfter, "staleAfter");
        this.auditor = requireNonNull(auditor, "auditor");
    }

    /**
     * Staleness is measured before this dispatch's audits run: a target counts until an audit completes, so the
     * metric reads no healthier than what is known.
     */
    public Dispatched dispatch(Instant now, Consumer<String> progress) {
        TargetSelection.Resolved resolved = selection.resolve(directory);
        List<AuditTarget> stale = StaleTargets.of(resolved.targets(), ledger.lastAudited(resolved.targets()), now,
                staleAfter);
        metrics.publish(List.of(
                new MetricPoint(TARGETS_NOT_AUDITED, "Count", stale.size(), List.of(), now),
                new MetricPoint(TARGETS_DISPATCHED, "Count", resolved.targets().size(), List.of(), now)));
        if (!stale.isEmpty())
            progress.accept("targets not audited within %s: %s".formatted(staleAfter,
                    String.join(", ", stale.stream().limit(50).map(AuditTarget::key).toList())
                            + (stale.size() > 50 ? " and %d more".formatted(stale.size() - 50) : "")));
        queue.send(resolved.targets());
        progress.accept("dispatched %d targets (%d accounts skipped)".formatted(resolved.targets().size(),
                resolved.skipped().size()));
        return new Dispatched(resolved.targets(), resolved.skipped(), stale);
    }

    /**
     * Records the audit's completion time (read from {@code clock} after it) in the ledger.
     *
     * @throws RuntimeException when the target could not be audited (its message is then retried)
     */
    public void audit(AuditTarget target, List<String> clusters, java.time.Clock clock) {
        auditor.audit(target, clusters);
        ledger.audited(target, clock.instant());
    }
}
