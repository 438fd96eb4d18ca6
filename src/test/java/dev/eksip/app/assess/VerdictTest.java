package dev.eksip.app.assess;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.domain.GrowthForecast;
import dev.eksip.domain.Severity;
import dev.eksip.domain.Subnet;
import dev.eksip.simulation.SubnetFigures;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The severity policy and its sentences, from figures alone. */
class VerdictTest {
    /** A subnet counted in free /28 blocks (prefix delegation). */
    private static SubnetFigures prefixModeFigures(int freeNow, int desired, int max, int cost, int fit) {
        return figures(true, freeNow, desired, max, cost, fit);
    }

    /** A subnet counted in addresses. */
    private static SubnetFigures addressFigures(int freeNow, int desired, int max, int cost, int fit) {
        return figures(false, freeNow, desired, max, cost, fit);
    }

    private static SubnetFigures figures(boolean prefixMode, int freeNow, int desired, int max, int cost, int fit) {
        Subnet s = new Subnet("subnet-a", "vpc-1", "us-east-1a", "10.0.0.0/24", 200, Map.of(), List.of());
        return new SubnetFigures(s, 251, 0, prefixMode, prefixMode ? freeNow / 16 : -1, freeNow,
                new GrowthForecast(desired, desired, desired), new GrowthForecast(max, max, max), cost, fit,
                List.of("c1"), List.of(), 2);
    }

    @Test
    void shortAtDesiredIsCritical() {
        assertThat(Verdict.of(addressFigures(200, -3, -50, 20, 10)))
                .isEqualTo(new Verdict(Severity.CRITICAL, "At desired size the subnet is short by 3 addresses."));
    }

    @Test
    void noRoomForOneMoreNodeIsCritical() {
        assertThat(Verdict.of(prefixModeFigures(16, 16, 16, 32, 0))).isEqualTo(new Verdict(Severity.CRITICAL,
                "Only 16 addresses in free /28 blocks left: not enough for one more node (needs 32)."));
    }

    @Test
    void shortAtMaxIsAWarning() {
        assertThat(Verdict.of(addressFigures(200, 100, -7, 20, 10))).isEqualTo(new Verdict(Severity.WARNING,
                "At max size the subnet is short by 7 addresses; 10 more nodes fit."));
    }

    @Test
    void lessThanTenPercentLeftAtMaxIsAWarning() {
        assertThat(Verdict.of(addressFigures(200, 100, 24, 20, 10))).isEqualTo(new Verdict(Severity.WARNING,
                "At max size only 24 addresses (10% of 251 usable) remain."));
        assertThat(Verdict.of(addressFigures(200, 100, 26, 20, 10)).severity()).isEqualTo(Severity.OK);
    }

    @Test
    void okSaysWhatRemainsAndHowManyNodesFitWhenKnown() {
        assertThat(Verdict.of(addressFigures(200, 150, 100, 20, 10)))
                .isEqualTo(new Verdict(Severity.OK, "100 addresses remain at max size; 10 more nodes fit."));
        assertThat(Verdict.of(addressFigures(200, 200, 200, 0, -1)))
                .isEqualTo(new Verdict(Severity.OK, "200 addresses remain at max size."));
    }
}
