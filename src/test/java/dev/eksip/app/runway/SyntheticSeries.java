package dev.eksip.app.runway;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;

/**
 * Synthetic free-address series with known truth: hourly samples over 14 days ending at {@link #AS_OF}; the
 * functions take {@code t}, days relative to {@code AS_OF} (≤ 0), and return free addresses. The declining ones
 * all lose {@link #TRUE_SLOPE} a day.
 */
final class SyntheticSeries {
    static final Instant AS_OF = Instant.parse("2026-12-01T23:30:00Z");
    static final double TRUE_SLOPE = -10;
    static final int DAYS = 14;

    /** A named series and the slope that generated it (the trend a perfect estimator would recover). */
    record Case(String name, List<Sample> samples, double trueSlope) {
    }

    private SyntheticSeries() {
    }

    static double linear(double t) {
        return 100 + TRUE_SLOPE * t;
    }

    /** Pods scale up in the afternoon: up to 30 more addresses taken, peak at 14:00 UTC. */
    static double diurnal(double t) {
        double hour = ((t * 24) % 24 + 24 + 23.5) % 24;
        return 15 * (1 + Math.cos(2 * Math.PI * (hour - 14) / 24));
    }

    static List<Sample> hourly(DoubleUnaryOperator free) {
        List<Sample> out = new ArrayList<>();
        Instant start = AS_OF.truncatedTo(java.time.temporal.ChronoUnit.DAYS).minus(Duration.ofDays(DAYS - 1));
        for (Instant at = start; !at.isAfter(AS_OF); at = at.plus(Duration.ofHours(1))) {
            double t = Duration.between(AS_OF, at).toSeconds() / 86_400.0;
            out.add(new Sample(at, free.applyAsDouble(t)));
        }
        return out;
    }

    /** The sample's UTC day relative to {@link #AS_OF}'s (0 = that day). */
    static long day(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), 86_400) - Math.floorDiv(AS_OF.getEpochSecond(), 86_400);
    }

    static List<Case> all(long seed) {
        Random noise = new Random(seed);
        Random gaps = new Random(seed + 1);
        return List.of(
                new Case("linear decline", hourly(SyntheticSeries::linear), TRUE_SLOPE),
                new Case("diurnal + decline", hourly(t -> linear(t) + 30 - diurnal(t)), TRUE_SLOPE),
                new Case("step (new node group, -60 on day -6)",
                        hourly(t -> linear(t) - (t >= -6 ? 60 : 0) + 60), TRUE_SLOPE),
                new Case("spike (-150 for an hour on day -4)",
                        hourly(t -> linear(t) - (Math.abs(t + 4.0) < 0.6 / 24 ? 150 : 0)), TRUE_SLOPE),
                new Case("noise (sd 8 per hour) + diurnal",
                        hourly(t -> linear(t) + 30 - diurnal(t) + 8 * noise.nextGaussian()), TRUE_SLOPE),
                new Case("gaps (days -10, -9, -5 missing, 30 % of hours lost)",
                        hourly(SyntheticSeries::linear).stream().filter(s -> {
                            long day = day(s.at());
                            return day != -10 && day != -9 && day != -5 && gaps.nextDouble() > 0.3;
                        }).toList(), TRUE_SLOPE),
                new Case("flat (500, noise sd 3)", hourly(t -> 500 + 3 * noise.nextGaussian()), 0),
                new Case("growing (+5/day)", hourly(t -> 300 + 5 * t), 5));
    }
}
