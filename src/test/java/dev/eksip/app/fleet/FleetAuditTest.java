package dev.eksip.app.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

class FleetAuditTest {
    static List<AuditTarget> targets(int n) {
        List<AuditTarget> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(new AuditTarget("%012d".formatted(i + 1), "eu-west-1"));
        return out;
    }

    @Test
    void aFailingTargetIsNamedAndTheOthersAreAuditedInTargetOrder() {
        List<String> progress = Collections.synchronizedList(new ArrayList<>());
        var results = FleetAudit.run(targets(5), 3, t -> {
            if (t.accountId().endsWith("3")) throw new IllegalStateException("sts:AssumeRole failed: AccessDenied");
            return t.accountId().substring(10);
        }, progress::add);

        assertThat(results).extracting(r -> r.target().accountId())
                .containsExactly("000000000001", "000000000002", "000000000003", "000000000004", "000000000005");
        assertThat(results.get(2)).isEqualTo(new TargetResult.Failed<String>(targets(5).get(2),
                "sts:AssumeRole failed: AccessDenied"));
        assertThat(results).filteredOn(r -> r instanceof TargetResult.Audited<String>).hasSize(4);
        assertThat(((TargetResult.Audited<String>) results.get(4)).value()).isEqualTo("05");
        assertThat(progress).contains("failed 000000000003/eu-west-1: sts:AssumeRole failed: AccessDenied");
    }

    @Test
    void targetsOverlapUpToTheBoundAndNeverBeyondIt() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        CountDownLatch fourStarted = new CountDownLatch(4);
        var results = FleetAudit.run(targets(12), 4, t -> {
            peak.accumulateAndGet(running.incrementAndGet(), Math::max);
            fourStarted.countDown();
            try {
                // the first four wait for each other: a serial run would never get past this
                assertThat(fourStarted.await(10, TimeUnit.SECONDS)).isTrue();
                Thread.sleep(5);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            running.decrementAndGet();
            return 1;
        }, m -> { });

        assertThat(results).hasSize(12).allMatch(r -> r instanceof TargetResult.Audited<Integer>);
        assertThat(peak.get()).isEqualTo(4);
    }

    @Test
    void aBoundBelowOneIsRefused() {
        assertThatThrownBy(() -> FleetAudit.run(targets(1), 0, t -> 1, m -> { }))
                .hasMessageContaining("concurrency: expected at least 1, got 0");
    }
}
