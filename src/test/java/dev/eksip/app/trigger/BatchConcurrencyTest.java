package dev.eksip.app.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.testing.forecast.Forecasts;
import dev.eksip.testing.ports.InMemoryPorts;
import dev.eksip.app.MetricMapping;
import dev.eksip.app.RunAudit;
import dev.eksip.app.trigger.TriggerRequest.BatchRecord;
import dev.eksip.domain.Severity;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A batch's per-cluster audits run at most {@code concurrency} at a time, to a {@link Deadline}, and the result
 * keeps the clusters' order. No sleeping: overlap is proven with a latch, time is simulated with a fake clock that
 * advances one audit's duration each time four audits meet at a barrier (four workers in lock step).
 */
class BatchConcurrencyTest {
    static final long TIMEOUT_MS = 180_000;
    static final long AUDIT_MS = 30 * 150;   // 30 AWS calls at 150 ms
    static final Duration RESERVE = Duration.ofSeconds(10);

    final List<String> audited = Collections.synchronizedList(new ArrayList<>());

    TriggerAudits triggers(int concurrency, Consumer<String> during) {
        RunAudit audit = new RunAudit((clusters, asOf) -> {
            during.accept(clusters.get(0));
            audited.add(clusters.get(0));
            return Forecasts.at(Forecasts.forecast(clusters.stream()
                    .map(c -> Forecasts.subnet("subnet-" + c).clusters(c).build()).toList()), asOf);
        }, new InMemoryPorts.RecordingMetrics(), MetricMapping.Detail.LEAN, new InMemoryPorts.RecordingAlerts(),
                new InMemoryPorts.MemoryStates(), new RunAudit.AlertSettings(Severity.WARNING, Duration.ofHours(24)),
                Clock.fixed(Forecasts.AS_OF, ZoneOffset.UTC));
        return new TriggerAudits(audit::audit, group -> Optional.empty(), List.of(), concurrency);
    }

    static TriggerRequest.Batch batchOf(int clusters) {
        List<BatchRecord> records = new ArrayList<>();
        for (int i = 1; i <= clusters; i++)
            records.add(new BatchRecord(i - 1, Optional.of("m-c%03d".formatted(i)), new Target.Cluster("c%03d".formatted(i))));
        return new TriggerRequest.Batch(records);
    }

    final List<String> deadlineLog = Collections.synchronizedList(new ArrayList<>());
    final AuditProgress progress = new AuditProgress() {
        @Override public void audited(String trigger, RunAudit.Outcome outcome) { }
        @Override public void auditFailed(String trigger, List<String> clusters, RunAudit.AuditFailedException f) { }
        @Override public void clusterUnresolved(String autoScalingGroup) { }
        @Override public void clusterLookupFailed(String autoScalingGroup, RuntimeException failure) { }
        @Override public void invalidRecord(int index, String messageId, String reason) { }
        @Override public void ignoredRecord(int index, String messageId, String reason) { }
        @Override public void deadlineReached(List<String> clusters, int records, long remainingMillis) {
            deadlineLog.add(clusters.size() + " clusters, " + records + " records, " + remainingMillis + " ms left");
        }
        @Override public void unidentifiedRecord(int index) { }
    };

