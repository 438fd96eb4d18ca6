package dev.eksip.lambda;

import dev.eksip.testing.lambda.LambdaProcess;
import dev.eksip.testing.lambda.LambdaRuntimeStub;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SnapStart measured with the real runtime client, side by side in one run (run only when named:
 * {@code ./mvnw -Pit verify -Dit.test=SnapStartBenchmarkIT}): rounds alternate a primed (snap-start) child, an
 * unprimed one and the trivial {@code BaselineHandler}; each prints the first invocation's latency after init
 * (runtime API hands out the event → response) and the init time. A local child cannot be restored from a snapshot,
 * so "primed" here is the same JVM after its {@code beforeCheckpoint}: what the snapshot holds, minus Lambda's
 * restore itself.
 */
class SnapStartBenchmarkIT extends SnapStartIT {
    private static final int ROUNDS = Integer.getInteger("snapstart.rounds", 5);

    @Test
    void firstCallPrimedVersusUnprimedVersusATrivialHandler() throws Exception {
        List<Double> primedFirst = new ArrayList<>(), unprimedFirst = new ArrayList<>(), primedInit = new ArrayList<>(),
                unprimedInit = new ArrayList<>(), unprimedCold = new ArrayList<>(), baselineCold = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            FirstCall primed = firstCall(true, "bench-p" + round);
            FirstCall unprimed = firstCall(false, "bench-u" + round);
            primedFirst.add(primed.firstCallMillis());
            primedInit.add(primed.initMillis());
            unprimedFirst.add(unprimed.firstCallMillis());
            unprimedInit.add(unprimed.initMillis());
            unprimedCold.add(unprimed.initMillis() + unprimed.firstCallMillis());
            baselineCold.add(baselineColdStart());
            assertThat(primed.response()).isEqualTo(unprimed.response());
        }
        System.out.printf(Locale.ROOT, """
                == SnapStart, %d rounds side by side (runtime interface client, child JVM, -Xmx%dm SerialGC C1) ==
                first call after init, primed:    %s
                first call after init, unprimed:  %s
                ratio of medians unprimed/primed: %.1fx
                init incl. priming (snap-start):  %s
                init (on-demand):                 %s
                cold start unprimed (init + first call) / trivial handler: %.1fx  (%s vs %s)
                """, ROUNDS, LambdaProcess.MEMORY_MB * 85 / 100, stats(primedFirst), stats(unprimedFirst),
                median(unprimedFirst) / median(primedFirst), stats(primedInit), stats(unprimedInit),
                median(unprimedCold) / median(baselineCold), stats(unprimedCold), stats(baselineCold));
        assertThat(median(primedFirst)).isPositive();
    }

    private static double baselineColdStart() throws Exception {
        try (LambdaRuntimeStub stub = new LambdaRuntimeStub()) {
            Map<String, String> env = new HashMap<>();
            env.put("AWS_LAMBDA_RUNTIME_API", stub.address());
            env.put("AWS_REGION", "us-east-1");
            try (LambdaProcess child = LambdaProcess.start(LambdaProcess.JAR + File.pathSeparator + "target/test-classes",
                    "dev.eksip.testing.lambda.BaselineHandler::handleRequest", env)) {
                LambdaRuntimeStub.Result r = stub.submit(Files.readAllBytes(Path.of("events/scheduled-event.json")))
                        .get(120, TimeUnit.SECONDS);
                assertThat(r.body()).isEqualTo("{\"ok\":true}");
                return (r.nanos() - child.startNanos) / 1e6;
            }
        }
    }

    private static String stats(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return String.format(Locale.ROOT, "min %6.0f  median %6.0f  max %6.0f ms", sorted.getFirst(), median(values),
                sorted.getLast());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
