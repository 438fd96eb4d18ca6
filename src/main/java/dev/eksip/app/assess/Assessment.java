package dev.eksip.app.assess;

import dev.eksip.domain.Forecast;
import dev.eksip.domain.Inventory;
import dev.eksip.domain.NodeGroupRef;
import dev.eksip.domain.Severity;
import dev.eksip.domain.Subnet;
import dev.eksip.domain.SubnetForecast;
import dev.eksip.simulation.ForecastFigures;
import dev.eksip.simulation.SubnetFigures;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the simulation's figures into the domain {@link Forecast}: per subnet a severity with its reason
 * ({@link Verdict}) and advice ({@link Fix}), summed per zone and seen per cluster with its notes ({@link Rollups},
 * {@link ClusterNotes}). The policy and the language of the forecast live here, not in the simulation.
 */
public final class Assessment {
    private Assessment() {
    }

    public static Forecast forecast(Inventory inventory, ForecastFigures figures, Instant asOf) {
        List<SubnetForecast> subnets = figures.subnets().stream().map(f -> subnet(f, inventory)).toList();
        return new Forecast(asOf, inventory.accountId(), inventory.region(), subnets, Rollups.zones(subnets),
                Rollups.clusters(inventory, subnets), figures.gaps(), figures.unattributedNodes(),
                figures.unattributedEnis(), figures.pools());
    }

    static SubnetForecast subnet(SubnetFigures f, Inventory inventory) {
        Subnet s = f.subnet();
        Verdict verdict = Verdict.of(f);
        String fix = verdict.severity() == Severity.OK ? "" : Fix.of(f, inventory.clusters());
        Optional<KeepFree.Finding> keepFree = KeepFree.finding(f);
        if (keepFree.isPresent() && keepFree.get().severity().compareTo(verdict.severity()) > 0) {
            verdict = new Verdict(keepFree.get().severity(), keepFree.get().reason());
            fix = keepFree.get().fix();
        }
        String reclaim = KeepFree.reclaim(f);
        if (!reclaim.isEmpty()) fix = fix.isEmpty() ? reclaim : fix + " " + reclaim;
        Map<String, Integer> surge = new LinkedHashMap<>();
        f.updateSurge().forEach((g, n) -> surge.put(g.toString(), n));
        return new SubnetForecast(s.subnetId(), s.vpcId(), s.availabilityZone(), s.cidr(), f.usableIps(),
                s.availableIps(), f.warmIps(), f.prefixMode(), f.freePrefixBlocks(), f.atDesired(), f.atMax(),
                Verdict.nodesFit(f), verdict.severity(), f.clusters(),
                f.nodeGroups().stream().map(NodeGroupRef::toString).toList(), verdict.reason(), fix, f.placement(),
                f.atUpdate(), surge, f.controlPlaneOf(), s.loadBalancerSubnet(), f.leakedEnis(), f.reclaimableIps());
    }
}
