package dev.eksip.app.runway;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** One observation of a subnet's free capacity (addresses, or free /28 blocks for prefix-delegation subnets). */
public record Sample(Instant at, double free) {
    public Sample {
        requireNonNull(at, "at");
        if (!Double.isFinite(free)) throw new IllegalArgumentException("free must be finite, got " + free);
    }
}
