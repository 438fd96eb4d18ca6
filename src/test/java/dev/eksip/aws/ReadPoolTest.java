package dev.eksip.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eksip.app.AwsCallException;
import dev.eksip.domain.InventoryGap;
import dev.eksip.domain.Scope;
import dev.eksip.testing.aws.SdkFakes;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/** Bounded concurrent reads: at most the bound in flight, results and gaps in request order, failures as thrown. */
class ReadPoolTest {
    final List<InventoryGap> gaps = new ArrayList<>();
    final AwsCalls calls = new AwsCalls(gaps);

    @Test
    void resultsAndGapsComeInRequestOrderWhateverFinishesFirst() {
        List<Integer> inputs = IntStream.range(0, 20).boxed().toList();
        try (ReadPool pool = new ReadPool(8)) {
            List<Integer> out = pool.leaves(inputs, calls, (c, i) -> {
                sleepMillis(40 - 2 * i);   // the later the request, the sooner it finishes
                c.gapOr(Scope.cluster("c" + i), "eks:DescribeCluster", "unread", () -> {
                    throw SdkFakes.eksError("AccessDeniedException", 403);
                });
                return i * 10;
            });
            assertThat(out).isEqualTo(inputs.stream().map(i -> i * 10).toList());
        }
        assertThat(gaps).extracting(g -> g.scope().toString())
                .containsExactlyElementsOf(inputs.stream().map(i -> Scope.cluster("c" + i).toString()).toList());
    }

    @Test
    void noMoreThanTheBoundRunAtOnceAndTheBoundIsReached() throws InterruptedException {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch fourStarted = new CountDownLatch(4);
        try (ReadPool pool = new ReadPool(4)) {
            // branches hold no call thread: 6 branches each waiting on 5 leaves cannot starve them
            pool.branches(IntStream.range(0, 6).boxed().toList(), calls, (c, b) -> pool.leaves(
                    IntStream.range(0, 5).boxed().toList(), c, (cc, i) -> {
                        most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                        fourStarted.countDown();
                        sleepMillis(15);
                        inFlight.decrementAndGet();
                        return i;
                    }));
        }
        assertThat(fourStarted.await(1, TimeUnit.SECONDS)).isTrue();
        assertThat(most.get()).isEqualTo(4);
    }

    @Test
    void withABoundOfOneEachTaskRunsOnTheCallersThreadWhenJoinedAndAFatalFailureStopsTheRest() {
        List<String> ran = new ArrayList<>();
        Thread caller = Thread.currentThread();
        try (ReadPool pool = new ReadPool(1)) {
            assertThatThrownBy(() -> pool.leaves(List.of("a", "b", "c"), calls, (c, name) -> {
                assertThat(Thread.currentThread()).isSameAs(caller);
                ran.add(name);
                if (name.equals("b")) return AwsCalls.required("ec2:DescribeInstances", () -> {
                    throw SdkFakes.ec2Error("UnauthorizedOperation");
                });
                return name;
            })).isInstanceOf(AwsCallException.class).hasMessageContaining("ec2:DescribeInstances");
        }
        assertThat(ran).containsExactly("a", "b");
    }

    @Test
    void aConcurrentFatalFailureIsRethrownAsThrown() {
        try (ReadPool pool = new ReadPool(3)) {
            assertThatThrownBy(() -> pool.leaves(List.of(1, 2, 3), calls, (c, i) -> i == 2
                    ? AwsCalls.required("ec2:DescribeSubnets", () -> {
                        throw SdkFakes.ec2Error("UnauthorizedOperation");
                    }) : i)).isInstanceOf(AwsCallException.class).hasMessageContaining("ec2:DescribeSubnets");
        }
    }

    @Test
    void theBoundIsAtLeastOne() {
        assertThatThrownBy(() -> new ReadPool(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }

    private static void sleepMillis(long ms) {
        try {
            Thread.sleep(Math.max(0, ms));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
