package dev.eksip.app;

import static dev.eksip.testing.inventory.InventoryFixtures.cluster;
import static dev.eksip.testing.inventory.InventoryFixtures.nodeGroup;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.domain.CniSettings;
import dev.eksip.domain.CniSource;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.Inventory;
import dev.eksip.domain.Severity;
import dev.eksip.domain.SubnetForecast;
import dev.eksip.simulation.CniEnv;
import dev.eksip.testing.inventory.InventoryBuilder;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Issue 11 item 5: prefix delegation with subnet discovery. When the node subnet has no free /28 for the primary
 * ENI, ipamd's {@code tryAssignPrefixes} skips the ENI on InsufficientCidrBlocks ({@code continue} under subnet
 * discovery) and {@code increaseDatastorePool} then creates a new ENI ({@code tryAllocateENI} → {@code createENI}),
 * which lands in the discovery candidate with the most free addresses that can hold its prefixes (v1.23.1).
 */
class PrefixOverflowForecastTest {
    private static final Instant AS_OF = Instant.parse("2026-11-25T12:00:00Z");
    private static final String VPC = "vpc-1";
    private static final CniSettings PD = CniEnv.parse(Map.of("ENABLE_PREFIX_DELEGATION", "true"));

    private static SubnetForecast subnet(Forecast f, String id) {
        return f.subnets().stream().filter(s -> s.subnetId().equals(id)).findFirst().orElseThrow();
    }

    /** A /22 node subnet with one address taken in every /28 (no free block, ~950 free addresses). */
    private static InventoryBuilder fragmentedNodeSubnet(CniSettings cni, String... candidateTags) {
        return new InventoryBuilder()
                .subnet("subnet-node", VPC, "us-east-1a", "10.0.0.0/22")
                .fragment("subnet-node", 1, 7)
                .subnet("subnet-extra", VPC, "us-east-1a", "10.0.16.0/24", candidateTags)
                .cluster(cluster("c1").vpc(VPC).cni(cni).cniFrom(CniSource.ADDON)
                        .groups(nodeGroup("ng").managed().type("m5.large").sizes(0, 3, 3).subnets("subnet-node")));
    }

    @Test
    void aNodeSubnetWithoutFreeBlocksSendsThePrimarysPrefixesToATaggedCandidateAndIsNotCritical() {
        Inventory inv = fragmentedNodeSubnet(PD, "kubernetes.io/role/cni=1").build(AS_OF);
        Forecast f = RunForecast.forecast(inv, AS_OF);

        SubnetForecast node = subnet(f, "subnet-node");
        SubnetForecast extra = subnet(f, "subnet-extra");
        // The node subnet only gives the nodes their primary IPs: never short, not critical.
        assertThat(node.atDesired().headline()).isPositive();
        assertThat(node.severity()).isNotEqualTo(Severity.CRITICAL);
        assertThat(node.reason()).contains("discovery");
        // Each of the 3 nodes' prefixes (1 each at 0 pods, WARM_PREFIX_TARGET=1) lands on a new ENI in the
        // candidate: its primary IP breaks a /28 and its prefix takes one, so at least 3 of the 14 blocks go.
        assertThat(extra.prefixMode()).isTrue();
        assertThat(extra.freePrefixBlocks()).isEqualTo(14);
        assertThat(extra.atDesired().baseline()).isLessThanOrEqualTo(16 * (14 - 3));
        assertThat(extra.atDesired().baseline()).isPositive();
    }

