package dev.eksip.app;

import dev.eksip.testing.ports.InMemoryPorts;

import dev.eksip.testing.forecast.Forecasts;

import static dev.eksip.testing.forecast.Forecasts.forecast;
import static dev.eksip.testing.forecast.Forecasts.subnet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eksip.app.alert.Alert;
import dev.eksip.app.alert.AlertState;
import dev.eksip.app.port.AlertSink;
import dev.eksip.app.port.AlertStateStore;
import dev.eksip.domain.Scope;
import dev.eksip.domain.Severity;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Issue 8 item 3: a retry, a crash and a concurrent run each produce at most one alert for one change. */
class RunAuditIdempotencyTest {
    private static final Scope WEB_PROD = new Scope.OfCluster("web-prod");
    private final RunAudit.ForecastStep critical =
            (c, t) -> Forecasts.at(forecast(subnet("subnet-a").critical().build()), t);
    private final List<Alert> delivered = new CopyOnWriteArrayList<>();
    private final InMemoryPorts.MemoryStates memory = new InMemoryPorts.MemoryStates();

    private RunAudit run(AlertSink sink, AlertStateStore store, int minute) {
        return new RunAudit(critical, new InMemoryPorts.RecordingMetrics(), MetricMapping.Detail.LEAN, sink, store,
                new RunAudit.AlertSettings(Severity.WARNING, Duration.ofHours(24)),
                Clock.fixed(Forecasts.AS_OF.plusSeconds(60L * minute), ZoneOffset.UTC));
    }

    /** Runs every 15 minutes; returns the failures. */
    private List<String> runs(int count, AlertSink sink, AlertStateStore store) {
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            try {
                run(sink, store, 15 * i).audit(List.of(), true);
            } catch (RunAudit.AuditFailedException e) {
                failures.add(e.getMessage());
            }
        }
        return failures;
    }

    /** The memory store whose claims fail the first {@code failures} times (a failed conditional PutItem). */
    private AlertStateStore claimsFailing(int failures) {
        AtomicInteger left = new AtomicInteger(failures);
        return new Delegating(memory) {
            @Override
            public boolean claim(Optional<AlertState> previous, AlertState next) {
                if (left.getAndDecrement() > 0) throw new IllegalStateException("PutItem: ProvisionedThroughputExceeded");
                return super.claim(previous, next);
            }
        };
    }

    @Test
    void aStoreThatCannotWriteSendsNothingInsteadOfTheSameAlertEveryRun() {
        List<String> failures = runs(3, delivered::add, claimsFailing(Integer.MAX_VALUE));
        assertThat(delivered).isEmpty();
        assertThat(failures).hasSize(3).allSatisfy(f -> assertThat(f).contains("alert for cluster web-prod")
                .contains("ProvisionedThroughputExceeded"));
    }

    @Test
    void aFailedPutItemIsRetriedByTheNextRunWhichSendsOnce() {
        List<String> failures = runs(3, delivered::add, claimsFailing(1));
        assertThat(delivered).singleElement().extracting(Alert::kind).isEqualTo(Alert.Kind.WORSENED);
        assertThat(failures).hasSize(1);
        assertThat(memory.states.get(WEB_PROD).lastSentAt()).isEqualTo(Forecasts.AS_OF.plusSeconds(900));
    }

    @Test
    void aSinkThatFailsAfterDeliveringIsNotAskedAgainForTheSameChange() {
        AtomicInteger calls = new AtomicInteger();
        AlertSink crashesAfterDelivery = a -> {
            delivered.add(a);
            if (calls.getAndIncrement() == 0) throw new IllegalStateException("read timed out after the request was sent");
        };
        List<String> failures = runs(3, crashesAfterDelivery, memory);
        assertThat(delivered).hasSize(1);
        assertThat(failures).singleElement().asString().contains("delivery unknown, so not re-sent");
    }

    @Test
    void aCrashBetweenClaimAndPublishSendsAtMostOnce() {
        AlertSink processDies = a -> {
            throw new Error("the function was killed (timeout)");
        };
        assertThatThrownBy(() -> run(processDies, memory, 0).audit(List.of(), true)).isInstanceOf(Error.class);
        runs(3, delivered::add, memory);   // later invocations find the change claimed
        assertThat(delivered).isEmpty();
        assertThat(memory.states.get(WEB_PROD).severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void aMessageTheSinkKnowsWasNotDeliveredIsReleasedAndSentOnceByTheNextRun() {
        AtomicInteger calls = new AtomicInteger();
        AlertSink refusesOnce = a -> {
            if (calls.getAndIncrement() == 0) throw new AlertSink.NotSentException("AuthorizationError", null);
            delivered.add(a);
        };
        List<String> failures = runs(3, refusesOnce, memory);
        assertThat(delivered).hasSize(1);
        assertThat(failures).singleElement().asString().contains("AuthorizationError");
    }

    @Test
    void twoConcurrentRunsThatLoadedTheSameStateSendOneAlert() throws Exception {
        CyclicBarrier bothLoaded = new CyclicBarrier(2);
        AlertStateStore store = new Delegating(memory) {
            @Override
            public Optional<AlertState> load(Scope scope) {
                Optional<AlertState> s = super.load(scope);
                try {
                    bothLoaded.await(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return s;
            }
        };
        List<RunAudit.Outcome> outcomes = new CopyOnWriteArrayList<>();
        List<Thread> threads = List.of(
                new Thread(() -> outcomes.add(run(delivered::add, store, 0).audit(List.of(), true))),
                new Thread(() -> outcomes.add(run(delivered::add, store, 0).audit(List.of(), true))));
        threads.forEach(Thread::start);
        for (Thread t : threads) t.join();
        assertThat(outcomes).hasSize(2);   // neither failed
        assertThat(delivered).hasSize(1);
        assertThat(outcomes).flatExtracting(RunAudit.Outcome::alertsSent).containsExactly("web-prod:worsened");
    }

    /** Every call to the wrapped store. */
    private static class Delegating implements AlertStateStore {
        private final AlertStateStore inner;

        Delegating(AlertStateStore inner) {
            this.inner = inner;
        }

        @Override
        public Optional<AlertState> load(Scope scope) {
            return inner.load(scope);
        }

        @Override
        public boolean claim(Optional<AlertState> previous, AlertState next) {
            return inner.claim(previous, next);
        }

        @Override
        public boolean release(AlertState claimed, Optional<AlertState> previous) {
            return inner.release(claimed, previous);
        }

        @Override
        public void save(AlertState state) {
            inner.save(state);
        }
    }
}
