package dev.eksip.simulation;

import dev.eksip.domain.Eni;
import dev.eksip.domain.EniHolding;
import dev.eksip.domain.EniRole;
import dev.eksip.domain.InterfaceType;
import dev.eksip.domain.Node;
import dev.eksip.domain.Subnet;
import dev.eksip.domain.SubnetTake;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Under {@link CostAssumption#FULL}, the group's existing nodes grow to max pods too, so "full" is an upper bound:
 * each existing node ends holding what the node model's full node holds (§6(i)). ENI by ENI in role order (the
 * primary with the primary, pod ENIs with pod ENIs by device index, the trunk with the trunk): an ENI it has grows
 * in its own subnet by what it lacks (secondary IPs, /28 prefixes); an ENI it lacks is created where ipamd would
 * create it ({@link Destinations}). Never shrinks a node: an ENI holding more than the full node's keeps it.
 */
final class ExistingNodesGrowth {
    private ExistingNodesGrowth() {
    }

    static void grow(GroupGrowth g, List<Node> nodes, Map<String, SubnetSpace> state, Destinations destinations) {
        Map<String, Subnet> groupSubnets = new HashMap<>();
        for (Subnet s : g.subnets()) groupSubnets.putIfAbsent(s.subnetId(), s);
        Eni[] pods = new Eni[8];
        for (Node n : nodes) {
            SubnetSpace home = state.get(n.subnetId());
            if (home == null) continue;   // its subnet was not read: a gap already says so
            Subnet nodeSubnet = groupSubnets.get(n.subnetId());
            if (nodeSubnet == null) continue;  // a node outside the group's subnets: not modelled
            // The node's primary and trunk ENI (the lowest device index, the first of equals) and its pod ENIs by
            // device index (a stable sort), in a buffer reused from node to node.
            Eni primary = null;
            Eni trunk = null;
            int podCount = 0;
            for (Eni e : n.enis()) {
                EniRole r = role(e);
                if (r == EniRole.PRIMARY && (primary == null || e.deviceIndex() < primary.deviceIndex())) primary = e;
                else if (r == EniRole.TRUNK && (trunk == null || e.deviceIndex() < trunk.deviceIndex())) trunk = e;
                else if (r == EniRole.POD) {
                    if (podCount == pods.length) pods = Arrays.copyOf(pods, 2 * podCount);
                    int j = podCount++;
                    while (j > 0 && pods[j - 1].deviceIndex() > e.deviceIndex()) {
                        pods[j] = pods[j - 1];
                        j--;
                    }
                    pods[j] = e;
                }
            }
            int podIndex = 0;
            for (EniHolding full : g.costIn(nodeSubnet).full()) {
                Eni have = switch (full.role()) {
                    case PRIMARY -> primary;
                    case POD -> podIndex < podCount ? pods[podIndex++] : null;
                    case TRUNK -> trunk;
                    case BRANCH, UNMANAGED -> null;
                };
                if (full.role() == EniRole.POD && have == null) podIndex++;
                if (have != null) {
                    SubnetSpace space = state.get(have.subnetId());
                    SubnetTake lack = new SubnetTake(Math.max(0, full.secondaryIps() - have.secondaryIps().size()),
                            Math.max(0, full.prefixes() - have.prefixes().size()));
                    if (full.role() == EniRole.PRIMARY && space == home && PrimaryPrefixes.overflow(g.cluster().cni()))
                        PrimaryPrefixes.place(lack, g.cluster(), nodeSubnet, state, destinations, Trace.NONE);
                    else if (space != null) space.take(lack);
                } else {
                    Subnet target = destinations.of(full, g.cluster(), n.availabilityZone(), nodeSubnet, state);
                    if (target != null) state.get(target.subnetId()).take(full.take());
                }
            }
        }
    }

    /** The ENI's role on its node; {@code null} for an ENI the CNI does not manage or that is not attached. */
    private static EniRole role(Eni e) {
        if (e.noManage() || e.deviceIndex() < 0) return null;
        return e.interfaceType() == InterfaceType.TRUNK ? EniRole.TRUNK
                : e.interfaceType() == InterfaceType.BRANCH ? EniRole.BRANCH
                : e.interfaceType() != InterfaceType.INTERFACE ? null
                : e.deviceIndex() == 0 ? EniRole.PRIMARY : EniRole.POD;
    }
}
