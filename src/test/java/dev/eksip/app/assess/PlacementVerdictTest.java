package dev.eksip.app.assess;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.domain.GrowthForecast;
import dev.eksip.domain.PlacementBand;
import dev.eksip.domain.PrefixPlacement;
import dev.eksip.domain.Severity;
import dev.eksip.domain.Subnet;
import dev.eksip.simulation.SubnetFigures;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** In prefix mode the severity is judged on random /32 placement's expected figures, the band's headline. */
class PlacementVerdictTest {
    private static SubnetFigures figures(PrefixPlacement band) {
        Subnet s = new Subnet("subnet-pd", "vpc-1", "us-east-1a", "10.0.0.0/22", 1019, Map.of(), List.of());
        // packed: 62 free blocks, 40 left at desired, 10 at max, 62 nodes fit
        return new SubnetFigures(s, 1019, 0, true, 62, 62 * 16, new GrowthForecast(640, 640, 640),
                new GrowthForecast(160, 160, 160), 16, 62, List.of("c1"), List.of(), 0, Optional.of(band),
                new GrowthForecast(640, 640, 640), Map.of(), List.of(), 0, 0);
    }

    @Test
    void packedHeadroomButShortAtMaxUnderRandomPlacementIsAWarning() {
        PrefixPlacement band = new PrefixPlacement(new PlacementBand(62, 39, 37), new PlacementBand(40, 18, 15),
                new PlacementBand(10, -12, -14));
        Verdict v = Verdict.of(figures(band));
        assertThat(v.severity()).isEqualTo(Severity.WARNING);
        assertThat(v.reason()).isEqualTo("At max size the subnet is short by 192 addresses in free /28 blocks "
                + "(expected under random /32 placement); 39 more nodes fit.");
    }

    @Test
    void shortAtDesiredUnderRandomPlacementIsCritical() {
        PrefixPlacement band = new PrefixPlacement(new PlacementBand(62, 39, 37), new PlacementBand(40, -1, -3),
                new PlacementBand(10, -12, -14));
        assertThat(Verdict.of(figures(band)).severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void noNodeExpectedToFitIsCriticalAndSaysWhy() {
        PrefixPlacement band = new PrefixPlacement(new PlacementBand(62, 0, 0), new PlacementBand(40, 1, 0),
                new PlacementBand(10, 1, 0));
        Verdict v = Verdict.of(figures(band));
        assertThat(v.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(v.reason()).contains("62 free /28 blocks").contains("at random").contains("62 nodes would fit");
    }

    @Test
    void theForecastCarriesTheBandAndTheExpectedFit() {
        PrefixPlacement band = new PrefixPlacement(new PlacementBand(62, 39, 37), new PlacementBand(40, 30, 28),
                new PlacementBand(10, 8, 6));
        var forecast = Assessment.subnet(figures(band),
                new dev.eksip.testing.inventory.InventoryBuilder().build(java.time.Instant.EPOCH));
        assertThat(forecast.nodesUntilExhaustion()).isEqualTo(39);
        assertThat(forecast.placement()).contains(band);
    }
}
