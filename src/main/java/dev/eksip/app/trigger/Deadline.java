package dev.eksip.app.trigger;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * How long an invocation may still start audits: the time it has left ({@code Context.getRemainingTimeInMillis()}
 * in the function) less a reserve for writing the response. Time is a parameter here, never a clock: an audit is
 * started only when what is left after the reserve covers the longest audit seen so far in the invocation
 * ({@link #allowsStart(long)}); its duration is measured with the same supplier.
 *
 * @param remainingMillis the milliseconds the invocation has left, read whenever an audit may start
 * @param reserve         kept free for the response and the log lines after the last audit
 */
public record Deadline(LongSupplier remainingMillis, Duration reserve) {
    /** No limit (the CLI's direct invokes, tests). */
    public static final Deadline NONE = new Deadline(() -> Long.MAX_VALUE, Duration.ZERO);

    public Deadline {
        requireNonNull(remainingMillis, "remainingMillis");
        requireNonNull(reserve, "reserve");
        if (reserve.isNegative()) throw new IllegalArgumentException("reserve must not be negative: " + reserve);
    }

    long remaining() {
        return remainingMillis.getAsLong();
    }

    /** An audit expected to take {@code expectedMillis} can start now and end before the reserve. */
    boolean allowsStart(long expectedMillis) {
        long left = remaining();
        if (left == Long.MAX_VALUE) return true;
        long spare = left - reserve.toMillis();
        return spare > 0 && spare >= expectedMillis;
    }
}
