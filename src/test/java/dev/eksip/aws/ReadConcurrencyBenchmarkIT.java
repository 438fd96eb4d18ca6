package dev.eksip.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.config.AppConfig;
import dev.eksip.testing.aws.FaultProxy;
import dev.eksip.testing.aws.MotoServer;
import dev.eksip.testing.aws.WideAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The scripted side-by-side benchmark of issue 10 (not part of the default {@code -Pit} run; docs/benchmarks.md):
 * the 50 clusters × 1,000 node groups account ({@link WideAccount}, 50 × 20 groups) in moto behind the
 * {@link FaultProxy} with 0 and 100 ms added per call, audited live one call at a time (bound 1) and at the default
 * bound ({@value AppConfig#DEFAULT_READ_CONCURRENCY}). Prints the wall times, the calls and the goal
 * {@code 1.3 × (chain × latency + calls × latency / bound)}, and asserts that every run gives the same report byte
 * for byte from the same calls. Run:
 * {@code ./mvnw -o -Pit verify -Dit.test=ReadConcurrencyBenchmarkIT -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dbench.clusters=N -Dbench.groups=M} for another size).
 */
class ReadConcurrencyBenchmarkIT {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();
    static final int CLUSTERS = Integer.getInteger("bench.clusters", 50);
    static final int GROUPS = Integer.getInteger("bench.groups", 20);
    static final int NODES = Integer.getInteger("bench.nodes", 2);
    /**
     * The longest dependent chain of calls for this account: ListClusters → DescribeCluster → ListNodegroups →
     * DescribeNodegroup → DescribeSubnets by id → DescribeSubnets by VPC (moto's clusters report no VPC id) →
     * GetSubnetCidrReservations or a DescribeNetworkInterfaces page.
     */
    static final int CHAIN = 7;

    @Test
    void serialAndConcurrentReadsAt0And100MillisecondsGiveOneReport() {
        long seedStart = System.nanoTime();
        try (Ec2Client ec2 = MOTO.client(Ec2Client.builder()); EksClient eks = MOTO.client(EksClient.builder())) {
            new WideAccount(CLUSTERS, GROUPS, NODES).seed(ec2, eks);
        }
        System.out.printf("seeded %d clusters × %d node groups (%d nodes) in %.0f s%n", CLUSTERS, GROUPS,
                CLUSTERS * NODES, (System.nanoTime() - seedStart) / 1e9);
        int bound = AppConfig.DEFAULT_READ_CONCURRENCY;
        List<String> rows = new ArrayList<>();
        try (FaultProxy proxy = new FaultProxy(MOTO.endpoint(), Duration.ofMinutes(1))) {
            LiveAudit warmUp = LiveAudit.run(proxy.endpoint(), bound);   // class loading and JIT out of the figures
            double serviceSeconds = 0;
            for (int latencyMs : List.of(0, 100)) {
                proxy.latency(Duration.ofMillis(latencyMs));
                LiveAudit serial = LiveAudit.run(proxy.endpoint(), 1);
                LiveAudit concurrent = LiveAudit.run(proxy.endpoint(), bound);
                assertThat(serial.report()).isEqualTo(warmUp.report());
                assertThat(concurrent.report()).isEqualTo(serial.report());
                assertThat(concurrent.callsByOperation()).isEqualTo(serial.callsByOperation())
                        .isEqualTo(warmUp.callsByOperation());
                if (latencyMs == 0) serviceSeconds = serial.seconds() / serial.calls();
                double latency = latencyMs / 1000.0;
                double goal = 1.3 * (CHAIN * latency + serial.calls() * latency / bound);
                double effective = latency + serviceSeconds;   // moto's own time per call counts as latency too
                double goalWithService = 1.3 * (CHAIN * effective + serial.calls() * effective / bound);
                rows.add("| %d ms | %d | %.1f s | %.1f s | %.1f× | %.1f s | %.1f s | %s |".formatted(latencyMs,
                        serial.calls(), serial.seconds(), concurrent.seconds(), serial.seconds() / concurrent.seconds(),
                        goal, goalWithService, concurrent.seconds() <= goalWithService ? "yes" : "no"));
            }
            System.out.printf("moto's own time per call (serial, 0 ms): %.1f ms; report %d bytes, identical in "
                    + "every run; calls %s%n", serviceSeconds * 1000, warmUp.report().length(), warmUp.callsByOperation());
        }
        System.out.println("| added latency | calls | serial (bound 1) | concurrent (bound " + bound + ") | speed-up "
                + "| goal 1.3 × (chain × L + calls × L / bound) | same with L + moto's time per call | met |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        assertThat(rows).hasSize(2);
    }
}
