package dev.eksip.simulation;

import static java.util.Objects.requireNonNull;

import dev.eksip.domain.GrowthForecast;
import dev.eksip.domain.NodeGroupRef;
import dev.eksip.domain.PrefixPlacement;
import dev.eksip.domain.Subnet;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/**
 * What the simulation finds for one subnet: figures only, no judgement (severity and advice are the assessment's).
 *
 * @param subnet           the subnet as read
 * @param usableIps        {@code 2^(32-len) - 5} (AWS reserves five addresses, §10)
 * @param warmIps          addresses held idle by the CNI warm pools of the nodes in it (estimated from holdings)
 * @param prefixMode       a prefix-delegation cluster allocates here: counted in free aligned /28 blocks (§10)
 * @param freePrefixBlocks free aligned /28 blocks now (-1 outside prefix mode)
 * @param freeNow          the forecast value now: available addresses, or in prefix mode addresses in free blocks
 * @param atDesired        what is left once every node group reaches its desired size
 * @param atMax            what is left once every node group reaches its max size
 * @param nodeCost         what one new node (median holding) of the costliest group allocating here takes here, in
 *                         the unit of {@code freeNow} (0 when no group allocates here)
 * @param nodesThatFit     new nodes of that cost that still fit ({@code freeNow / nodeCost}; -1 when no cost)
 * @param clusters         clusters that allocate in this subnet
 * @param nodeGroups       node groups that launch into or allocate pod ENIs in this subnet
 * @param nodes            nodes whose primary ENI is in this subnet
 * @param placement        in prefix mode, the /28 figures as bands over where EC2 puts /32s ({@link RandomPlacement}):
 *                         packed (the figures above), random placement's expected value (the headline) and its
 *                         pessimistic percentile; empty outside prefix mode
 * @param atUpdate         what is left while every managed node group is updated at its desired size, its surge
 *                         nodes launched before the old drain ({@link UpdateSurge}; self-managed groups at desired)
 * @param updateSurge      the update surge (extra nodes) of each managed node group launching into this subnet
 * @param controlPlaneOf   clusters whose own subnets include this one: EKS places control-plane ENIs here
 * @param leakedEnis       unattached ENIs the VPC CNI created and left here ({@code Eni#leakedByCni})
 * @param reclaimableIps   the addresses they hold
 * @param overflowTo       a node subnet whose new nodes' primary-ENI prefixes go to these subnet discovery candidates
 *                         when it has no free /28 ({@link PrimaryPrefixes}); then counted in addresses, not blocks
 */
public record SubnetFigures(Subnet subnet, int usableIps, int warmIps, boolean prefixMode, int freePrefixBlocks,
                            int freeNow, GrowthForecast atDesired, GrowthForecast atMax, int nodeCost,
                            int nodesThatFit, List<String> clusters, List<NodeGroupRef> nodeGroups, int nodes,
                            Optional<PrefixPlacement> placement, GrowthForecast atUpdate,
                            Map<NodeGroupRef, Integer> updateSurge, List<String> controlPlaneOf, int leakedEnis,
                            int reclaimableIps, List<String> overflowTo) {
    public SubnetFigures {
        requireNonNull(subnet, "subnet");
        requireNonNull(atDesired, "atDesired");
        requireNonNull(atMax, "atMax");
        clusters = List.copyOf(clusters);
        nodeGroups = List.copyOf(nodeGroups);
        requireNonNull(placement, "placement");
        requireNonNull(atUpdate, "atUpdate");
        updateSurge = Collections.unmodifiableMap(new LinkedHashMap<>(updateSurge));
        controlPlaneOf = List.copyOf(controlPlaneOf);
        overflowTo = List.copyOf(overflowTo);
    }

    /** Without prefix overflow ({@code overflowTo} empty). */
    public SubnetFigures(Subnet subnet, int usableIps, int warmIps, boolean prefixMode, int freePrefixBlocks,
                         int freeNow, GrowthForecast atDesired, GrowthForecast atMax, int nodeCost,
                         int nodesThatFit, List<String> clusters, List<NodeGroupRef> nodeGroups, int nodes,
                         Optional<PrefixPlacement> placement, GrowthForecast atUpdate,
                         Map<NodeGroupRef, Integer> updateSurge, List<String> controlPlaneOf, int leakedEnis,
                         int reclaimableIps) {
        this(subnet, usableIps, warmIps, prefixMode, freePrefixBlocks, freeNow, atDesired, atMax, nodeCost,
                nodesThatFit, clusters, nodeGroups, nodes, placement, atUpdate, updateSurge, controlPlaneOf,
                leakedEnis, reclaimableIps, List.of());
    }

    /** Packed figures only, and nothing the subnet must keep free (no update surge, control plane or leaked ENI). */
    public SubnetFigures(Subnet subnet, int usableIps, int warmIps, boolean prefixMode, int freePrefixBlocks,
                         int freeNow, GrowthForecast atDesired, GrowthForecast atMax, int nodeCost,
                         int nodesThatFit, List<String> clusters, List<NodeGroupRef> nodeGroups, int nodes) {
        this(subnet, usableIps, warmIps, prefixMode, freePrefixBlocks, freeNow, atDesired, atMax, nodeCost,
                nodesThatFit, clusters, nodeGroups, nodes, Optional.empty(), atDesired, Map.of(), List.of(), 0, 0,
                List.of());
    }

    public String subnetId() {
        return subnet.subnetId();
    }

    /** EC2 {@code AvailableIpAddressCount} now (observed). */
    public int availableIps() {
        return subnet.availableIps();
    }
}
