package dev.eksip.app.runway;

import static dev.eksip.app.runway.SyntheticSeries.AS_OF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

class RunwayEstimatorTest {

    private static double current(List<Sample> samples) {
        return samples.getLast().free();
    }

    @Test
    void tenAddressesADayWithAHundredLeftIsTenDays() {
        List<Sample> daily = new ArrayList<>();
        for (int d = 13; d >= 0; d--) daily.add(new Sample(AS_OF.minus(Duration.ofDays(d)), 100 + 10 * d));
        Runway r = RunwayEstimator.estimate(daily, AS_OF, 100);
        assertThat(r).isInstanceOf(Runway.Declining.class);
        Runway.Declining d = (Runway.Declining) r;
        assertThat(d.days()).isCloseTo(10, within(1e-9));
        assertThat(d.daysLow()).isCloseTo(10, within(1e-9));
        assertThat(d.daysHigh()).isCloseTo(10, within(1e-9));
        assertThat(d.perDay()).isCloseTo(-10, within(1e-9));
        assertThat(r.describe()).isEqualTo("10.0 d (10.0–10.0)");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void everyDecliningSyntheticSeriesHasItsTrueRunwayInsideTheInterval(long seed) {
        for (SyntheticSeries.Case c : SyntheticSeries.all(seed)) {
            if (c.trueSlope() >= 0) continue;
            double level = RunwayEstimator.level(DailyMinima.of(c.samples(), AS_OF), current(c.samples()));
            Runway r = RunwayEstimator.estimate(c.samples(), AS_OF, current(c.samples()));
            assertThat(r).as(c.name()).isInstanceOf(Runway.Declining.class);
            Runway.Declining d = (Runway.Declining) r;
            double truth = level / -c.trueSlope();
            assertThat(truth).as("%s: true runway inside %s", c.name(), r.describe())
                    .isBetween(d.daysLow() - 1e-9, d.daysHigh() + 1e-9);
            assertThat(d.perDayLow()).as(c.name()).isLessThanOrEqualTo(d.perDay());
            assertThat(d.perDayHigh()).as(c.name()).isGreaterThanOrEqualTo(d.perDay());
        }
    }

    @Test
    void aDiurnalCycleIsMeasuredAtItsDailyPeakNotAtTheAuditHour() {
        List<Sample> s = SyntheticSeries.hourly(t -> SyntheticSeries.linear(t) + 30 - SyntheticSeries.diurnal(t));
        // the audit runs at 23:30, a quiet hour with ~130 free; today's 14:00 peak left 100 + 10 · 9.5/24 free
        Runway.Declining d = (Runway.Declining) RunwayEstimator.estimate(s, AS_OF, current(s));
        assertThat(current(s)).isGreaterThan(125);
        assertThat(d.days()).isCloseTo((100 + 10 * 9.5 / 24) / 10, within(1e-9));
    }

    @Test
    void aFlatSeriesHasNoTrend() {
        SyntheticSeries.Case flat = SyntheticSeries.all(3).stream().filter(c -> c.name().startsWith("flat"))
                .findFirst().orElseThrow();
        Runway r = RunwayEstimator.estimate(flat.samples(), AS_OF, 500);
        assertThat(r).isEqualTo(new Runway.NoTrend(((Runway.NoTrend) r).perDay(), Runway.Reason.NOT_SIGNIFICANT));
        assertThat(r.days()).isEqualTo(-1);
        assertThat(r.describe()).isEqualTo("no trend");
    }

    @Test
    void growingFreeSpaceHasNoRunway() {
        List<Sample> s = SyntheticSeries.hourly(t -> 300 + 5 * t);
        Runway r = RunwayEstimator.estimate(s, AS_OF, 300);
        assertThat(r).isInstanceOf(Runway.NoTrend.class);
        assertThat(((Runway.NoTrend) r).reason()).isEqualTo(Runway.Reason.GROWING);
        assertThat(((Runway.NoTrend) r).perDay()).isCloseTo(5, within(1e-9));
    }

    @Test
    void fewerThanSixDaysIsTooShortAndSixIsEnough() {
        List<Sample> five = new ArrayList<>();
        for (int d = 4; d >= 0; d--) five.add(new Sample(AS_OF.minus(Duration.ofDays(d)), 100 + 10 * d));
        assertThat(RunwayEstimator.estimate(five, AS_OF, 100))
                .isEqualTo(new Runway.NoTrend(Double.NaN, Runway.Reason.TOO_SHORT));
        List<Sample> six = new ArrayList<>(five);
        six.addFirst(new Sample(AS_OF.minus(Duration.ofDays(5)), 150));
        assertThat(RunwayEstimator.estimate(six, AS_OF, 100)).isInstanceOf(Runway.Declining.class);
    }

    @Test
    void nothingFreeIsExhaustedWhateverTheHistory() {
        assertThat(RunwayEstimator.estimate(List.of(), AS_OF, 0)).isEqualTo(new Runway.Exhausted());
        assertThat(new Runway.Exhausted().days()).isZero();
    }

    @Test
    void senIntervalMatchesGilbertsWorkedRanks() {
        // n = 10 distinct points, no ties: N = 45, Var(S) = 10·9·25/18 = 125, C = 1.96·sqrt(125) = 21.91,
        // M1 = 11.54, M2 + 1 = 34.46 (Gilbert 1987 §16.5.2)
        assertThat(TheilSen.varianceOfS(10, new double[]{1, 2, 3, 4, 5, 6, 7, 8, 9, 10})).isEqualTo(125);
        double[] x = new double[10];
        double[] y = new double[10];
        for (int i = 0; i < 10; i++) {
            x[i] = i;
            y[i] = i * i;   // pairwise slopes (i + j) for i < j: 1 … 17
        }
        TheilSen.Fit fit = TheilSen.fit(x, y, TheilSen.Z_95);
        List<Double> slopes = new ArrayList<>();
        for (int i = 0; i < 10; i++) for (int j = i + 1; j < 10; j++) slopes.add((double) (i + j));
        slopes.sort(Double::compare);
        double c = TheilSen.Z_95 * Math.sqrt(125);
        double m1 = (45 - c) / 2;
        double m2 = (45 + c) / 2 + 1;
        assertThat(fit.slope()).isEqualTo(slopes.get(22));
        assertThat(fit.slopeLow()).isCloseTo(interpolate(slopes, m1), within(1e-12));
        assertThat(fit.slopeHigh()).isCloseTo(interpolate(slopes, m2), within(1e-12));
    }

    private static double interpolate(List<Double> sorted, double rank) {
        int lo = (int) Math.floor(rank);
        return sorted.get(lo - 1) + (rank - lo) * (sorted.get(lo) - sorted.get(lo - 1));
    }
}
