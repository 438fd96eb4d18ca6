package dev.eksip.app;

import static java.util.Objects.requireNonNull;

import dev.eksip.app.port.InventorySource;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.Inventory;
import dev.eksip.domain.InventoryGap;
import dev.eksip.app.assess.Assessment;
import dev.eksip.simulation.Forecaster;
import dev.eksip.simulation.ObservedCni;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The use case shared by the CLI's {@code audit} and the Lambda: read the account, forecast it (the simulation's
 * figures, then their assessment). Publishing (metrics, alerts) is added by the callers that need it.
 */
public final class RunForecast {
    private final InventorySource inventorySource;

    public RunForecast(InventorySource inventorySource) {
        this.inventorySource = requireNonNull(inventorySource, "inventorySource");
    }

    /** {@link #run(List, List, Instant)} where every cluster in the region may share a subnet. */
    public Forecast run(List<String> clusters, Instant asOf) {
        return run(clusters, List.of(), asOf);
    }

    /**
     * The forecast of {@code clusters} (empty: of {@code universe}). When they are only some of {@code universe}
     * (empty: every cluster in the region), the universe is read, so that a subnet they share with other clusters
     * gets those clusters' growth too ({@link ClusterView}): more calls than reading the clusters alone (the
     * other clusters' descriptions, node groups, instances and ENIs), but no optimistic figure.
     */
    public Forecast run(List<String> clusters, List<String> universe, Instant asOf) {
        return read(clusters, universe, asOf).forecast();
    }

    /**
     * {@link RunAudit}'s forecast step over {@code universe} ({@code CLUSTER_NAMES}): {@link #read}, so that its
     * {@link ForecastAddOn} sees the inventory too (the runway's node groups and their Auto Scaling groups).
     */
    public RunAudit.ForecastStep step(List<String> universe) {
        List<String> watched = List.copyOf(universe);
        return new RunAudit.ForecastStep() {
            @Override
            public Forecast forecast(List<String> clusters, Instant asOf) {
                return run(clusters, watched, asOf);
            }

            @Override
            public RunAudit.Forecasted read(List<String> clusters, Instant asOf) {
                return RunForecast.this.read(clusters, watched, asOf);
            }
        };
    }

    /** {@link #run(List, List, Instant)} with the inventory it read. */
    public RunAudit.Forecasted read(List<String> clusters, List<String> universe, Instant asOf) {
        if (clusters.isEmpty()) return forecasted(inventorySource.load(universe), asOf);
        if (!universe.isEmpty() && Set.copyOf(universe).equals(Set.copyOf(clusters)))
            return forecasted(inventorySource.load(clusters), asOf);
        Set<String> read = new TreeSet<>(universe);
        if (!universe.isEmpty()) read.addAll(clusters);
        Inventory all = inventorySource.load(List.copyOf(read));
        List<String> unknown = ClusterView.unknown(all, clusters);
        if (!unknown.isEmpty()) {
            // not listed (deleted since the event, or outside the region's list): their own read says why
            List<InventoryGap> gaps = new ArrayList<>(all.gaps());
            gaps.addAll(inventorySource.load(unknown).gaps());
            all = new Inventory(all.accountId(), all.region(), all.capturedAt(), all.subnets(), all.clusters(),
                    all.nodes(), all.otherEnis(), all.instanceLimits(), gaps, all.kube());
        }
        return new RunAudit.Forecasted(ClusterView.forecast(all, clusters, asOf), Optional.of(all));
    }

    private static RunAudit.Forecasted forecasted(Inventory read, Instant asOf) {
        return new RunAudit.Forecasted(forecast(read, asOf), Optional.of(read));
    }

    /**
     * The forecast of an inventory already read: the simulation's figures, assessed, with the CNI settings the
     * nodes show over the declared ones ({@link ObservedCni}).
     */
    public static Forecast forecast(Inventory read, Instant asOf) {
        Inventory inventory = ObservedCni.apply(read);
        return Assessment.forecast(inventory, Forecaster.figures(inventory), asOf);
    }
}
