package dev.eksip.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

class AutoScalingClusterLookupTest {
    @Test
    void managedNodeGroupsAreResolvedFromTheEksClusterNameTag() {
        assertThat(AutoScalingClusterLookup.clusterFromTags(List.of(
                Map.entry("k8s.io/cluster-autoscaler/enabled", "true"),
                Map.entry("kubernetes.io/cluster/other", "owned"),
                Map.entry("eks:cluster-name", "web-prod")))).contains("web-prod");
    }

    @Test
    void selfManagedGroupsAreResolvedFromTheKubernetesClusterTag() {
        assertThat(AutoScalingClusterLookup.clusterFromTags(List.of(
                Map.entry("Name", "workers"), Map.entry("kubernetes.io/cluster/batch-jobs", "owned"))))
                .contains("batch-jobs");
    }

    @Test
    void clusterAutoscalerDiscoveryTagsAreTheLastResortButNotItsEnabledTag() {
        assertThat(AutoScalingClusterLookup.clusterFromTags(List.of(
                Map.entry("k8s.io/cluster-autoscaler/enabled", "true"),
                Map.entry("k8s.io/cluster-autoscaler/edge", "owned")))).contains("edge");
        assertThat(AutoScalingClusterLookup.clusterFromTags(List.of(
                Map.entry("k8s.io/cluster-autoscaler/enabled", "true")))).isEmpty();
    }

    @Test
    void aGroupWithoutClusterTagsIsUnresolved() {
        assertThat(AutoScalingClusterLookup.clusterFromTags(List.of(Map.entry("Name", "bastion")))).isEmpty();
        assertThat(AutoScalingClusterLookup.clusterFromTags(List.of(Map.entry("eks:cluster-name", " ")))).isEmpty();
    }
}
