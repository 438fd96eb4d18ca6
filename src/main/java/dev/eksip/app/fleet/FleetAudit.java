package dev.eksip.app.fleet;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Audits many targets, at most {@code concurrency} at a time: each target's audit is a chain of blocking AWS
 * calls in another account, so they overlap their latency. A target that fails (its role cannot be assumed, a call
 * it needs is denied, its region is not enabled) becomes a {@link TargetResult.Failed} naming why; it never delays
 * or fails another target. Results come back in the targets' order, whatever order they finish in.
 */
public final class FleetAudit {
    /** One target's audit; any exception it throws fails that target only. */
    @FunctionalInterface
    public interface Step<R> {
        R audit(AuditTarget target);
    }

    private FleetAudit() {
    }

    /** @throws IllegalArgumentException when {@code concurrency} is below 1 */
    public static <R> List<TargetResult<R>> run(List<AuditTarget> targets, int concurrency, Step<R> step,
                                                Consumer<String> progress) {
        requireNonNull(step, "step");
        requireNonNull(progress, "progress");
        if (concurrency < 1) throw new IllegalArgumentException("concurrency: expected at least 1, got " + concurrency);
        if (targets.isEmpty()) return List.of();
        List<Future<TargetResult<R>>> futures = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, targets.size()),
                Thread.ofPlatform().name("target-", 0).daemon().factory());
        try {
            for (AuditTarget target : targets) futures.add(pool.submit(() -> one(target, step, progress)));
            List<TargetResult<R>> results = new ArrayList<>(targets.size());
            for (Future<TargetResult<R>> f : futures) results.add(join(f));
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static <R> TargetResult<R> one(AuditTarget target, Step<R> step, Consumer<String> progress) {
        try {
            R value = step.audit(target);
            progress.accept("audited " + target.key());
            return new TargetResult.Audited<>(target, value);
        } catch (RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : oneLine(e.getMessage());
            progress.accept("failed %s: %s".formatted(target.key(), reason));
            return new TargetResult.Failed<>(target, reason);
        }
    }

    private static <R> TargetResult<R> join(Future<TargetResult<R>> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while auditing targets", e);
        } catch (ExecutionException e) {   // an Error escaped a step: not a target's fault
            if (e.getCause() instanceof Error error) throw error;
            throw new IllegalStateException(e.getCause());
        }
    }

    static String oneLine(String s) {
        String line = s.replaceAll("\\s+", " ").strip();
        return line.length() <= 300 ? line : line.substring(0, 297) + "...";
    }
}
