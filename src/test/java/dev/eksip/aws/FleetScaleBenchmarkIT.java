package dev.eksip.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.app.RunForecast;
import dev.eksip.app.fleet.AuditTarget;
import dev.eksip.app.fleet.FleetAudit;
import dev.eksip.app.fleet.TargetResult;
import dev.eksip.domain.Forecast;
import dev.eksip.testing.aws.FaultProxy;
import dev.eksip.testing.aws.MotoServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The scripted organization-wide scale run of issue 14 (not part of the default {@code -Pit} run; docs/benchmarks.md):
 * {@value #ACCOUNTS} accounts × 2 regions = 500 targets in moto (multi-account through AssumeRole) behind the
 * {@link FaultProxy} adding 100 ms to every call, audited at the hub's default concurrency. Each target's own
 * duration is measured, so one run gives both the wall time and the serial sum (what one-at-a-time would cost).
 * Run: {@code ./mvnw -o -Pit verify -Dit.test=FleetScaleBenchmarkIT -Dtest=NoSuchTest
 * -Dsurefire.failIfNoSpecifiedTests=false} ({@code -Dbench.accounts=N -Dbench.concurrency=M} for others).
 */
class FleetScaleBenchmarkIT {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer().withoutDefaultAmis();
    static final int ACCOUNTS = Integer.getInteger("bench.accounts", 250);
    static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 10);
    static final List<String> REGIONS = List.of("us-east-1", "eu-west-1");

    @Test
    void fiveHundredTargetsAt100MillisecondsPerCall() {
        List<AuditTarget> targets = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++)
            for (String region : REGIONS) targets.add(new AuditTarget("%012d".formatted(200_000_000_000L + i), region));
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
        try (FaultProxy proxy = new FaultProxy(MOTO.endpoint(), Duration.ofMinutes(1))) {
            Map<String, String> env = new HashMap<>(MOTO.environment());
            env.put("AWS_ENDPOINT_URL", proxy.endpoint().toString());
            try (AwsClients hub = AwsClients.fromEnvironment(env);
                 TargetAccess access = TargetAccess.using(hub, "eks-ip-forecaster-reader", Optional.empty())) {
                run(access, targets.subList(0, Math.min(20, targets.size())));   // warm-up: class loading, JIT
                proxy.clearSeen();
                proxy.latency(Duration.ofMillis(100));
                AtomicLong serialNanos = new AtomicLong();
                long start = System.nanoTime();
                List<TargetResult<Forecast>> results = FleetAudit.run(targets, CONCURRENCY, target -> {
                    long t0 = System.nanoTime();
                    try {
                        return audit(access, target);
                    } finally {
                        serialNanos.addAndGet(System.nanoTime() - t0);
                    }
                }, m -> { });
                double wall = (System.nanoTime() - start) / 1e9;
                double serial = serialNanos.get() / 1e9;
                long calls = proxy.seen().values().stream().mapToLong(Integer::longValue).sum();
                assertThat(results).hasSize(targets.size()).allMatch(r -> r instanceof TargetResult.Audited<Forecast>);
                double perTarget = serial / targets.size();
                System.out.printf("%d targets, %d calls (%.1f per target: %s), 100 ms per call, concurrency %d%n",
                        targets.size(), calls, (double) calls / targets.size(), proxy.seen(), CONCURRENCY);
                System.out.printf("| targets | concurrency | wall | serial sum | speed-up | per target |%n");
                System.out.printf("| %d | %d | %.1f s | %.1f s | %.1f× | %.2f s |%n", targets.size(), CONCURRENCY,
                        wall, serial, serial / wall, perTarget);
                System.out.printf("projected 1,000 accounts × 17 regions (17,000 targets) at %d: %.0f min; at 100: "
                        + "%.0f min%n", CONCURRENCY, 17_000 * perTarget / CONCURRENCY / 60, 17_000 * perTarget / 100 / 60);
            }
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }

    private static void run(TargetAccess access, List<AuditTarget> targets) {
        FleetAudit.run(targets, CONCURRENCY, t -> audit(access, t), m -> { });
    }

    private static Forecast audit(TargetAccess access, AuditTarget target) {
        try (AwsClients clients = access.clients(target)) {
            return RunForecast.forecast(AwsInventorySource.using(clients, Map.of(), m -> { }).load(List.of()),
                    Instant.parse("2026-12-01T00:00:00Z"));
        }
    }
}
