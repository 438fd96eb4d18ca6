package dev.eksip.app.runway;

import java.util.Locale;

/**
 * What the trend says about one subnet's free capacity. Exhaustive by design: every consumer switches over it.
 */
public sealed interface Runway {
    /** The number published as {@code RunwayDays}, or -1 when there is no finite runway (nothing to publish). */
    double days();

    /** A short human phrase for tables and alerts ({@code "10 d (9–12)"}, {@code "no trend"} …). */
    String describe();

    /**
     * Free capacity falls significantly (the slope's whole 95 % interval is below zero): {@code days} at the
     * median slope, {@code daysLow} at the steepest plausible slope, {@code daysHigh} at the gentlest.
     */
    record Declining(double perDay, double perDayLow, double perDayHigh, double days, double daysLow,
                     double daysHigh) implements Runway {
        @Override
        public String describe() {
            return String.format(Locale.ROOT, "%s d (%s–%s)", fmt(days), fmt(daysLow), fmt(daysHigh));
        }
    }

    /** Nothing free left now: the runway is over, whatever the trend. */
    record Exhausted() implements Runway {
        @Override
        public double days() {
            return 0;
        }

        @Override
        public String describe() {
            return "0 d (exhausted)";
        }
    }

    /** Why a series gave no runway. */
    enum Reason {
        /** Free capacity grows (slope's interval entirely above zero). */
        GROWING("growing"),
        /** The slope is not significantly different from zero (flat, or too noisy to tell). */
        NOT_SIGNIFICANT("no trend"),
        /** Fewer days of history than the interval needs. */
        TOO_SHORT("too little history");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** No finite runway: {@code perDay} is the median slope when one was fitted (NaN otherwise). */
    record NoTrend(double perDay, Reason reason) implements Runway {
        @Override
        public double days() {
            return -1;
        }

        @Override
        public String describe() {
            return reason.text();
        }
    }

    private static String fmt(double d) {
        return d >= 100 ? String.format(Locale.ROOT, "%.0f", d) : String.format(Locale.ROOT, "%.1f", d);
    }
}
