package dev.eksip.app.inventory;

import dev.eksip.domain.Eni;
import dev.eksip.domain.Node;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The nodes with the ENIs they hold: an ENI belongs to the instance it is attached to, a branch ENI to the
 * instance of its trunk ENI (security groups for pods, vpc-cni-model.md §6(g)); every other ENI in the subnets
 * read (load balancers, endpoints, unattributed instances) is an "other" ENI.
 */
final class EniAttribution {
    private EniAttribution() {
    }

    /**
     * @param nodes     sorted by cluster, then instance id; each node's ENIs by device index (branch ENIs last),
     *                  then ENI id
     * @param otherEnis sorted by subnet, then ENI id
     */
    public record Attached(List<Node> nodes, List<Eni> otherEnis) {
        public Attached {
            nodes = List.copyOf(nodes);
            otherEnis = List.copyOf(otherEnis);
        }
    }

    public static Attached attach(List<NodeGroupAssembly.AttributedInstance> instances, List<EniFacts> enis) {
        Map<String, String> instanceOfEni = new HashMap<>();
        for (EniFacts e : enis) if (!e.eni().instanceId().isEmpty()) instanceOfEni.put(e.eni().eniId(), e.eni().instanceId());
        Set<String> nodeIds = new HashSet<>();
        instances.forEach(i -> nodeIds.add(i.instance().instanceId()));
        Map<String, List<Eni>> enisByInstance = new HashMap<>();
        List<Eni> otherEnis = new ArrayList<>();
        for (EniFacts facts : enis) {
            Eni e = facts.eni();
            String owner = e.instanceId();
            if (owner.isEmpty() && !facts.trunkEniId().isEmpty())
                owner = instanceOfEni.getOrDefault(facts.trunkEniId(), "");
            if (!owner.isEmpty() && nodeIds.contains(owner))
                enisByInstance.computeIfAbsent(owner, k -> new ArrayList<>()).add(e);
            else otherEnis.add(e);
        }

        List<Node> nodes = new ArrayList<>();
        for (NodeGroupAssembly.AttributedInstance a : instances) {
            InstanceFacts i = a.instance();
            List<Eni> own = new ArrayList<>(enisByInstance.getOrDefault(i.instanceId(), List.of()));
            own.sort(Comparator.comparingInt(EniAttribution::attachOrder).thenComparing(Eni::eniId));
            nodes.add(new Node(i.instanceId(), a.cluster(), a.nodeGroup(), i.instanceType(), i.subnetId(),
                    i.availabilityZone(), own));
        }
        nodes.sort(Comparator.comparing(Node::cluster).thenComparing(Node::instanceId));
        otherEnis.sort(Comparator.comparing(Eni::subnetId).thenComparing(Eni::eniId));
        return new Attached(nodes, otherEnis);
    }

    private static int attachOrder(Eni e) {
        if (e.deviceIndex() >= 0) return e.deviceIndex();
        return Integer.MAX_VALUE; // branch ENIs (not attached to the instance) last
    }
}
