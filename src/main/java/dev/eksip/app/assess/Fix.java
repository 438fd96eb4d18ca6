package dev.eksip.app.assess;

import dev.eksip.domain.Cluster;
import dev.eksip.simulation.SubnetFigures;

import java.util.List;

/**
 * The one sentence of advice for a subnet at risk: in prefix mode, room for /28 blocks; where warm ENIs hold a large
 * share of what is used, a WARM_IP_TARGET; else more address space.
 */
final class Fix {
    /** The WARM_IP_TARGET a fix suggests in place of whole warm ENIs (small enough to save, large enough for bursts). */
    static final int SUGGESTED_WARM_IP_TARGET = 5;

    private Fix() {
    }

    /** @param clusters the inventory's clusters (those using the subnet decide whether warm ENIs are in play) */
    static String of(SubnetFigures f, List<Cluster> clusters) {
        if (f.prefixMode())
            return ("AvailableIpAddressCount shows %d addresses but only %d free /28 blocks: create a prefix-type "
                    + "subnet CIDR reservation or give prefix-delegation nodes a dedicated subnet.")
                    .formatted(f.availableIps(), f.freePrefixBlocks());
        int used = Math.max(1, f.usableIps() - f.availableIps());
        boolean warmEniMode = clusters.stream()
                .filter(c -> f.clusters().contains(c.name())).anyMatch(c -> !c.cni().warmIpMode());
        int warm = f.warmIps();
        // §6(c): with WARM_IP_TARGET=W a node keeps W idle addresses instead of whole warm ENIs.
        int saved = warm - SUGGESTED_WARM_IP_TARGET * f.nodes();
        if (warm * 4 >= used && warmEniMode && saved > 0)
            return ("CNI warm pools hold %d idle addresses here; WARM_IP_TARGET=%d (with MINIMUM_IP_TARGET at the "
                    + "pods a node usually runs) would return about %d of them. Or add a secondary VPC CIDR with "
                    + "custom networking.").formatted(warm, SUGGESTED_WARM_IP_TARGET, saved);
        return "Add address space: a larger subnet or a secondary VPC CIDR with custom networking, or lower "
               + "node group max sizes.";
    }
}
