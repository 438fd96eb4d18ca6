package dev.eksip.app.fleet;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Which targets went unaudited: no successful audit recorded within {@code period} before {@code now} (never
 * audited counts as unaudited). The hub publishes their number as {@code TargetsNotAudited} and logs their keys.
 */
public final class StaleTargets {
    private StaleTargets() {
    }

    /** @param lastAudited target → when its last audit completed (absent: never) */
    public static List<AuditTarget> of(List<AuditTarget> targets, Map<AuditTarget, Instant> lastAudited,
                                       Instant now, Duration period) {
        Instant since = now.minus(period);
        return targets.stream().filter(t -> {
            Instant at = lastAudited.get(t);
            return at == null || at.isBefore(since);
        }).sorted().toList();
    }
}
