package dev.eksip.simulation;

import static dev.eksip.testing.inventory.InventoryFixtures.cluster;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.eksip.domain.CniSettings;
import dev.eksip.domain.CniSource;
import dev.eksip.domain.NodeGroup;
import dev.eksip.testing.inventory.InventoryBuilder;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The primary-prefix overflow ({@link PrimaryPrefixes}) keeps growth O(distinct placements): a max size of 2^31−1
 * with prefix delegation and subnet discovery saturates within {@link GrowthScaleTest}'s bound. (A node subnet with
 * many loose addresses scattered over its /28s is placed node by node until they are gone, with or without the
 * overflow: {@link ScaleOut} extrapolates only cycles that leave loose addresses unchanged.)
 */
class PrefixOverflowScaleTest {
    private static final Instant AS_OF = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void aMaxSizeOfTwoToThe31MinusOneOverflowingIntoACandidateStaysWithinTheBound() {
        NodeGroup g = new NodeGroup("ng", true, false, List.of("m5.large"), 0, 0, Integer.MAX_VALUE,
                List.of("subnet-a", "subnet-b"), "ng-asg", 0);
        CniSettings pd = CniEnv.parse(Map.of("ENABLE_PREFIX_DELEGATION", "true"));
        InventoryBuilder b = new InventoryBuilder()
                .subnet("subnet-a", "vpc-1", "us-east-1a", "10.0.0.0/24")
                .subnet("subnet-b", "vpc-1", "us-east-1b", "10.0.16.0/24")
                .subnet("subnet-pods-a", "vpc-1", "us-east-1a", "10.1.0.0/18", "kubernetes.io/role/cni=1")
                .cluster(cluster("c1").vpc("vpc-1").cni(pd).cniFrom(CniSource.ADDON).groups(g));
        ForecastFigures f = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> Forecaster.figures(b.build(AS_OF)));

        SubnetFigures a = f.subnets().stream().filter(s -> s.subnetId().equals("subnet-a")).findFirst().orElseThrow();
        SubnetFigures pods = f.subnets().stream().filter(s -> s.subnetId().equals("subnet-pods-a")).findFirst()
                .orElseThrow();
        assertThat(a.overflowTo()).containsExactly("subnet-pods-a");
        // The candidate takes overflowed prefixes until it cannot hold a node's; the rest fall back on the node
        // subnet, short by more than an int holds.
        assertThat(a.atMax().full()).isEqualTo(Integer.MIN_VALUE);
        assertThat(pods.atMax().median()).isZero();
        assertThat(pods.atMax().full()).isBetween(0, 16 * 7);
    }
}
