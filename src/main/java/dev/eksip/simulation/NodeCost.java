package dev.eksip.simulation;

import dev.eksip.domain.CniSettings;
import dev.eksip.domain.Eni;
import dev.eksip.domain.EniHolding;
import dev.eksip.domain.EniRole;
import dev.eksip.domain.InstanceLimits;
import dev.eksip.domain.InterfaceType;
import dev.eksip.domain.Node;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What one new node of a node group takes from subnets, ENI by ENI (each ENI's role decides where it goes, §5),
 * under each {@link CostAssumption}.
 */
record NodeCost(List<EniHolding> baseline, List<EniHolding> median, List<EniHolding> full) {
    NodeCost {
        baseline = List.copyOf(baseline);
        median = List.copyOf(median);
        full = List.copyOf(full);
    }

    List<EniHolding> under(CostAssumption assumption) {
        return switch (assumption) {
            case BASELINE -> baseline;
            case MEDIAN -> median;
            case FULL -> full;
        };
    }

    /**
     * (a) and (c) from the node model (§6(i): a modelled node's ENIs), (b) from the group's observed nodes; a group
     * without nodes yet takes its baseline as its median.
     */
    static NodeCost of(InstanceLimits limits, CniSettings cni, int maxPods, List<Node> nodes) {
        return withMedian(limits, cni, maxPods, nodes.isEmpty() ? null : median(nodes));
    }

    /** {@link #of(InstanceLimits, CniSettings, int, List)} with the group's {@link #median} computed once (null: no nodes). */
    static NodeCost withMedian(InstanceLimits limits, CniSettings cni, int maxPods, List<EniHolding> median) {
        List<EniHolding> baseline = NodeModel.converge(limits, cni, maxPods, 0, 0).enis();
        List<EniHolding> full = NodeModel.converge(limits, cni, maxPods, maxPods, 0).enis();
        return new NodeCost(baseline, median == null ? baseline : median, full);
    }

    /** (b): the observed ENIs of the group's median node (by addresses held). */
    private record Held(Node node, int addresses) {
    }

    private static final Comparator<Held> BY_KEY = (a, b) -> a.addresses() != b.addresses()
            ? Integer.compare(a.addresses(), b.addresses()) : a.node().instanceId().compareTo(b.node().instanceId());

    static List<EniHolding> median(List<Node> nodes) {
        int[] addresses = new int[nodes.size()];
        for (int i = 0; i < addresses.length; i++)
            for (Eni e : nodes.get(i).enis()) addresses[i] += e.take().addresses();
        return median(nodes, addresses);
    }

    /** {@link #median(List)} with the addresses each node holds already counted ({@code addresses[i]} of node i). */
    static List<EniHolding> median(List<Node> nodes, int[] addresses) {
        List<Held> held = new ArrayList<>(nodes.size());
        for (int i = 0; i < addresses.length; i++) held.add(new Held(nodes.get(i), addresses[i]));
        // the key (addresses held, then instance id) is computed once per node, not per comparison
        held.sort(BY_KEY);
        Node median = held.get((held.size() - 1) / 2).node();
        List<EniHolding> out = new ArrayList<>();
        for (Eni e : median.enis()) out.add(new EniHolding(role(e), e.secondaryIps().size(), e.prefixes().size()));
        if (out.stream().noneMatch(h -> h.role() == EniRole.PRIMARY)) out.add(0, new EniHolding(EniRole.PRIMARY, 0, 0));
        return out;
    }

    /**
     * An observed ENI's role: trunk and branch ENIs by their type, else device 0 is the primary; an EFA interface
     * or a {@code no_manage} ENI beyond device 0 is not ipamd's (§5.3): {@link EniRole#UNMANAGED}.
     */
    private static EniRole role(Eni e) {
        if (e.interfaceType().trunkOrBranch()) return e.interfaceType() == InterfaceType.TRUNK ? EniRole.TRUNK
                : EniRole.BRANCH;
        if (e.deviceIndex() == 0) return EniRole.PRIMARY;
        boolean efa = e.interfaceType() == InterfaceType.EFA || e.interfaceType() == InterfaceType.EFA_ONLY;
        return efa || e.noManage() ? EniRole.UNMANAGED : EniRole.POD;
    }
}
