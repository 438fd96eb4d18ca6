package dev.eksip.app.inventory;

import static dev.eksip.testing.inventory.InventoryFixtures.nodeGroup;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.domain.IpFamily;
import dev.eksip.domain.NodeGroup;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Cluster and node group attribution by tags, with plain records. */
class AttributionTest {
    static final NodeGroup GENERAL = nodeGroup("general").managed().type("m5.large").sizes(1, 2, 4)
            .subnets("subnet-a").autoScalingGroup("eks-general-uuid").build();
    static final NodeGroup SELF = nodeGroup("self").selfManaged().type("t3.large").sizes(0, 1, 2)
            .subnets("subnet-a").autoScalingGroup("self").build();

    static AutoScalingGroupFacts asg(String name, Map<String, String> tags) {
        return new AutoScalingGroupFacts(name, tags, 0, 1, 2, List.of("subnet-a"), List.of(), LaunchSpec.NONE);
    }

    @Test
    void theEksClusterTagWinsWhenItNamesAnAuditedClusterElseTheFirstAuditedKubernetesTag() {
        Map<String, String> both = Map.of("eks:cluster-name", "a", "kubernetes.io/cluster/b", "owned");
        assertThat(Attribution.clusterOf(both, Set.of("a", "b"))).contains("a");
        assertThat(Attribution.clusterOf(both, Set.of("b"))).contains("b");
        assertThat(Attribution.clusterOf(Map.of("kubernetes.io/cluster/c", "shared", "kubernetes.io/cluster/b",
                "owned"), Set.of("b", "c"))).contains("b");
        assertThat(Attribution.clusterOf(Map.of("kubernetes.io/cluster/b", "shared"), Set.of("a"))).isEmpty();
        assertThat(Attribution.clusterOf(Map.of("Name", "x"), Set.of("a"))).isEmpty();
    }

    @Test
    void aNodeBelongsToItsManagedGroupByTagElseToTheGroupWhoseAsgLaunchedIt() {
        List<NodeGroup> groups = List.of(GENERAL, SELF);
        assertThat(Attribution.nodeGroupOf(Map.of("eks:nodegroup-name", "general"), groups)).isEqualTo("general");
        assertThat(Attribution.nodeGroupOf(Map.of("aws:autoscaling:groupName", "eks-general-uuid"), groups))
                .isEqualTo("general");
        assertThat(Attribution.nodeGroupOf(Map.of("aws:autoscaling:groupName", "self"), groups)).isEqualTo("self");
        // a self-managed group is never matched by the managed tag
        assertThat(Attribution.nodeGroupOf(Map.of("eks:nodegroup-name", "self"), groups)).isEmpty();
        assertThat(Attribution.nodeGroupOf(Map.of("aws:autoscaling:groupName", "gone"), groups)).isEmpty();
        assertThat(Attribution.nodeGroupOf(Map.of(), groups)).isEmpty();
    }

    @Test
    void tagKeysAddTheEksClusterTagOnlyWhenReadingEveryCluster() {
        assertThat(Attribution.clusterTagKeys(List.of("dev", "prod"), true))
                .containsExactly("kubernetes.io/cluster/dev", "kubernetes.io/cluster/prod", "eks:cluster-name",
                        "eks:eks-cluster-name");
        assertThat(Attribution.clusterTagKeys(List.of("dev"), false)).containsExactly("kubernetes.io/cluster/dev");
    }

    @Test
    void selfManagedGroupsAreTheAuditedClustersAsgsThatNoManagedGroupRuns() {
        ClusterFacts prod = new ClusterFacts("prod", "vpc-1", IpFamily.IPV4, List.of(), List.of(
                new ManagedNodeGroupFacts(GENERAL, List.of("eks-general-uuid"), LaunchSpec.NONE)),
                VpcCniAddon.UNAVAILABLE);
        Map<String, String> owned = Map.of("kubernetes.io/cluster/prod", "owned");
        List<AutoScalingGroupFacts> asgs = List.of(
                asg("eks-general-uuid", owned),
                asg("eks-tagged", Map.of("kubernetes.io/cluster/prod", "owned", "eks:nodegroup-name", "x")),
                asg("other-cluster", Map.of("kubernetes.io/cluster/other", "owned")),
                asg("self", owned),
                asg("self-dev", Map.of("eks:cluster-name", "dev")));

        Map<String, List<AutoScalingGroupFacts>> self = Attribution.selfManaged(asgs, List.of(prod),
                List.of("dev", "prod"));

        assertThat(self).containsOnlyKeys("dev", "prod");
        assertThat(self.get("prod")).extracting(AutoScalingGroupFacts::name).containsExactly("self");
        assertThat(self.get("dev")).extracting(AutoScalingGroupFacts::name).containsExactly("self-dev");
    }
}
