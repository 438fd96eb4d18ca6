package dev.eksip.domain;

import static java.util.Objects.requireNonNull;

import java.util.List;

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
 */
public record SubnetForecast(String subnetId, String vpcId, String availabilityZone, String cidr, int usableIps,
                             int availableIps, int warmIps, boolean prefixMode, int freePrefixBlocks,
                             GrowthForecast atDesired, GrowthForecast atMax, int nodesUntilExhaustion,
                             Severity severity, List<String> clusters, List<String> nodeGroups, String reason,
                             String fix) {
    public SubnetForecast {
        requireNonNull(subnetId, "subnetId");
        requireNonNull(severity, "severity");
        requireNonNull(atDesired, "atDesired");
        requireNonNull(atMax, "atMax");
        clusters = List.copyOf(clusters);
        nodeGroups = List.copyOf(nodeGroups);
        requireNonNull(reason, "reason");
        requireNonNull(fix, "fix");
    }

    /** Share of usable addresses in use now, 0–100. */
    public double utilizationPercent() {
        return usableIps == 0 ? 0 : 100.0 * Math.max(0, usableIps - availableIps) / usableIps;
    }

    public boolean exhaustedAtMax() {
        return atMax.headline() < 0;
    }
}
