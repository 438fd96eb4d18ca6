package dev.eksip.app.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.eksip.domain.IpFamily;
import dev.eksip.domain.NodeGroup;
import dev.eksip.domain.NodePool;
import dev.eksip.domain.Provisioner;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/** Karpenter and EKS Auto Mode instances form NodePool groups from their tags alone. */
class NodePoolAssemblyTest {
    static InstanceFacts instance(String id, String type, String subnet, String zone, Map<String, String> tags) {
        return new InstanceFacts(id, type, subnet, zone, tags, List.of(subnet));
    }

    /** The tags Karpenter v1 puts on what it launches (cluster tag, eks:eks-cluster-name, pool, node class). */
    static Map<String, String> karpenter(String cluster, String pool) {
        return Map.of("kubernetes.io/cluster/" + cluster, "owned", "eks:eks-cluster-name", cluster,
                "karpenter.sh/nodepool", pool, "karpenter.k8s.aws/ec2nodeclass", "default",
                "karpenter.sh/nodeclaim", pool + "-x1");
    }

    /** The tags EKS Auto Mode puts on its instances (AmazonEKSComputePolicy's request-tag conditions). */
    static Map<String, String> autoMode(String cluster, String pool) {
        return Map.of("eks:eks-cluster-name", cluster, "eks:kubernetes-node-pool-name", pool,
                "eks:kubernetes-node-class-name", "default");
    }

    static ClusterFacts cluster(String name) {
        return new ClusterFacts(name, "vpc-1", IpFamily.IPV4, List.of("subnet-a"), List.of(), VpcCniAddon.UNAVAILABLE);
    }

    @Test
    void karpenterAndAutoModeInstancesFormNodePoolsSizedByTheirNodesWithTheSubnetsTheyWereSeenIn() {
        List<InstanceFacts> instances = List.of(
                instance("i-1", "m5.large", "subnet-b", "eu-west-1b", karpenter("prod", "default")),
                instance("i-2", "c5.large", "subnet-a", "eu-west-1a", karpenter("prod", "default")),
                instance("i-3", "m5.large", "subnet-b", "eu-west-1b", karpenter("prod", "batch")),
                instance("i-4", "m6i.large", "subnet-c", "eu-west-1c", autoMode("auto", "general-purpose")));

        NodeGroupAssembly.Result result = NodeGroupAssembly.assemble(List.of("auto", "prod"),
                List.of(cluster("prod"), cluster("auto")), Map.of(), Map.of(), instances);

        assertThat(result.groupsByCluster().get("prod"))
                .extracting(NodeGroup::name, NodeGroup::kind, NodeGroup::instanceTypes, NodeGroup::subnetIds,
                        NodeGroup::desiredSize, NodeGroup::maxSize)
                .containsExactly(
                        tuple("batch", "karpenter", List.of("m5.large"), List.of("subnet-b"), 1, 1),
                        tuple("default", "karpenter", List.of("c5.large", "m5.large"),
                                List.of("subnet-a", "subnet-b"), 2, 2));
        assertThat(result.groupsByCluster().get("auto")).singleElement().satisfies(g -> {
            assertThat(g.name()).isEqualTo("general-purpose");
            assertThat(g.nodePool()).isEqualTo(NodePool.observed(Provisioner.AUTO_MODE, "default"));
            assertThat(g.nodePool().unbounded()).isTrue();
        });
        assertThat(result.instances()).extracting(a -> a.instance().instanceId(), NodeGroupAssembly.AttributedInstance::cluster,
                        NodeGroupAssembly.AttributedInstance::nodeGroup)
                .containsExactly(tuple("i-1", "prod", "default"), tuple("i-2", "prod", "default"),
                        tuple("i-3", "prod", "batch"), tuple("i-4", "auto", "general-purpose"));
        assertThat(result.gaps()).isEmpty();
    }

    @Test
    void anAutoScalingGroupTagWinsOverAPoolTagAndEveryClusterReadsAutoModeNodesByTheirClusterTag() {
        Map<String, String> both = new java.util.HashMap<>(karpenter("prod", "default"));
        both.put("aws:autoscaling:groupName", "legacy");
        AutoScalingGroupFacts legacy = new AutoScalingGroupFacts("legacy", Map.of("kubernetes.io/cluster/prod", "owned"),
                0, 1, 3, List.of("subnet-a"), List.of("m5.large"), LaunchSpec.NONE);

        NodeGroupAssembly.Result result = NodeGroupAssembly.assemble(List.of("prod"), List.of(cluster("prod")),
                Map.of("prod", List.of(legacy)), Map.of(),
                List.of(instance("i-1", "m5.large", "subnet-a", "eu-west-1a", both)));

        assertThat(result.groupsByCluster().get("prod")).extracting(NodeGroup::name).containsExactly("legacy");
        assertThat(Attribution.clusterTagKeys(List.of("prod"), true))
                .containsExactly("kubernetes.io/cluster/prod", "eks:cluster-name", "eks:eks-cluster-name");
    }
}
