package dev.eksip.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.config.AppConfig;
import dev.eksip.testing.aws.FaultProxy;
import dev.eksip.testing.aws.MotoServer;
import dev.eksip.testing.aws.ProcessCpu;
import dev.eksip.testing.aws.WideAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The scripted side-by-side benchmark of issue 10 (not part of the default {@code -Pit} run; docs/benchmarks.md):
 * the 50 clusters × 1,000 node groups account ({@link WideAccount}, 50 × 20 groups) in moto behind the
 * {@link FaultProxy} with 0 and 100 ms added per call, audited live one call at a time (bound 1) and at the default
 * bound ({@value AppConfig#DEFAULT_READ_CONCURRENCY}); at 0 ms also straight to moto (no proxy), for the proxy's own
 * cost per call. Prints the wall times, the calls, moto's CPU seconds during each read ({@link ProcessCpu}) and the
 * goal {@code 1.3 × (chain × latency + calls × latency / bound)} twice: as written, and with moto's CPU seconds as a
 * floor ({@code 1.3 × max(…, moto CPU)}: moto is one Python process, so no client concurrency reads faster than
 * moto computes the answers). Asserts that every read gives the same report byte for byte from the same calls. Run:
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
            for (int latencyMs : List.of(0, 100)) {
                proxy.latency(Duration.ofMillis(latencyMs));
                Read serial = Read.of(proxy.endpoint(), 1);
                Read concurrent = Read.of(proxy.endpoint(), bound);
                assertThat(serial.audit().report()).isEqualTo(warmUp.report());
                assertThat(concurrent.audit().report()).isEqualTo(serial.audit().report());
                assertThat(concurrent.audit().callsByOperation()).isEqualTo(serial.audit().callsByOperation())
                        .isEqualTo(warmUp.callsByOperation());
                if (latencyMs == 0) {
                    Read direct = Read.of(MOTO.endpoint(), 1);   // no proxy: what the proxy itself costs per call
                    Read directConcurrent = Read.of(MOTO.endpoint(), bound);
                    assertThat(direct.audit().report()).isEqualTo(serial.audit().report());
                    assertThat(directConcurrent.audit().report()).isEqualTo(serial.audit().report());
                    assertThat(direct.audit().callsByOperation()).isEqualTo(serial.audit().callsByOperation());
                    double perCallDirect = direct.audit().seconds() * 1000 / direct.audit().calls();
                    double perCallProxied = serial.audit().seconds() * 1000 / serial.audit().calls();
                    System.out.printf("per call at bound 1: direct to moto %.1f ms (moto CPU %.1f ms), through the "
                                    + "proxy %.1f ms (moto CPU %.1f ms): the proxy's own overhead %.1f ms per call; "
                                    + "direct at bound %d: %.1f s (moto CPU %.1f s)%n", perCallDirect,
                            direct.motoCpu() * 1000 / direct.audit().calls(), perCallProxied,
                            serial.motoCpu() * 1000 / serial.audit().calls(), perCallProxied - perCallDirect, bound,
                            directConcurrent.audit().seconds(), directConcurrent.motoCpu());
                }
                double latency = latencyMs / 1000.0;
                double goal = 1.3 * (CHAIN * latency + serial.audit().calls() * latency / bound);
                double floorGoal = 1.3 * Math.max(CHAIN * latency + serial.audit().calls() * latency / bound,
                        concurrent.motoCpu());
                double wall = concurrent.audit().seconds();
                rows.add("| %d ms | %d | %.1f s | %.1f s | %.1f s | %.1f s | %.1f× | %.1f s | %s | %.1f s | %s |"
                        .formatted(latencyMs, serial.audit().calls(), serial.audit().seconds(), serial.motoCpu(),
                                wall, concurrent.motoCpu(), serial.audit().seconds() / wall, goal,
                                wall <= goal ? "yes" : "no", floorGoal, wall <= floorGoal ? "yes" : "no"));
            }
            System.out.printf("report %d bytes, identical in every read; calls %s%n", warmUp.report().length(),
                    warmUp.callsByOperation());
        }
        System.out.println("| added latency | calls | serial (bound 1) | moto CPU | concurrent (bound " + bound
                + ") | moto CPU | speed-up | goal 1.3 × (chain × L + calls × L / bound) | met "
                + "| goal 1.3 × max(that, moto CPU of the concurrent read) | met |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        assertThat(rows).hasSize(2);
    }

    /** One live read and the CPU seconds moto spent during it ({@link ProcessCpu}: moto is one Python process). */
    private record Read(LiveAudit audit, double motoCpu) {
        static Read of(URI endpoint, int bound) {
            double before = ProcessCpu.seconds(MOTO.process());
            LiveAudit audit = LiveAudit.run(endpoint, bound);
            return new Read(audit, ProcessCpu.seconds(MOTO.process()) - before);
        }
    }
}
