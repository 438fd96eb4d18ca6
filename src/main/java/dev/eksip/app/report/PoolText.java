package dev.eksip.app.report;

import dev.eksip.domain.PoolOutlook;
import dev.eksip.domain.Printable;

import java.util.stream.Collectors;

/** A node pool's outlook in one sentence for people (the audit table and the alert text). */
public final class PoolText {
    private PoolText() {
    }

    /**
     * E.g. {@code karpenter node pool default: 3 nodes (m5.large); max unbounded (NodePool limits unknown); new nodes
     * until exhaustion: subnet-a 12, subnet-b 40}.
     */
    public static String line(PoolOutlook p) {
        String types = p.instanceTypes().stream().map(Printable::escape).collect(Collectors.joining(", "));
        String max = p.unbounded() ? "max unbounded (NodePool limits unknown)"
                : "max %d nodes (NodePool CPU limit)".formatted(p.maxNodes());
        String room = p.subnets().stream().filter(r -> r.nodesThatFit() >= 0)
                .map(r -> Printable.escape(r.subnetId()) + " " + r.nodesThatFit())
                .collect(Collectors.joining(", "));
        return "%s node pool %s: %d node%s (%s); %s; new nodes until exhaustion: %s".formatted(
                p.provisioner().id(), Printable.escape(p.pool().nodeGroup()), p.nodes(), p.nodes() == 1 ? "" : "s",
                types, max, room.isEmpty() ? "-" : room);
    }
}
