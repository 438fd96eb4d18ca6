package dev.eksip.app.runway;

import java.time.Instant;
import java.util.List;

/**
 * Series → {@link Runway}: daily minima ({@link DailyMinima}), a Theil–Sen slope with Sen's 95 % interval
 * ({@link TheilSen}), then {@code level / −slope} days ({@link #level}). A runway is given only when the slope's whole interval
 * is below zero ("significantly negative"); otherwise {@link Runway.NoTrend}. At least {@link #MIN_DAYS} distinct
 * days are needed: with fewer, Sen's interval is unbounded at 95 % (Var(S) too small for rank ≥ 1).
 */
public final class RunwayEstimator {
    /** Distinct days needed before a trend is reported (n = 6 is the smallest with a bounded 95 % interval). */
    public static final int MIN_DAYS = 6;

    private RunwayEstimator() {
    }

    /**
     * @param samples the history (any order, any resolution; gaps allowed)
     * @param asOf    the audit time; day 0 is its UTC day
     * @param current free capacity now (the audit's figure, same unit as the samples)
     */
    public static Runway estimate(List<Sample> samples, Instant asOf, double current) {
        DailyMinima daily = DailyMinima.of(samples, asOf);
        double level = level(daily, current);
        if (level <= 0) return new Runway.Exhausted();
        if (daily.size() < MIN_DAYS) return new Runway.NoTrend(Double.NaN, Runway.Reason.TOO_SHORT);
        double[] x = daily.days().stream().mapToDouble(Integer::doubleValue).toArray();
        double[] y = daily.minima().stream().mapToDouble(Double::doubleValue).toArray();
        TheilSen.Fit fit = TheilSen.fit(x, y, TheilSen.Z_95);
        return fromSlope(fit.slope(), fit.slopeLow(), fit.slopeHigh(), level);
    }

    /**
     * The level the runway counts down from: the audit's figure, or today's worst point when that was lower (an
     * audit at a quiet hour must not hide the daily peak the subnet has to survive).
     */
    public static double level(DailyMinima daily, double current) {
        boolean today = daily.size() > 0 && daily.days().getLast() == 0;
        return today ? Math.min(current, daily.latest()) : current;
    }

    /** The runway a slope and its interval give for {@code current} free. */
    static Runway fromSlope(double slope, double low, double high, double current) {
        if (current <= 0) return new Runway.Exhausted();
        if (!(high < 0)) {
            return new Runway.NoTrend(slope, low > 0 ? Runway.Reason.GROWING : Runway.Reason.NOT_SIGNIFICANT);
        }
        // steepest plausible decline (low, possibly -inf) → shortest runway; gentlest (high) → longest
        double daysLow = Double.isInfinite(low) ? 0 : current / -low;
        return new Runway.Declining(slope, low, high, current / -slope, daysLow, current / -high);
    }
}
