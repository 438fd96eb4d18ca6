package dev.eksip.domain;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * A Karpenter {@code NodePool} (karpenter.sh/v1) or an EKS Auto Mode pool as the Kubernetes API shows it, with the
 * subnet selectors of the node class it references ({@code EC2NodeClass} karpenter.k8s.aws/v1
 * {@code spec.subnetSelectorTerms}, or Auto Mode {@code NodeClass} eks.amazonaws.com/v1 {@code spec.subnetSelectorTerms}
 * and {@code spec.podSubnetSelectorTerms}).
 *
 * @param kind            who runs it
 * @param limits          {@code spec.limits} as written ({@code cpu: "1000"}, {@code memory: 1000Gi}); empty = unbounded
 * @param instanceTypes   values of an {@code In} requirement on {@code node.kubernetes.io/instance-type} (may be empty)
 * @param nodeClass       {@code spec.template.spec.nodeClassRef.name} ("" when absent)
 * @param subnetSelectors the node class's subnet selector terms, each rendered {@code id=subnet-…} or
 *                        {@code tag:KEY=VALUE} (empty when the node class was not readable)
 * @param podSubnetSelectors Auto Mode only: {@code podSubnetSelectorTerms}, same rendering
 * @param secondaryIpMode Auto Mode only: the NodeClass sets {@code spec.advancedNetworking.ipv4PrefixSize: "32"}
 *                        (secondary IPs instead of /28 prefixes)
 */
public record KubeNodePool(String name, Kind kind, Map<String, String> limits, List<String> instanceTypes,
                           String nodeClass, List<String> subnetSelectors, List<String> podSubnetSelectors,
                           boolean secondaryIpMode) {
    /** A pool whose node class does not set secondary-IP mode (Karpenter's, or Auto Mode's default "Auto"). */
    public KubeNodePool(String name, Kind kind, Map<String, String> limits, List<String> instanceTypes,
                        String nodeClass, List<String> subnetSelectors, List<String> podSubnetSelectors) {
        this(name, kind, limits, instanceTypes, nodeClass, subnetSelectors, podSubnetSelectors, false);
    }

    /** Who runs the pool. */
    public enum Kind implements WireName {
        KARPENTER("karpenter"),
        AUTO_MODE("auto-mode");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }
    }

    public KubeNodePool {
        requireNonNull(name, "name");
        requireNonNull(kind, "kind");
        requireNonNull(nodeClass, "nodeClass");
        limits = Map.copyOf(limits);
        instanceTypes = List.copyOf(instanceTypes);
        subnetSelectors = List.copyOf(subnetSelectors);
        podSubnetSelectors = List.copyOf(podSubnetSelectors);
    }
}
