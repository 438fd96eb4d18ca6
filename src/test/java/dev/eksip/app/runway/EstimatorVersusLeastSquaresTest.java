package dev.eksip.app.runway;

import static dev.eksip.app.runway.SyntheticSeries.AS_OF;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Theil–Sen on daily minima against least squares on the same daily minima and against least squares on the raw
 * hourly samples (what a hand-wired {@code predict_linear} does), over the synthetic set with known slopes and 50
 * seeds. Prints the mean absolute slope error per series and overall (the figures quoted in the closing
 * note); asserts Theil–Sen's overall error is the smallest.
 */
class EstimatorVersusLeastSquaresTest {
    private static final int SEEDS = 50;

    @Test
    void theilSenOnDailyMinimaIsCloserToTheTrueSlopeThanLeastSquares() {
        Map<String, double[]> errors = new LinkedHashMap<>();   // name → {theil-sen, ls daily, ls raw}
        for (long seed = 1; seed <= SEEDS; seed++) {
            for (SyntheticSeries.Case c : SyntheticSeries.all(seed)) {
                DailyMinima daily = DailyMinima.of(c.samples(), AS_OF);
                double[] x = daily.days().stream().mapToDouble(Integer::doubleValue).toArray();
                double[] y = daily.minima().stream().mapToDouble(Double::doubleValue).toArray();
                double[] rawX = c.samples().stream()
                        .mapToDouble(s -> (s.at().getEpochSecond() - AS_OF.getEpochSecond()) / 86_400.0).toArray();
                double[] rawY = c.samples().stream().mapToDouble(Sample::free).toArray();
                double[] e = errors.computeIfAbsent(c.name(), k -> new double[3]);
                e[0] += Math.abs(TheilSen.fit(x, y, TheilSen.Z_95).slope() - c.trueSlope()) / SEEDS;
                e[1] += Math.abs(TheilSen.leastSquares(x, y).slope() - c.trueSlope()) / SEEDS;
                e[2] += Math.abs(TheilSen.leastSquares(rawX, rawY).slope() - c.trueSlope()) / SEEDS;
            }
        }
        double[] total = new double[3];
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "%-52s %12s %12s %12s%n", "mean |slope error| (addresses/day), 50 seeds", "Theil-Sen", "LS daily",
                "LS hourly"));
        errors.forEach((name, e) -> {
            table.append(String.format(Locale.ROOT, "%-52s %12.3f %12.3f %12.3f%n", name, e[0], e[1], e[2]));
            for (int i = 0; i < 3; i++) total[i] += e[i] / errors.size();
        });
        table.append(String.format(Locale.ROOT, "%-52s %12.3f %12.3f %12.3f%n", "all series", total[0], total[1],
                total[2]));
        System.out.print(table);
        assertThat(errors).hasSize(8);
        assertThat(total[0]).as(table.toString()).isLessThan(total[1]).isLessThan(total[2]);
        // the cases robustness is for: a spike and a step must not drag it as far as they drag least squares
        for (String robust : List.of("spike (-150 for an hour on day -4)", "step (new node group, -60 on day -6)"))
            assertThat(errors.get(robust)[0]).as(robust + "\n" + table).isLessThan(errors.get(robust)[1]);
    }
}
