package dev.eksip.app.inventory;

import static dev.eksip.app.inventory.NodeGroupAssemblyTest.LC_1;
import static dev.eksip.app.inventory.NodeGroupAssemblyTest.LT_2;
import static dev.eksip.app.inventory.NodeGroupAssemblyTest.LT_9;
import static dev.eksip.app.inventory.NodeGroupAssemblyTest.asg;
import static dev.eksip.app.inventory.NodeGroupAssemblyTest.cluster;
import static dev.eksip.testing.inventory.InventoryFixtures.nodeGroup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.eksip.domain.NodeGroup;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Self-managed and custom-AMI managed groups take their kubelet max pods from their launch's user data; managed
 * groups on EKS AMIs keep EKS's value; a group whose user data sets none, or cannot be read, says why.
 */
class UserDataMaxPodsAssemblyTest {
    private static final LaunchSpec.Template LT_CUSTOM = new LaunchSpec.Template("lt-custom", "7");

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static ManagedNodeGroupFacts managed(String name, boolean customAmi, LaunchSpec launch) {
        var b = nodeGroup(name).managed().types("m5.large").sizes(1, 1, 2).subnets("subnet-a")
                .autoScalingGroup("eks-" + name);
        if (customAmi) b = b.customAmi();
        return new ManagedNodeGroupFacts(b.build(), List.of("eks-" + name), launch);
    }

    @Test
    void selfManagedAndCustomAmiGroupsReadTheirLaunchesEvenWithTypesOfTheirOwn() {
        ClusterFacts prod = cluster("prod", managed("eks-ami", false, LT_2), managed("custom", true, LT_CUSTOM));
        Map<String, List<AutoScalingGroupFacts>> self = Map.of("prod", List.of(
                asg("mixed", List.of("m5.large"), LT_9), asg("legacy", List.of(), LC_1)));

        assertThat(NodeGroupAssembly.launchesToRead(List.of(prod), self)).containsExactly(LC_1, LT_CUSTOM, LT_9);
    }

    @Test
    void maxPodsFromUserDataForSelfManagedAndCustomAmiGroupsOnly() {
        String nodeadm = b64("""
                apiVersion: node.eks.aws/v1alpha1
                kind: NodeConfig
                spec:
                  kubelet:
                    config:
                      maxPods: 110
                """);
        String bootstrap = b64("#!/bin/bash\n/etc/eks/bootstrap.sh prod --kubelet-extra-args '--max-pods=58'\n");
        ClusterFacts prod = cluster("prod", managed("eks-ami", false, LT_2), managed("custom", true, LT_CUSTOM));
        Map<String, List<AutoScalingGroupFacts>> self = Map.of("prod", List.of(
                asg("mixed", List.of("m5.large"), LT_9), asg("legacy", List.of(), LC_1)));
        Map<LaunchSpec, LaunchData> launches = Map.of(
                LT_2, new LaunchData("", nodeadm),
                LT_CUSTOM, new LaunchData("", nodeadm),
                LT_9, new LaunchData("c5.large", bootstrap),
                LC_1, new LaunchData("t3.large", ""));

        NodeGroupAssembly.Result result = NodeGroupAssembly.assembleLaunches(List.of("prod"), List.of(prod), self,
                launches, List.of());

        assertThat(result.groupsByCluster().get("prod"))
                .extracting(NodeGroup::name, NodeGroup::instanceTypes, NodeGroup::maxPods, NodeGroup::maxPodsFrom,
                        NodeGroup::maxPodsAssumed)
                .containsExactly(
                        tuple("eks-ami", List.of("m5.large"), 0, "", false),
                        tuple("custom", List.of("m5.large"), 110, "launch template lt-custom version 7 user data: "
                                + "nodeadm NodeConfig spec.kubelet.config.maxPods", false),
                        tuple("mixed", List.of("m5.large"), 58, "launch template lt-9 version 3 user data: "
                                + "bootstrap.sh --kubelet-extra-args --max-pods", false),
                        tuple("legacy", List.of("t3.large"), 0, "launch configuration lc-1 user data is empty", true));
    }

    @Test
    void malformedUserDataLeavesMaxPodsAssumedWithTheReason() {
        Map<String, List<AutoScalingGroupFacts>> self = Map.of("prod", List.of(asg("broken", List.of(), LT_9)));
        NodeGroupAssembly.Result result = NodeGroupAssembly.assembleLaunches(List.of("prod"), List.of(
                cluster("prod")), self, Map.of(LT_9, new LaunchData("m5.large", b64(
                "Content-Type: multipart/mixed; boundary=B\n\nno parts\n"))), List.of());

        NodeGroup broken = result.groupsByCluster().get("prod").getFirst();
        assertThat(broken.maxPods()).isZero();
        assertThat(broken.maxPodsAssumed()).isTrue();
        assertThat(broken.maxPodsFrom()).isEqualTo("launch template lt-9 version 3 user data: MIME multi-part user "
                + "data has no part delimited by its boundary B");
        assertThat(result.gaps()).isEmpty();
    }
}
