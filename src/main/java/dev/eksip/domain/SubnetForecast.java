package dev.eksip.domain;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

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
 */
public record SubnetForecast(String subnetId, String vpcId, String availabilityZone, String cidr, int usableIps,
                             int availableIps, int warmIps, boolean prefixMode, int freePrefixBlocks,
                             GrowthForecast atDesired, GrowthForecast atMax, int nodesUntilExhaustion,
                             Severity severity, List<String> clusters, List<String> nodeGroups, String reason,
                             String fix, Optional<PrefixPlacement> placement) {
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
    }

    /** A forecast without a placement band (packed figures only). */
    public SubnetForecast(String subnetId, String vpcId, String availabilityZone, String cidr, int usableIps,
                          int availableIps, int warmIps, boolean prefixMode, int freePrefixBlocks,
                          GrowthForecast atDesired, GrowthForecast atMax, int nodesUntilExhaustion,
                          Severity severity, List<String> clusters, List<String> nodeGroups, String reason,
                          String fix) {
        this(subnetId, vpcId, availabilityZone, cidr, usableIps, availableIps, warmIps, prefixMode, freePrefixBlocks,
                atDesired, atMax, nodesUntilExhaustion, severity, clusters, nodeGroups, reason, fix, Optional.empty());
    }

    /** Share of usable addresses in use now, 0–100. */
    public double utilizationPercent() {
        return usableIps == 0 ? 0 : 100.0 * Math.max(0, usableIps - availableIps) / usableIps;
    }

    public boolean exhaustedAtMax() {
        return atMax.headline() < 0;
    }
}
