package dev.eksip.aws;

import static java.util.Objects.requireNonNull;

import dev.eksip.app.port.ClusterLookup;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.TagDescription;

import java.util.List;
import java.util.Optional;

/**
 * Resolves an Auto Scaling group's cluster from its tags, as EKS and eksctl/Karpenter-era tooling set them:
 * {@code eks:cluster-name} (managed node groups), else {@code kubernetes.io/cluster/NAME} (self-managed,
 * required by the AWS cloud provider), else {@code k8s.io/cluster-autoscaler/NAME} (Cluster Autoscaler
 * auto-discovery, skipping its {@code enabled} tag).
 */
final class AutoScalingClusterLookup implements ClusterLookup {
    private static final String K8S_PREFIX = "kubernetes.io/cluster/";
    private static final String CA_PREFIX = "k8s.io/cluster-autoscaler/";
    private final AutoScalingClient autoScaling;

    public AutoScalingClusterLookup(AutoScalingClient autoScaling) {
        this.autoScaling = requireNonNull(autoScaling, "autoScaling");
    }

    @Override
    public Optional<String> clusterOfAutoScalingGroup(String name) {
        List<TagDescription> tags = autoScaling.describeAutoScalingGroupsPaginator(r -> r.autoScalingGroupNames(name))
                .autoScalingGroups().stream().flatMap(g -> g.tags().stream()).toList();
        return clusterFromTags(tags.stream().map(t -> java.util.Map.entry(t.key(), t.value() == null ? "" : t.value())).toList());
    }

    static Optional<String> clusterFromTags(List<java.util.Map.Entry<String, String>> tags) {
        for (var t : tags)
            if (t.getKey().equals("eks:cluster-name") && !t.getValue().isBlank()) return Optional.of(t.getValue());
        for (var t : tags)
            if (t.getKey().startsWith(K8S_PREFIX) && t.getKey().length() > K8S_PREFIX.length())
                return Optional.of(t.getKey().substring(K8S_PREFIX.length()));
        for (var t : tags)
            if (t.getKey().startsWith(CA_PREFIX) && !t.getKey().equals(CA_PREFIX + "enabled")
                    && t.getKey().length() > CA_PREFIX.length())
                return Optional.of(t.getKey().substring(CA_PREFIX.length()));
        return Optional.empty();
    }
}