    @Test
    void atMostFourAuditsAreInFlightFourDoOverlapAndTheResultKeepsTheBatchOrder() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch fourStarted = new CountDownLatch(4);
        AtomicInteger overlapped = new AtomicInteger();
        TriggerAudits t = triggers(4, cluster -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            fourStarted.countDown();
            try {
                // with fewer than four at a time this would wait the full second and count no overlap
                if (fourStarted.await(1, TimeUnit.SECONDS)) overlapped.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
            }
        });

        TriggerOutcome.Batch b = (TriggerOutcome.Batch) t.handle(batchOf(12), progress);

        assertThat(most.get()).isEqualTo(4);
        assertThat(overlapped.get()).isEqualTo(12);
        assertThat(b.audits()).extracting(a -> a.cluster().orElseThrow())
                .containsExactlyElementsOf(batchOf(12).records().stream()
                        .map(r -> ((Target.Cluster) r.target()).name()).toList());
        assertThat(b.failedMessageIds()).isEmpty();
    }

    /** Four workers in lock step: each round of four audits advances the fake clock by one audit's duration. */
    private TriggerOutcome.Batch simulate(int clusters, AtomicLong elapsed) {
        CyclicBarrier round = new CyclicBarrier(4, () -> elapsed.addAndGet(AUDIT_MS));
        TriggerAudits t = triggers(4, cluster -> {
            try {
                round.await(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the lock step broke", e);
            }
        });
        Deadline deadline = new Deadline(() -> TIMEOUT_MS - elapsed.get(), RESERVE);
        return (TriggerOutcome.Batch) t.handle(batchOf(clusters), progress, deadline);
    }

    @Test
    void fortyClustersFourAtATimeTakeAQuarterOfTheSerialTime() {
        AtomicLong elapsed = new AtomicLong();
        TriggerOutcome.Batch b = simulate(40, elapsed);
        System.out.printf("8b after: 40 clusters x %d ms, 4 at a time: finished at %.1f s of %d s, %d audited, "
                + "%d records returned%n", AUDIT_MS, elapsed.get() / 1000.0, TIMEOUT_MS / 1000, audited.size(),
                b.failedMessageIds().size());

        assertThat(elapsed.get()).isEqualTo(10 * AUDIT_MS);   // 45 s: ten rounds of four
        assertThat(b.failedMessageIds()).isEmpty();
        assertThat(audited).hasSize(40);
        assertThat(deadlineLog).isEmpty();
    }

    @Test
    void twoHundredClustersStopAtTheDeadlineAndReturnTheRecordsNotReached() {
        AtomicLong elapsed = new AtomicLong();
        TriggerOutcome.Batch b = simulate(200, elapsed);
        System.out.printf("8b after: 200 clusters x %d ms, 4 at a time: finished at %.1f s of %d s, %d audited, "
                + "%d records returned%n", AUDIT_MS, elapsed.get() / 1000.0, TIMEOUT_MS / 1000, audited.size(),
                b.failedMessageIds().size());

        // a round starts only while 180 s - elapsed - 10 s reserve >= 4.5 s: rounds at 0 … 162 s, 37 of them
        assertThat(audited).hasSize(37 * 4);
        assertThat(elapsed.get()).isEqualTo(37 * AUDIT_MS).isLessThanOrEqualTo(TIMEOUT_MS - RESERVE.toMillis());
        assertThat(b.failedMessageIds()).hasSize(200 - 148)
                .allSatisfy(id -> assertThat(audited).doesNotContain(id.substring(2)));
        assertThat(b.audits()).filteredOn(a -> a.result() == TriggerOutcome.Result.NOT_STARTED).hasSize(52);
        assertThat(deadlineLog).containsExactly("52 clusters, 52 records, 13500 ms left");
    }

    @Test
    void anAccountWideBatchThatCannotStartBeforeTheDeadlineReturnsEveryRoutedRecord() {
        TriggerAudits t = triggers(4, cluster -> { });
        TriggerOutcome.Batch b = (TriggerOutcome.Batch) t.handle(new TriggerRequest.Batch(List.of(
                new BatchRecord(0, Optional.of("a"), new Target.AllClusters("no cluster name in CloudTrail event")),
                new BatchRecord(1, Optional.of("b"), new Target.Cluster("c001")))), progress,
                new Deadline(() -> 9_000, RESERVE));

        assertThat(audited).isEmpty();
        assertThat(b.failedMessageIds()).containsExactly("a", "b");
        assertThat(deadlineLog).containsExactly("2 clusters, 2 records, 9000 ms left");
    }
}
