package dev.eksip.simulation;

import static dev.eksip.testing.inventory.InventoryFixtures.cluster;
import static dev.eksip.testing.inventory.InventoryFixtures.nodeGroup;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.domain.CniSettings;
import dev.eksip.domain.CniSource;
import dev.eksip.testing.inventory.InventoryBuilder;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Issue 11 item 6: the subnet discovery tag rules are ipamd's {@code isSubnetValidForENICreation},
 * {@code ValidSubnetTagsMatchingClusterName} and {@code IsSubnetExcluded} (pkg/awsutils/awsutils.go, v1.23.1):
 * an empty {@code kubernetes.io/role/cni} value reads as no tag ({@code getTagValue} returns ""), and
 * {@code cni.networking.k8s.aws/cluster/*} tags count only when aws-node's {@code CLUSTER_NAME} is set.
 */
class DiscoveryTagsTest {
    private static final Instant AS_OF = Instant.parse("2026-11-25T12:00:00Z");
    private static final String VPC = "vpc-1";

    private static CniSettings cni(String... env) {
        Map<String, String> m = new HashMap<>();
        for (String e : env) m.put(e.split("=", 2)[0], e.split("=", 2)[1]);
        return CniEnv.parse(m);
    }

    /** A full m5.large node in subnet-node: its 2 pod ENIs (1 + 9 each) go to the discovered candidate. */
    private static ForecastFigures grow(CniSettings cni, String[] nodeTags, String[] candidateTags) {
        InventoryBuilder b = new InventoryBuilder()
                .subnet("subnet-node", VPC, "us-east-1a", "10.0.0.0/24", nodeTags)
                .subnet("subnet-cand", VPC, "us-east-1a", "10.0.16.0/20", candidateTags)
                .cluster(cluster("c1").vpc(VPC).cni(cni).cniFrom(CniSource.ADDON)
                        .groups(nodeGroup("ng").managed().type("m5.large").sizes(0, 1, 1).subnets("subnet-node")));
        return Forecaster.figures(b.build(AS_OF));
    }

    private static int taken(ForecastFigures f, String id) {
        SubnetFigures s = f.subnets().stream().filter(x -> x.subnetId().equals(id)).findFirst().orElseThrow();
        return s.availableIps() - s.atDesired().full();
    }

    private static String[] tags(String... t) {
        return t;
    }

    @Test
    void anEmptyCniTagValueIsNoTagSoASecondarySubnetWithItIsNoCandidate() {
        // isSubnetValidForENICreation: hasCniTag := cniTagValue != ""; secondary subnets without it are excluded.
        ForecastFigures f = grow(cni(), tags(), tags("kubernetes.io/role/cni="));
        assertThat(taken(f, "subnet-cand")).isZero();
        assertThat(taken(f, "subnet-node")).isEqualTo(30);
    }

    @Test
    void anEmptyCniTagValueOnTheNodeSubnetKeepsItIncluded() {
        // Primary subnets are included by default; IsSubnetExcluded: "" → not excluded.
        ForecastFigures f = grow(cni(), tags("kubernetes.io/role/cni="), tags());
        assertThat(taken(f, "subnet-node")).isEqualTo(30);
    }

    @Test
    void clusterScopedTagsAreIgnoredWithoutClusterName() {
        // ValidSubnetTagsMatchingClusterName: CLUSTER_NAME unset → "skipping cluster tag validation" → valid.
        // The manifest and the Helm chart do not set CLUSTER_NAME.
        ForecastFigures f = grow(cni(), tags(),
                tags("kubernetes.io/role/cni=1", "cni.networking.k8s.aws/cluster/other=1"));
        assertThat(taken(f, "subnet-cand")).isEqualTo(20);
    }

    @Test
    void withClusterNameASubnetScopedToAnotherClusterIsNoCandidate() {
        ForecastFigures f = grow(cni("CLUSTER_NAME=c1"), tags(),
                tags("kubernetes.io/role/cni=1", "cni.networking.k8s.aws/cluster/other=1"));
        assertThat(taken(f, "subnet-cand")).isZero();
    }

    @Test
    void theClusterTagIsMatchedAgainstClusterNameNotTheEksClusterName() {
        // localClusterTagKey := clusterTagKeyPrefix + os.Getenv("CLUSTER_NAME")
        ForecastFigures web = grow(cni("CLUSTER_NAME=web"), tags(),
                tags("kubernetes.io/role/cni=1", "cni.networking.k8s.aws/cluster/web=1"));
        assertThat(taken(web, "subnet-cand")).isEqualTo(20);
        ForecastFigures c1 = grow(cni("CLUSTER_NAME=web"), tags(),
                tags("kubernetes.io/role/cni=1", "cni.networking.k8s.aws/cluster/c1=1"));
        assertThat(taken(c1, "subnet-cand")).isZero();
    }

    @Test
    void aTaggedNodeSubnetScopedToAnotherClusterExcludesThePrimaryEni() {
        // IsSubnetExcluded: cni=1, then "if !ValidSubnetTagsMatchingClusterName(subnet) { return true }": setupENI
        // marks the primary ENI excluded; createENI skips the subnet. The primary keeps only its own IP.
        ForecastFigures f = grow(cni("CLUSTER_NAME=c1"),
                tags("kubernetes.io/role/cni=1", "cni.networking.k8s.aws/cluster/other=1"),
                tags("kubernetes.io/role/cni=1"));
        assertThat(taken(f, "subnet-node")).isEqualTo(1);
        assertThat(taken(f, "subnet-cand")).isEqualTo(20);
    }

    @Test
    void anUntaggedNodeSubnetIsNotCheckedForClusterTags() {
        // isSubnetValidForENICreation returns true for a primary subnet without the cni tag before Rule 3.
        ForecastFigures f = grow(cni("CLUSTER_NAME=c1"), tags("cni.networking.k8s.aws/cluster/other=1"), tags());
        assertThat(taken(f, "subnet-node")).isEqualTo(30);
    }

    @Test
    void clusterNameIsReadFromTheEnvironmentAndDefaultsToUnset() {
        assertThat(cni().clusterName()).isEmpty();
        assertThat(CniSettings.DEFAULTS.clusterName()).isEmpty();
        assertThat(cni("CLUSTER_NAME=web").clusterName()).isEqualTo("web");
        assertThat(CniEnv.VARIABLES).contains("CLUSTER_NAME");
    }
}
