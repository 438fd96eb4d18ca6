package dev.eksip.kube;

import dev.eksip.domain.KubeNode;
import dev.eksip.domain.KubeNodePool;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Kubernetes objects → exact mode's facts. Labels are the well-known ones (kubernetes.io "Well-Known Labels":
 * {@code topology.kubernetes.io/zone}, {@code node.kubernetes.io/instance-type}); {@code karpenter.sh/nodepool}
 * (Karpenter v1 and EKS Auto Mode nodes) and {@code eks.amazonaws.com/nodegroup} (managed node groups) name the
 * pool. NodePool fields follow karpenter.sh/v1 ({@code spec.limits}, {@code spec.template.spec.requirements},
 * {@code spec.template.spec.nodeClassRef}); node class subnet selectors are {@code spec.subnetSelectorTerms}
 * ({@code id} or {@code tags}) in both EC2NodeClass and Auto Mode's NodeClass, which adds
 * {@code spec.podSubnetSelectorTerms}.
 */
final class KubeObjects {
    static final String AUTO_MODE_GROUP = "eks.amazonaws.com";

    private KubeObjects() {
    }

    static KubeNode node(Node n, int pods) {
        Map<String, String> labels = n.getMetadata().getLabels() == null ? Map.of() : n.getMetadata().getLabels();
        String pool = labels.getOrDefault("karpenter.sh/nodepool",
                labels.getOrDefault("eks.amazonaws.com/nodegroup", ""));
        return new KubeNode(instanceId(n.getSpec() == null ? null : n.getSpec().getProviderID()),
                n.getMetadata().getName(), labels.getOrDefault("topology.kubernetes.io/zone", ""),
                labels.getOrDefault("node.kubernetes.io/instance-type", ""),
                n.getStatus() == null ? 0 : KubeReader.pods(n.getStatus().getCapacity()), pods, pool);
    }

    /** {@code aws:///us-east-1a/i-0123…} → {@code i-0123…}; "" for anything else. */
    static String instanceId(String providerId) {
        if (providerId == null || !providerId.startsWith("aws://")) return "";
        String last = providerId.substring(providerId.lastIndexOf('/') + 1);
        return last.startsWith("i-") ? last : "";
    }

    static List<KubeNodePool> nodePools(List<GenericKubernetesResource> pools, List<GenericKubernetesResource> ec2Classes,
                                        List<GenericKubernetesResource> autoClasses) {
        Map<String, GenericKubernetesResource> ec2 = byName(ec2Classes);
        Map<String, GenericKubernetesResource> auto = byName(autoClasses);
        List<KubeNodePool> out = new ArrayList<>();
        for (GenericKubernetesResource p : pools) {
            String group = p.get("spec", "template", "spec", "nodeClassRef", "group");
            String classRef = p.get("spec", "template", "spec", "nodeClassRef", "name");
            boolean autoMode = AUTO_MODE_GROUP.equals(group);
            GenericKubernetesResource nodeClass = classRef == null ? null : (autoMode ? auto : ec2).get(classRef);
            out.add(new KubeNodePool(p.getMetadata().getName(),
                    autoMode ? KubeNodePool.Kind.AUTO_MODE : KubeNodePool.Kind.KARPENTER, limits(p),
                    instanceTypes(p), classRef == null ? "" : classRef,
                    selectors(nodeClass, "subnetSelectorTerms"), selectors(nodeClass, "podSubnetSelectorTerms"),
                    autoMode && nodeClass != null
                            && "32".equals(String.valueOf((Object) nodeClass.get("spec", "advancedNetworking",
                            "ipv4PrefixSize")))));
        }
        out.sort(java.util.Comparator.comparing(KubeNodePool::name));
        return out;
    }

    private static Map<String, String> limits(GenericKubernetesResource p) {
        Map<String, Object> limits = p.get("spec", "limits");
        Map<String, String> out = new TreeMap<>();
        if (limits != null) limits.forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }

    private static List<String> instanceTypes(GenericKubernetesResource p) {
        List<Map<String, Object>> requirements = p.get("spec", "template", "spec", "requirements");
        List<String> out = new ArrayList<>();
        if (requirements == null) return out;
        for (Map<String, Object> r : requirements) {
            if (!"node.kubernetes.io/instance-type".equals(r.get("key")) || !"In".equals(r.get("operator"))) continue;
            if (r.get("values") instanceof List<?> values) values.forEach(v -> out.add(String.valueOf(v)));
        }
        return out;
    }

    private static List<String> selectors(GenericKubernetesResource nodeClass, String field) {
        if (nodeClass == null) return List.of();
        List<Map<String, Object>> terms = nodeClass.get("spec", field);
        List<String> out = new ArrayList<>();
        if (terms == null) return out;
        for (Map<String, Object> t : terms) {
            if (t.get("id") != null) out.add("id=" + t.get("id"));
            if (t.get("tags") instanceof Map<?, ?> tags)
                new TreeMap<>(tags).forEach((k, v) -> out.add("tag:%s=%s".formatted(k, v)));
        }
        return out;
    }

    private static Map<String, GenericKubernetesResource> byName(List<GenericKubernetesResource> list) {
        Map<String, GenericKubernetesResource> out = new HashMap<>();
        list.forEach(r -> out.put(r.getMetadata().getName(), r));
        return out;
    }
}
