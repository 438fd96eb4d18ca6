package dev.eksip.app.runway;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A series reduced to each UTC day's worst point (its minimum free capacity). Diurnal scale-up/scale-down cycles
 * then cost one point a day instead of a sine wave in the fit, and the runway is measured against the daily peak
 * demand, which is the one that exhausts a subnet. Days with no sample are simply absent (gaps are not filled).
 *
 * @param days    day numbers relative to {@code asOf}'s day (0 = that day, -1 = the day before …), ascending
 * @param minima  each day's minimum, same order
 */
public record DailyMinima(List<Integer> days, List<Double> minima) {
    static final long SECONDS_PER_DAY = 86_400;

    public DailyMinima {
        days = List.copyOf(days);
        minima = List.copyOf(minima);
        if (days.size() != minima.size())
            throw new IllegalArgumentException("days and minima differ in length: %d vs %d"
                    .formatted(days.size(), minima.size()));
    }

    /** Samples after {@code asOf} are ignored (they cannot be, unless clocks disagree). */
    public static DailyMinima of(List<Sample> samples, Instant asOf) {
        long today = Math.floorDiv(asOf.getEpochSecond(), SECONDS_PER_DAY);
        TreeMap<Integer, Double> byDay = new TreeMap<>();
        for (Sample s : samples) {
            if (s.at().isAfter(asOf)) continue;
            int day = (int) (Math.floorDiv(s.at().getEpochSecond(), SECONDS_PER_DAY) - today);
            byDay.merge(day, s.free(), Math::min);
        }
        return new DailyMinima(List.copyOf(byDay.keySet()), byDay.values().stream().toList());
    }

    public int size() {
        return days.size();
    }

    /** Days from the first to the last observed day, inclusive (0 when empty). */
    public int spanDays() {
        return days.isEmpty() ? 0 : days.getLast() - days.getFirst() + 1;
    }

    /** The most recent day's minimum. */
    public double latest() {
        if (minima.isEmpty()) throw new IllegalStateException("no days");
        return minima.getLast();
    }

    /** Day → minimum, for tests and logs. */
    public Map<Integer, Double> asMap() {
        TreeMap<Integer, Double> out = new TreeMap<>();
        for (int i = 0; i < days.size(); i++) out.put(days.get(i), minima.get(i));
        return out;
    }
}
