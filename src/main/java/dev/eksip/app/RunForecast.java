package dev.eksip.app;

import static java.util.Objects.requireNonNull;

import dev.eksip.app.port.InventorySource;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.Inventory;
import dev.eksip.app.assess.Assessment;
import dev.eksip.simulation.Forecaster;

import java.time.Instant;
import java.util.List;

/**
 * The use case shared by the CLI's {@code audit} and the Lambda: read the account, forecast it (the simulation's
 * figures, then their assessment). Publishing (metrics, alerts) is added by the callers that need it.
 */
public final class RunForecast {
    private final InventorySource inventorySource;

    public RunForecast(InventorySource inventorySource) {
        this.inventorySource = requireNonNull(inventorySource, "inventorySource");
    }

    public Forecast run(List<String> clusters, Instant asOf) {
        Inventory inventory = inventorySource.load(clusters);
        return forecast(inventory, asOf);
    }

    /** The forecast of an inventory already read: the simulation's figures, assessed. */
    public static Forecast forecast(Inventory inventory, Instant asOf) {
        return Assessment.forecast(inventory, Forecaster.figures(inventory), asOf);
    }
}
