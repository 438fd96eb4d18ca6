package dev.eksip.app;

import dev.eksip.app.assess.Assessment;
import dev.eksip.domain.ClusterForecast;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.Inventory;
import dev.eksip.domain.InventoryGap;
import dev.eksip.simulation.ForecastFigures;
import dev.eksip.simulation.Forecaster;
import dev.eksip.simulation.ObservedCni;
import dev.eksip.simulation.SubnetFigures;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A cluster-scoped forecast that still accounts for every cluster using its subnets: the whole
 * inventory is forecast, so a subnet shared with other clusters gets their growth too, and the result is then seen
 * from the requested clusters: the subnets {@link InventoryFilter} keeps for them (rolled up per zone), those
 * clusters, and the gaps that touch them or their subnets. Without this, an event-triggered audit of one cluster
 * published a shared subnet's figures without the other clusters' growth, optimistic until the next account-wide run.
 */
public final class ClusterView {
    private ClusterView() {
    }

    /**
     * @param all   an inventory of every cluster that may use the requested clusters' subnets
     * @param names the clusters to see it from; those {@code all} does not hold (unreadable) are left out
     */
    public static Forecast forecast(Inventory read, List<String> names, Instant asOf) {
        Inventory all = ObservedCni.apply(read);
        Set<String> present = new TreeSet<>();
        all.clusters().forEach(c -> {
            if (names.contains(c.name())) present.add(c.name());
        });
        Inventory mine = present.isEmpty() ? null : InventoryFilter.clusters(all, List.copyOf(present));
        Set<String> keep = new HashSet<>();
        if (mine != null) mine.subnets().forEach(s -> keep.add(s.subnetId()));

        ForecastFigures figures = Forecaster.figures(all);
        Forecast whole = Assessment.forecast(all, figures, asOf);
        List<SubnetFigures> kept = figures.subnets().stream().filter(f -> keep.contains(f.subnetId())).toList();
        // the requested clusters' own attribution counts, not the account's
        ForecastFigures own = mine == null ? new ForecastFigures(List.of(), List.of(), 0, 0) : Forecaster.figures(mine);
        ForecastFigures view = new ForecastFigures(kept, relevantGaps(whole, names, keep),
                own.unattributedNodes(), own.unattributedEnis());
        Forecast f = Assessment.forecast(all, view, asOf);
        List<ClusterForecast> clusters = f.clusters().stream().filter(c -> present.contains(c.cluster())).toList();
        return new Forecast(asOf, f.accountId(), f.region(), f.subnets(), f.zones(), clusters, f.gaps(),
                f.unattributedNodes(), f.unattributedEnis());
    }

    /** Requested names that {@code all} neither holds nor names in a gap: clusters that do not exist. */
    public static List<String> unknown(Inventory all, List<String> names) {
        Set<String> known = new HashSet<>();
        all.clusters().forEach(c -> known.add(c.name()));
        all.gaps().forEach(g -> g.scope().cluster().ifPresent(known::add));
        return names.stream().filter(n -> !known.contains(n)).distinct().toList();
    }

    /** The gaps of the requested clusters and those whose reach ({@link IncompleteSubnets}) meets the kept subnets. */
    private static List<InventoryGap> relevantGaps(Forecast whole, List<String> names, Set<String> keep) {
        return whole.gaps().stream().filter(g -> {
            if (g.scope().cluster().map(names::contains).orElse(false)) return true;
            IncompleteSubnets reach = IncompleteSubnets.of(new Forecast(whole.asOf(), whole.accountId(),
                    whole.region(), whole.subnets(), whole.zones(), whole.clusters(), List.of(g), 0, 0));
            return reach.unbounded() || reach.subnets().stream().anyMatch(keep::contains);
        }).toList();
    }
}
