package dev.eksip.app;

import static dev.eksip.testing.inventory.InventoryFixtures.node;

import static dev.eksip.testing.inventory.InventoryFixtures.cluster;

import static dev.eksip.testing.inventory.InventoryFixtures.nodeGroup;

import dev.eksip.testing.ports.InMemoryPorts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.app.port.InventorySource;
import dev.eksip.app.port.MetricPoint;
import dev.eksip.app.port.MetricPoint.Dimension;
import dev.eksip.domain.CniSettings;
import dev.eksip.domain.CniSource;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.Inventory;
import dev.eksip.domain.Severity;
import dev.eksip.domain.SubnetForecast;
import dev.eksip.testing.inventory.InventoryBuilder;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Issue 8 item 15: clusters a and b both grow into subnet-shared. An event-triggered audit of a alone published
 * subnet-shared's figures without b's growth (optimistic until the next account-wide run, so MinForecastAlarm could
 * flip to OK and back). Now its figures are the account-wide ones.
 */
class SharedSubnetAuditTest {
    private static final Instant AS_OF = Instant.parse("2026-11-25T12:00:00Z");

    /** Three clusters; a and b share subnet-shared, c is alone in its VPC. */
    private static final Inventory ACCOUNT = new InventoryBuilder()
            .subnet("subnet-shared", "vpc-1", "us-east-1a", "10.0.0.0/24")
            .subnet("subnet-a", "vpc-1", "us-east-1b", "10.0.1.0/24")
            .subnet("subnet-c", "vpc-2", "us-east-1a", "10.1.0.0/24")
            .cluster(cluster("a").vpc("vpc-1").cni(CniSettings.DEFAULTS).cniFrom(CniSource.DEFAULT)
                    .groups(nodeGroup("ng-a").managed().type("m5.large").sizes(1, 2, 4).subnets("subnet-shared", "subnet-a")))
            .cluster(cluster("b").vpc("vpc-1").cni(CniSettings.DEFAULTS).cniFrom(CniSource.DEFAULT)
                    .groups(nodeGroup("ng-b").managed().type("m5.large").sizes(1, 2, 6).subnets("subnet-shared")))
            .cluster(cluster("c").vpc("vpc-2").cni(CniSettings.DEFAULTS).cniFrom(CniSource.DEFAULT)
                    .groups(nodeGroup("ng-c").managed().type("m5.large").sizes(1, 1, 3).subnets("subnet-c")))
            .node(node("a").inGroup("ng-a").type("m5.large").subnet("subnet-shared").secondaryIpsPerEni(9, 9))
            .node(node("b").inGroup("ng-b").type("m5.large").subnet("subnet-shared").secondaryIpsPerEni(9, 9))
            .node(node("c").inGroup("ng-c").type("m5.large").subnet("subnet-c").secondaryIpsPerEni(9))
            .build(AS_OF);

    /** A source that reads like the live one: a list of names reads those clusters and the subnets they use. */
    private static class Source implements InventorySource {
        final List<List<String>> loads = new ArrayList<>();

        @Override
        public Inventory load(List<String> clusters) {
            loads.add(List.copyOf(clusters));
            return InventoryFilter.clusters(ACCOUNT, clusters);
        }
    }

