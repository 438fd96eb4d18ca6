package dev.eksip.app.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

class StaleTargetsTest {
    @Test
    void neverAuditedAndAuditedBeforeThePeriodAreStaleInTargetOrder() {
        Instant now = Instant.parse("2026-12-01T12:00:00Z");
        AuditTarget fresh = new AuditTarget("111111111111", "eu-west-1");
        AuditTarget old = new AuditTarget("222222222222", "eu-west-1");
        AuditTarget never = new AuditTarget("000000000001", "eu-west-1");
        AuditTarget edge = new AuditTarget("333333333333", "eu-west-1");

        List<AuditTarget> stale = StaleTargets.of(List.of(fresh, old, never, edge), Map.of(
                fresh, now.minus(Duration.ofMinutes(10)), old, now.minus(Duration.ofHours(2)),
                edge, now.minus(Duration.ofHours(1))), now, Duration.ofHours(1));

        assertThat(stale).containsExactly(never, old);
    }
}
