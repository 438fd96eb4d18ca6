package dev.eksip.app.report;

import dev.eksip.domain.SubnetForecast;

import java.util.ArrayList;
import java.util.List;

/**
 * The table's line of what a subnet must keep free: whose control plane it holds, that load balancers use it, the
 * update surge of the node groups launching into it, and what leaked CNI ENIs hold ("" when none applies).
 */
final class KeepFreeLine {
    private KeepFreeLine() {
    }

    static String of(SubnetForecast s) {
        List<String> parts = new ArrayList<>(4);
        if (!s.controlPlaneOf().isEmpty())
            parts.add("control plane of " + String.join(", ", s.controlPlaneOf()) + " (keeps 6 free)");
        if (s.loadBalancerSubnet()) parts.add("load balancers (keep 8 free)");
        if (!s.updateSurge().isEmpty()) {
            List<String> surge = new ArrayList<>();
            s.updateSurge().forEach((g, n) -> surge.add("%s +%d".formatted(g, n)));
            parts.add("update surge: " + String.join(", ", surge));
        }
        if (s.leakedEnis() > 0)
            parts.add("%d leaked CNI ENIs hold %d reclaimable addresses".formatted(s.leakedEnis(), s.reclaimableIps()));
        return String.join("; ", parts);
    }
}
