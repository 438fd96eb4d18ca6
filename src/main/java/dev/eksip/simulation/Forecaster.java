package dev.eksip.simulation;

import dev.eksip.domain.Forecast;
import dev.eksip.domain.Inventory;

import java.time.Instant;

/**
 * Forecasts every subnet of an inventory (vpc-cni-model.md §9). STUB: being implemented.
 */
public final class Forecaster {
    private Forecaster() {
    }

    public static Forecast forecast(Inventory inventory, Instant asOf) {
        throw new UnsupportedOperationException("Forecaster.forecast is not implemented yet");
    }
}
