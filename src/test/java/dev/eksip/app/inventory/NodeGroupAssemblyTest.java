package dev.eksip.app.inventory;

import static dev.eksip.testing.inventory.InventoryFixtures.nodeGroup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.eksip.domain.InventoryGap;
import dev.eksip.domain.IpFamily;
import dev.eksip.domain.NodeGroup;
import dev.eksip.domain.Scope;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/** Node groups with their instance types and the instances attributed to them, with plain records. */
class NodeGroupAssemblyTest {
    static final LaunchSpec.Template LT_9 = new LaunchSpec.Template("lt-9", "3");
    static final LaunchSpec.Template LT_2 = new LaunchSpec.Template("lt-2", "$Default");
    static final LaunchSpec.Configuration LC_1 = new LaunchSpec.Configuration("lc-1");

    static ManagedNodeGroupFacts managed(String name, List<String> types, LaunchSpec launch) {
        return new ManagedNodeGroupFacts(nodeGroup(name).managed().types(types).sizes(1, 1, 2).subnets("subnet-a")
                .autoScalingGroup("eks-" + name).build(), List.of("eks-" + name), launch);
    }

    static AutoScalingGroupFacts asg(String name, List<String> overrides, LaunchSpec launch) {
        return new AutoScalingGroupFacts(name, Map.of("kubernetes.io/cluster/prod", "owned"), 0, 1, 3,
                List.of("subnet-b"), overrides, launch);
    }

    static ClusterFacts cluster(String name, ManagedNodeGroupFacts... groups) {
        return new ClusterFacts(name, "vpc-1", IpFamily.IPV4, List.of("subnet-a"), List.of(groups),
                VpcCniAddon.UNAVAILABLE);
    }

    static InstanceFacts instance(String id, String type, Map<String, String> tags) {
        return new InstanceFacts(id, type, "subnet-a", "eu-west-1a", tags, List.of("subnet-a"));
    }

    static Map<String, String> tags(String cluster, String key, String value) {
        return Map.of("kubernetes.io/cluster/" + cluster, "owned", key, value);
    }

    @Test
    void onlyGroupsWithoutTypesOfTheirOwnNeedTheirLaunchReadOnceEach() {
        ClusterFacts prod = cluster("prod", managed("typed", List.of("m5.large"), LT_2),
                managed("lt", List.of(), LT_9), managed("again", List.of(), LT_9), managed("none", List.of(),
                        LaunchSpec.NONE));
        Map<String, List<AutoScalingGroupFacts>> self = Map.of("prod", List.of(
                asg("mixed", List.of("m5.large"), LT_2), asg("templated", List.of(), LT_2),
                asg("legacy", List.of(), LC_1)));

        assertThat(NodeGroupAssembly.unresolvedLaunches(List.of(prod), self)).containsExactly(LT_9, LT_2, LC_1);
    }

    @Test
    void typesComeFromTheGroupThenItsLaunchThenItsRunningNodesElseAGap() {
        ClusterFacts prod = cluster("prod", managed("lt", List.of(), LT_9), managed("observed", List.of(),
                LaunchSpec.NONE), managed("unknown", List.of(), LT_2), managed("typed", List.of("c5.large"), LT_9));
        Map<String, List<AutoScalingGroupFacts>> self = Map.of("prod", List.of(
                asg("legacy", List.of(), LC_1), asg("mixed", List.of("m5.large", "m5a.large"), LT_2)));
        List<InstanceFacts> instances = List.of(
                instance("i-1", "m6i.large", tags("prod", "eks:nodegroup-name", "observed")),
                instance("i-2", "m6a.large", tags("prod", "eks:nodegroup-name", "observed")),
                instance("i-3", "m6i.large", tags("prod", "eks:nodegroup-name", "observed")));

        NodeGroupAssembly.Result result = NodeGroupAssembly.assemble(List.of("prod"), List.of(prod), self,
                Map.of(LT_9, "r5.large", LC_1, "t3.large"), instances);

        assertThat(result.groupsByCluster().get("prod")).extracting(NodeGroup::name, NodeGroup::instanceTypes)
                .containsExactly(
                        tuple("lt", List.of("r5.large")),
                        tuple("observed", List.of("m6a.large", "m6i.large")),
                        tuple("unknown", List.of()),
                        tuple("typed", List.of("c5.large")),
                        tuple("legacy", List.of("t3.large")),
                        tuple("mixed", List.of("m5.large", "m5a.large")));
        assertThat(result.gaps()).containsExactly(new InventoryGap(Scope.nodeGroup("prod", "unknown"), "", "",
                "instance types of node group unknown could not be determined"));
        assertThat(result.instanceTypes()).containsExactly("c5.large", "m5.large", "m5a.large", "m6a.large",
                "m6i.large", "r5.large", "t3.large");
        NodeGroup legacy = result.groupsByCluster().get("prod").get(4);
        assertThat(legacy).isEqualTo(nodeGroup("legacy").selfManaged().type("t3.large").sizes(0, 1, 3)
                .subnets("subnet-b").autoScalingGroup("legacy").build());
    }

    @Test
    void instancesOfAuditedClustersAreAttributedAndOthersDropped() {
        ClusterFacts prod = cluster("prod", managed("general", List.of("m5.large"), LaunchSpec.NONE));
        Map<String, List<AutoScalingGroupFacts>> self = Map.of("prod", List.of(asg("self", List.of("t3.large"),
                LaunchSpec.NONE)));
        List<InstanceFacts> instances = List.of(
                instance("i-1", "m5.large", tags("prod", "eks:nodegroup-name", "general")),
                instance("i-2", "t3.large", tags("prod", "aws:autoscaling:groupName", "self")),
                instance("i-3", "t3.large", tags("prod", "aws:autoscaling:groupName", "gone")),
                instance("i-4", "m5.large", Map.of("eks:cluster-name", "not-read")));

        NodeGroupAssembly.Result result = NodeGroupAssembly.assemble(List.of("prod"), List.of(prod), self, Map.of(),
                instances);

        assertThat(result.instances()).extracting(a -> a.instance().instanceId(),
                        NodeGroupAssembly.AttributedInstance::cluster, NodeGroupAssembly.AttributedInstance::nodeGroup)
                .containsExactly(tuple("i-1", "prod", "general"), tuple("i-2", "prod", "self"),
                        tuple("i-3", "prod", ""));
        assertThat(result.gaps()).isEmpty();
    }

    @Test
    void aClusterThatCouldNotBeDescribedKeepsItsSelfManagedGroupsForAttribution() {
        Map<String, List<AutoScalingGroupFacts>> self = Map.of("dev", List.of(asg("self", List.of("t3.large"),
                LaunchSpec.NONE)));
        List<InstanceFacts> instances = List.of(instance("i-9", "t3.large",
                tags("dev", "aws:autoscaling:groupName", "self")));

        NodeGroupAssembly.Result result = NodeGroupAssembly.assemble(List.of("dev", "prod"), List.of(), self,
                Map.of(), instances);

        assertThat(result.groupsByCluster()).containsOnlyKeys("dev", "prod");
        assertThat(result.groupsByCluster().get("dev")).extracting(NodeGroup::name).containsExactly("self");
        assertThat(result.groupsByCluster().get("prod")).isEmpty();
        assertThat(result.instances()).singleElement().satisfies(a -> assertThat(a.nodeGroup()).isEqualTo("self"));
    }
}
