package dev.eksip.app.runway;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Theil–Sen slope (the median of all pairwise slopes) with Sen's distribution-free confidence interval, the
 * one derived from Kendall's S statistic: with {@code N} pairwise slopes sorted ascending,
 * {@code C = z · sqrt(Var(S))}, {@code Var(S) = [n(n−1)(2n+5) − Σ t(t−1)(2t+5)] / 18} (t: sizes of groups of
 * tied values), the limits are the slopes of rank {@code M1 = (N − C)/2} and {@code M2 + 1 = (N + C)/2 + 1}
 * (1-based, interpolated). Sources: P. K. Sen, "Estimates of the regression coefficient based on Kendall's tau",
 * JASA 63 (1968) 1379–1389; R. O. Gilbert, <i>Statistical Methods for Environmental Pollution Monitoring</i>
 * (1987) §16.5.1–16.5.2. When a rank falls outside {@code [1, N]} (too few points for the confidence asked) that
 * limit is infinite. Breakdown point ≈ 29 %: a spike or a bad day moves the median, not the fit.
 */
public final class TheilSen {
    /** Two-sided 95 %: the standard normal's 0.975 quantile. */
    public static final double Z_95 = 1.959963984540054;

    /**
     * A fitted line {@code y = intercept + slope·x} and the slope's interval; {@code slopeLow} may be
     * {@code -Infinity} and {@code slopeHigh} {@code +Infinity} when the data are too few to bound them.
     */
    public record Fit(double slope, double intercept, double slopeLow, double slopeHigh, int points) {
    }

    private TheilSen() {
    }

    /** @throws IllegalArgumentException fewer than two distinct x, or arrays of different length */
    public static Fit fit(double[] x, double[] y, double z) {
        if (x.length != y.length)
            throw new IllegalArgumentException("x and y differ in length: %d vs %d".formatted(x.length, y.length));
        int n = x.length;
        List<Double> slopes = new ArrayList<>(n * (n - 1) / 2);
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++)
                if (x[j] != x[i]) slopes.add((y[j] - y[i]) / (x[j] - x[i]));
        if (slopes.isEmpty())
            throw new IllegalArgumentException("need at least two distinct x values, got " + n + " points");
        double[] sorted = slopes.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double slope = median(sorted);
        double[] residual = new double[n];
        for (int i = 0; i < n; i++) residual[i] = y[i] - slope * x[i];
        double intercept = median(residual.clone());
        int count = sorted.length;
        double c = z * Math.sqrt(varianceOfS(n, y));
        double m1 = (count - c) / 2;
        double m2 = (count + c) / 2 + 1;
        double low = m1 < 1 ? Double.NEGATIVE_INFINITY : rank(sorted, m1);
        double high = m2 > count ? Double.POSITIVE_INFINITY : rank(sorted, m2);
        return new Fit(slope, intercept, low, high, n);
    }

    /** Ordinary least squares slope and intercept, for comparison only ({@link Fit} limits are NaN). */
    public static Fit leastSquares(double[] x, double[] y) {
        int n = x.length;
        double mx = Arrays.stream(x).average().orElseThrow();
        double my = Arrays.stream(y).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        double slope = sxy / sxx;
        return new Fit(slope, my - slope * mx, Double.NaN, Double.NaN, n);
    }

    static double varianceOfS(int n, double[] y) {
        Map<Double, Integer> ties = new HashMap<>();
        for (double v : y) ties.merge(v, 1, Integer::sum);
        double tieTerm = 0;
        for (int t : ties.values()) tieTerm += t * (t - 1.0) * (2.0 * t + 5);
        return (n * (n - 1.0) * (2.0 * n + 5) - tieTerm) / 18;
    }

    /** The value at 1-based fractional rank {@code r}, linearly interpolated. */
    private static double rank(double[] sorted, double r) {
        int lo = (int) Math.floor(r);
        double frac = r - lo;
        double a = sorted[lo - 1];
        return lo >= sorted.length ? a : a + frac * (sorted[lo] - a);
    }

    private static double median(double[] v) {
        Arrays.sort(v);
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }
}