    @Test
    void thePrimaryTakesTheBlocksItsSubnetHasAndOnlyTheRestGoesToTheNewEni() {
        // tryAssignPrefixes retries a failed request for one prefix: the primary takes the one free block of its
        // /26; the second prefix (WARM_PREFIX_TARGET=2) goes to a new ENI (1 /32 + 1 prefix) in the candidate.
        CniSettings warm2 = CniEnv.parse(Map.of("ENABLE_PREFIX_DELEGATION", "true", "WARM_PREFIX_TARGET", "2"));
        Inventory inv = new InventoryBuilder()
                .subnet("subnet-node", VPC, "us-east-1a", "10.0.0.0/26")
                .fragment("subnet-node", 2, 7)           // block 1 broken; block 2 free; blocks 0 and 3 reserved
                .subnet("subnet-extra", VPC, "us-east-1a", "10.0.16.0/24", "kubernetes.io/role/cni=1")
                .cluster(cluster("c1").vpc(VPC).cni(warm2).cniFrom(CniSource.ADDON)
                        .groups(nodeGroup("ng").managed().type("m5.large").sizes(0, 1, 1).subnets("subnet-node")))
                .build(AS_OF);
        Forecast f = RunForecast.forecast(inv, AS_OF);

        SubnetForecast node = subnet(f, "subnet-node");
        SubnetForecast extra = subnet(f, "subnet-extra");
        assertThat(node.prefixMode()).as("relieved: counted in addresses").isFalse();
        assertThat(node.availableIps() - node.atDesired().baseline()).as("node IP + 1 prefix").isEqualTo(1 + 16);
        assertThat(extra.freePrefixBlocks() - extra.atDesired().baseline() / 16).as("1 prefix").isEqualTo(1);
    }

    @Test
    void underFullAnExistingNodesPrimaryGrowsIntoTheCandidateToo() {
        // ExistingNodesGrowth: the existing node's primary (1 prefix) grows to the full node's prefixes; its subnet
        // has no free /28, so what it lacks goes to a new ENI in the candidate.
        Inventory inv = new InventoryBuilder()
                .subnet("subnet-node", VPC, "us-east-1a", "10.0.0.0/22")
                .subnet("subnet-extra", VPC, "us-east-1a", "10.0.16.0/24", "kubernetes.io/role/cni=1")
                .cluster(cluster("c1").vpc(VPC).cni(PD).cniFrom(CniSource.ADDON)
                        .groups(nodeGroup("ng").managed().type("m5.large").sizes(1, 1, 1).subnets("subnet-node")))
                .node(dev.eksip.testing.inventory.InventoryFixtures.node("c1").inGroup("ng").type("m5.large")
                        .subnet("subnet-node").prefixesPerEni(1))
                .fragment("subnet-node", 1, 7)
                .build(AS_OF);
        Forecast f = RunForecast.forecast(inv, AS_OF);

        SubnetForecast node = subnet(f, "subnet-node");
        SubnetForecast extra = subnet(f, "subnet-extra");
        assertThat(node.prefixMode()).isFalse();
        assertThat(node.atDesired().full()).as("nothing more taken in the node subnet").isEqualTo(node.availableIps());
        assertThat(extra.atDesired().full()).as("the rest of the full node's prefixes").isLessThan(16 * 14);
        assertThat(extra.atDesired().full()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void withoutSubnetDiscoveryThePrimarysPrefixesHaveNowhereElseToGo() {
        // ipamd without discovery: InsufficientCidrBlocks on the primary is returned, increaseDatastorePool backs
        // off (insufficientCidrErrorCooldown) and creates no ENI; the node subnet is short.
        CniSettings noDiscovery = CniEnv.parse(Map.of("ENABLE_PREFIX_DELEGATION", "true",
                "ENABLE_SUBNET_DISCOVERY", "false"));
        Forecast f = RunForecast.forecast(fragmentedNodeSubnet(noDiscovery, "kubernetes.io/role/cni=1")
                .build(AS_OF), AS_OF);

        assertThat(subnet(f, "subnet-node").severity()).isEqualTo(Severity.CRITICAL);
        assertThat(subnet(f, "subnet-extra").atDesired().full())
                .isEqualTo(16 * subnet(f, "subnet-extra").freePrefixBlocks());
    }

    @Test
    void withoutATaggedCandidateTheNodeSubnetStaysCritical() {
        Forecast f = RunForecast.forecast(fragmentedNodeSubnet(PD).build(AS_OF), AS_OF);

        assertThat(subnet(f, "subnet-node").severity()).isEqualTo(Severity.CRITICAL);
    }
}
