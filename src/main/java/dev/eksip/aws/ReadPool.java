package dev.eksip.aws;

import static java.util.Objects.requireNonNull;

import dev.eksip.domain.InventoryGap;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs the inventory's independent reads at most {@link #bound()} calls at a time, with results and gaps in request
 * order whatever the completion order.
 *
 * <p>Two kinds of task: a {@link #leaf} makes AWS calls and takes one of the {@code bound} call threads (platform
 * threads: the URL-connection HTTP client blocks in {@code synchronized} code, which would pin a virtual thread's
 * carrier on Java 21); a {@link #branch} only forks and joins other tasks, on a virtual thread of its own, holding no
 * call thread (so a branch waiting for its leaves never starves them). A leaf must not fork.
 *
 * <p>Each task gets its own {@link AwsCalls}; {@link Forked#join} adds the task's gaps to the joiner's, so joining in
 * program order gives the gaps in the order a serial read adds them. With a bound of 1 nothing runs concurrently:
 * a task runs on the caller's thread when it is joined, exactly as the serial reads did (and a fatal failure stops
 * the reads after it).
 */
final class ReadPool implements AutoCloseable {
    private final int bound;
    private final ExecutorService callThreads;
    private final ExecutorService branchThreads;

    /** @param bound the most AWS calls in flight at once, at least 1 */
    ReadPool(int bound) {
        if (bound < 1) throw new IllegalArgumentException("read concurrency must be at least 1: " + bound);
        this.bound = bound;
        this.callThreads = bound == 1 ? null : Executors.newFixedThreadPool(bound, daemons());
        this.branchThreads = bound == 1 ? null : Executors.newVirtualThreadPerTaskExecutor();
    }

    int bound() {
        return bound;
    }

    /** A task that makes AWS calls: it runs when one of the bound's call threads is free. */
    <T> Forked<T> leaf(Function<AwsCalls, T> task) {
        return fork(task, callThreads);
    }

    /** A task that forks and joins others (and makes no call itself). */
    <T> Forked<T> branch(Function<AwsCalls, T> task) {
        return fork(task, branchThreads);
    }

    /** One leaf per input, joined in input order: the results in input order, the gaps added to {@code calls}. */
    <I, T> List<T> leaves(List<I> inputs, AwsCalls calls, java.util.function.BiFunction<AwsCalls, I, T> task) {
        return joinAll(inputs.stream().map(i -> leaf(c -> task.apply(c, i))).toList(), calls);
    }

    /** One branch per input, joined in input order. */
    <I, T> List<T> branches(List<I> inputs, AwsCalls calls, java.util.function.BiFunction<AwsCalls, I, T> task) {
        return joinAll(inputs.stream().map(i -> branch(c -> task.apply(c, i))).toList(), calls);
    }

    private static <T> List<T> joinAll(List<Forked<T>> forks, AwsCalls calls) {
        List<T> out = new ArrayList<>(forks.size());
        for (Forked<T> f : forks) out.add(f.join(calls));
        return out;
    }

    private <T> Forked<T> fork(Function<AwsCalls, T> task, ExecutorService executor) {
        requireNonNull(task, "task");
        List<InventoryGap> gaps = new ArrayList<>();
        AwsCalls own = new AwsCalls(gaps);
        if (executor == null) return new Forked<>(null, task, own, gaps);
        return new Forked<>(CompletableFuture.supplyAsync(() -> task.apply(own), executor), null, own, gaps);
    }

    @Override
    public void close() {
        if (callThreads != null) callThreads.shutdownNow();
        if (branchThreads != null) branchThreads.shutdownNow();
    }

    /** A task under way (or, with a bound of 1, waiting to run at its join). */
    static final class Forked<T> {
        private final CompletableFuture<T> running;
        private final Function<AwsCalls, T> deferred;
        private final AwsCalls own;
        private final List<InventoryGap> gaps;

        private Forked(CompletableFuture<T> running, Function<AwsCalls, T> deferred, AwsCalls own,
                       List<InventoryGap> gaps) {
            this.running = running;
            this.deferred = deferred;
            this.own = own;
            this.gaps = gaps;
        }

        /**
         * The task's result once it has finished, its gaps added to {@code calls}; a failure of the task (e.g. a
         * fatal {@code AwsCallException}) is rethrown as it was thrown.
         */
        T join(AwsCalls calls) {
            T value;
            if (running == null) {
                value = deferred.apply(own);
            } else {
                try {
                    value = running.join();
                } catch (CompletionException e) {
                    if (e.getCause() instanceof RuntimeException r) throw r;
                    if (e.getCause() instanceof Error r) throw r;
                    throw e;
                }
            }
            gaps.forEach(calls::gap);
            return value;
        }
    }

    private static ThreadFactory daemons() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "aws-read-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
