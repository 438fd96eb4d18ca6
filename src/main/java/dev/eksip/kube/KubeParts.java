package dev.eksip.kube;

import dev.eksip.domain.KubePart;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/**
 * The custom resources exact mode lists, addressed without API discovery (one request saved per kind): ENIConfig
 * (aws/amazon-vpc-cni-k8s {@code charts/aws-vpc-cni/crds/customresourcedefinition.yaml}: crd.k8s.amazonaws.com/v1alpha1,
 * cluster-scoped), Karpenter's NodePool (karpenter.sh/v1) and EC2NodeClass (karpenter.k8s.aws/v1), EKS Auto Mode's
 * NodeClass (eks.amazonaws.com/v1, AWS docs "Create a Node Class for Amazon EKS"), all cluster-scoped.
 */
final class KubeParts {
    static final ResourceDefinitionContext ENI_CONFIG = crd("crd.k8s.amazonaws.com", "v1alpha1", "ENIConfig",
            "eniconfigs");
    static final ResourceDefinitionContext NODE_POOL = crd("karpenter.sh", "v1", "NodePool", "nodepools");
    static final ResourceDefinitionContext EC2_NODE_CLASS = crd("karpenter.k8s.aws", "v1", "EC2NodeClass",
            "ec2nodeclasses");
    static final ResourceDefinitionContext NODE_CLASS = crd("eks.amazonaws.com", "v1", "NodeClass", "nodeclasses");

    private KubeParts() {
    }

    static ResourceDefinitionContext of(KubePart part) {
        return switch (part) {
            case ENI_CONFIGS -> ENI_CONFIG;
            case NODE_POOLS -> NODE_POOL;
            case EC2_NODE_CLASSES -> EC2_NODE_CLASS;
            case NODE_CLASSES -> NODE_CLASS;
            case NODES, PODS, AWS_NODE -> throw new IllegalArgumentException(part + " is a core object");
        };
    }

    /** What a gap calls the request, e.g. {@code list nodepools.karpenter.sh/v1}. */
    static String request(KubePart part) {
        return switch (part) {
            case NODES -> "list nodes/v1";
            case PODS -> "list pods/v1";
            case AWS_NODE -> "get daemonsets.apps/v1 kube-system/aws-node";
            default -> {
                ResourceDefinitionContext c = of(part);
                yield "list %s.%s/%s".formatted(c.getPlural(), c.getGroup(), c.getVersion());
            }
        };
    }

    private static ResourceDefinitionContext crd(String group, String version, String kind, String plural) {
        return new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withKind(kind)
                .withPlural(plural).withNamespaced(false).build();
    }
}