    private static SubnetForecast subnet(Forecast f, String id) {
        return f.subnets().stream().filter(s -> s.subnetId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void anEventAuditOfOneClusterCountsEveryClustersGrowthInTheSubnetsItShares() {
        Source source = new Source();
        Forecast account = new RunForecast(source).run(List.of(), AS_OF);
        Forecast eventForA = new RunForecast(source).run(List.of("a"), AS_OF);

        // b's growth (5 more nodes at max) is in the shared subnet's figure
        assertThat(subnet(eventForA, "subnet-shared").atMax()).isEqualTo(subnet(account, "subnet-shared").atMax());
        assertThat(subnet(eventForA, "subnet-shared").atDesired())
                .isEqualTo(subnet(account, "subnet-shared").atDesired());
        assertThat(subnet(eventForA, "subnet-shared").clusters()).containsExactly("a", "b");
        // still a's view: its subnets, its cluster
        assertThat(eventForA.subnets()).extracting(SubnetForecast::subnetId)
                .containsExactlyInAnyOrder("subnet-shared", "subnet-a");
        assertThat(eventForA.clusters()).extracting(c -> c.cluster()).containsExactly("a");
        assertThat(eventForA.clusters().get(0).minForecastAtMax())
                .isEqualTo(Math.min(subnet(account, "subnet-shared").atMax().headline(),
                        subnet(account, "subnet-a").atMax().headline()));
        // the extra read: every cluster of the region instead of a alone (one load, not two)
        assertThat(source.loads).containsExactly(List.of(), List.of());
    }

    @Test
    void theFunctionPublishesTheSharedSubnetsAccountWideFigureFromAnEventAudit() {
        Source source = new Source();
        RunForecast forecast = new RunForecast(source);
        InMemoryPorts.RecordingMetrics metrics = new InMemoryPorts.RecordingMetrics();
        RunAudit audit = new RunAudit((clusters, asOf) -> forecast.run(clusters, List.of(), asOf), metrics,
                MetricMapping.Detail.LEAN, new InMemoryPorts.RecordingAlerts(), new InMemoryPorts.MemoryStates(),
                new RunAudit.AlertSettings(Severity.WARNING, Duration.ofHours(24)), Clock.fixed(AS_OF, ZoneOffset.UTC));

        audit.audit(List.of(), true);
        double accountWide = atMax(metrics.all(), "subnet-shared");
        metrics.calls.clear();
        audit.audit(List.of("a"), false);

        assertThat(atMax(metrics.all(), "subnet-shared")).isEqualTo(accountWide);
        assertThat(metrics.all()).noneMatch(p -> p.dimensions().contains(new Dimension("SubnetId", "subnet-c")));
    }

    @Test
    void withConfiguredClustersTheUniverseIsWhatTheFunctionWatches() {
        Source source = new Source();
        Forecast watched = new RunForecast(source).run(List.of("a", "b"), List.of("a", "b"), AS_OF);
        Forecast eventForB = new RunForecast(source).run(List.of("b"), List.of("a", "b"), AS_OF);

        assertThat(subnet(eventForB, "subnet-shared").atMax()).isEqualTo(subnet(watched, "subnet-shared").atMax());
        assertThat(source.loads).containsExactly(List.of("a", "b"), List.of("a", "b"));
    }

    @Test
    void aClusterTheRegionDoesNotListIsReadAloneForItsGap() {
        Source source = new Source() {
            @Override
            public Inventory load(List<String> clusters) {
                loads.add(List.copyOf(clusters));
                if (clusters.equals(List.of("gone")))
                    return new Inventory(ACCOUNT.accountId(), ACCOUNT.region(), AS_OF, List.of(), List.of(),
                            List.of(), List.of(), List.of(), List.of(new dev.eksip.domain.InventoryGap(
                            dev.eksip.domain.Scope.cluster("gone"), "eks:DescribeCluster",
                            "ResourceNotFoundException", "cluster gone not found")));
                return InventoryFilter.clusters(ACCOUNT, clusters);
            }
        };
        Forecast f = new RunForecast(source).run(List.of("gone"), AS_OF);
        assertThat(f.clusters()).isEmpty();
        assertThat(f.subnets()).isEmpty();
        assertThat(f.gaps()).extracting(g -> g.scope().id()).containsExactly("cluster/gone");
        assertThat(source.loads).containsExactly(List.of(), List.of("gone"));
    }

    private static double atMax(List<MetricPoint> points, String subnet) {
        return points.stream().filter(p -> p.name().equals("ForecastAvailableIpsAtMax")
                        && p.dimensions().contains(new Dimension("SubnetId", subnet)))
                .mapToDouble(MetricPoint::value).findFirst().orElseThrow();
    }
}
