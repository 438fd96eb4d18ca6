package dev.eksip.app.inventory;

import dev.eksip.domain.Eni;
import dev.eksip.domain.InterfaceType;
import dev.eksip.domain.Node;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Custom networking: the ENIConfig pod subnet per availability zone, which AWS APIs cannot show (ENIConfig objects
 * live in Kubernetes), inferred from the pod ENIs observed on the cluster's nodes (vpc-cni-model.md §5, "Where the
 * new ENI's addresses come from").
 */
final class PodSubnets {
    private PodSubnets() {
    }

    /**
     * Per AZ, the subnet holding most of the nodes' pod ENIs: secondary ENIs outside the node's own subnet,
     * ipamd-managed, not trunk/branch. Ties go to the lowest subnet id.
     */
    public static Map<String, String> infer(List<Node> nodes) {
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        for (Node n : nodes) {
            for (Eni e : n.enis()) {
                if (e.deviceIndex() < 1 || e.noManage() || e.interfaceType() != InterfaceType.INTERFACE
                        || e.subnetId().equals(n.subnetId()) || n.availabilityZone().isEmpty()) continue;
                counts.computeIfAbsent(n.availabilityZone(), k -> new TreeMap<>()).merge(e.subnetId(), 1, Integer::sum);
            }
        }
        Map<String, String> out = new TreeMap<>();
        counts.forEach((az, bySubnet) -> {
            String best = null;
            int bestCount = 0;
            for (var e : bySubnet.entrySet()) { // sorted by subnet id: ties go to the lowest id
                if (e.getValue() > bestCount) {
                    best = e.getKey();
                    bestCount = e.getValue();
                }
            }
            out.put(az, best);
        });
        return out;
    }
}
