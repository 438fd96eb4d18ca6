package dev.eksip.domain;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/**
 * The forecast for one subnet.
 *
 * @param usableIps            {@code 2^(32-len) - 5} (AWS reserves five addresses, §10)
 * @param availableIps         EC2 {@code AvailableIpAddressCount} now (observed)
 * @param warmIps              addresses held idle by the CNI warm pools of the nodes in it (observed holdings)
 * @param prefixMode           a prefix-delegation cluster allocates here: forecast in /28 blocks
 * @param freePrefixBlocks     free aligned /28 blocks now (-1 when not computed: no prefix-mode cluster here)
 * @param atDesired            addresses left once every node group reaches its desired size
 * @param atMax                addresses left once every node group reaches its max size
 * @param nodesUntilExhaustion new nodes (median holding) that still fit before the subnet runs dry
 * @param clusters             clusters that allocate in this subnet
 * @param nodeGroups           node groups that launch into or allocate pod ENIs in this subnet
 * @param reason               one sentence: why this severity
 * @param fix                  one sentence: what to do ("" when OK)
 * @param placement            in prefix mode, the /28 figures as bands over where EC2 puts /32s (packed, random
 *                             expected, pessimistic); {@code nodesUntilExhaustion} is then its expected nodes fit
 * @param fix                  one sentence: what to do ("" when OK and nothing is reclaimable)
 * @param atUpdate             addresses left while every managed node group is updated at its desired size (its
 *                             surge nodes launched before the old ones drain)
 * @param updateSurge          the update surge (extra nodes) of each managed node group launching here, by
 *                             {@code cluster/group}
 * @param controlPlaneOf       clusters whose own subnets include this one (their control-plane ENIs go here)
 * @param loadBalancerSubnet   tagged {@code kubernetes.io/role/elb} or {@code kubernetes.io/role/internal-elb}
 * @param leakedEnis           unattached ENIs the VPC CNI created and left here
 * @param reclaimableIps       the addresses those leaked ENIs hold
 */
public record SubnetForecast(String subnetId, String vpcId, String availabilityZone, String cidr, int usableIps,
                             int availableIps, int warmIps, boolean prefixMode, int freePrefixBlocks,
                             GrowthForecast atDesired, GrowthForecast atMax, int nodesUntilExhaustion,
                             Severity severity, List<String> clusters, List<String> nodeGroups, String reason,
                             String fix, Optional<PrefixPlacement> placement, GrowthForecast atUpdate,
                             Map<String, Integer> updateSurge, List<String> controlPlaneOf,
                             boolean loadBalancerSubnet, int leakedEnis, int reclaimableIps) {
    public SubnetForecast {
        requireNonNull(subnetId, "subnetId");
        requireNonNull(severity, "severity");
        requireNonNull(atDesired, "atDesired");
        requireNonNull(atMax, "atMax");
        clusters = List.copyOf(clusters);
        nodeGroups = List.copyOf(nodeGroups);
        requireNonNull(reason, "reason");
        requireNonNull(fix, "fix");
        requireNonNull(placement, "placement");
        requireNonNull(atUpdate, "atUpdate");
        updateSurge = Collections.unmodifiableMap(new LinkedHashMap<>(updateSurge));
        controlPlaneOf = List.copyOf(controlPlaneOf);
    }

    /** A forecast with packed figures only and nothing it must keep free (no surge, control plane, load balancer). */
    public SubnetForecast(String subnetId, String vpcId, String availabilityZone, String cidr, int usableIps,
                          int availableIps, int warmIps, boolean prefixMode, int freePrefixBlocks,
                          GrowthForecast atDesired, GrowthForecast atMax, int nodesUntilExhaustion,
                          Severity severity, List<String> clusters, List<String> nodeGroups, String reason,
                          String fix) {
        this(subnetId, vpcId, availabilityZone, cidr, usableIps, availableIps, warmIps, prefixMode, freePrefixBlocks,
                atDesired, atMax, nodesUntilExhaustion, severity, clusters, nodeGroups, reason, fix, Optional.empty(),
                atDesired, Map.of(), List.of(), false, 0, 0);
    }

    /** Share of usable addresses in use now, 0–100. */
    public double utilizationPercent() {
        return usableIps == 0 ? 0 : 100.0 * Math.max(0, usableIps - availableIps) / usableIps;
    }

    public boolean exhaustedAtMax() {
        return atMax.headline() < 0;
    }
}
