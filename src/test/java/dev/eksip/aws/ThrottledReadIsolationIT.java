package dev.eksip.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.domain.Inventory;
import dev.eksip.domain.InventoryGap;
import dev.eksip.testing.aws.FaultProxy;
import dev.eksip.testing.aws.FaultRule;
import dev.eksip.testing.aws.FaultRule.Fault;
import dev.eksip.testing.aws.MotoServer;
import dev.eksip.testing.aws.TwoClusterAccount;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A read throttled past its retries costs its own gap, never a read it does not depend on. The SDK's adaptive retry
 * keeps one client-side rate limiter per client for every operation (sdk-core 2.57.8 {@code RetryableStageHelper}
 * acquires each request's token with the scope {@code "GLOBAL"}), so on shared clients a throttled read slowed the
 * reads beside it past their call timeout: every {@code GetSubnetCidrReservations} throttled failed the whole read
 * through {@code DescribeNetworkInterfaces} ({@code FaultMatrixIT}'s reservations × throttling cell, now and then),
 * and one cluster's throttled {@code DescribeNodegroup} left a gap on the healthy cluster. With
 * {@link FaultMatrixIT#TIMING}'s short timeouts, each of several reads must come out right.
 */
class ThrottledReadIsolationIT {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();
    static final int READS = 12;

    static FaultProxy proxy;

    @BeforeAll
    static void seed() {
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
        MOTO.seed(TwoClusterAccount::seed);
        proxy = new FaultProxy(MOTO.endpoint(), Duration.ofSeconds(30));
    }

    @AfterAll
    static void close() {
        if (proxy != null) proxy.close();
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @Test
    void aThrottledReservationsReadCostsItsGapOnlyNotTheRequiredReads() {
        List<String> wrong = readsUnder(FaultRule.on("ec2:GetSubnetCidrReservations", Fault.THROTTLING), read ->
                read.gaps().stream().noneMatch(g -> g.operation().equals("ec2:GetSubnetCidrReservations"))
                        ? "no gap names the throttled read" : read.nodes().isEmpty() ? "no node read" : null);
        assertThat(wrong).as("reads that failed or lost more than the throttled call").isEmpty();
    }

    @Test
    void oneClustersThrottledNodeGroupReadsCostThatClusterOnly() {
        List<String> wrong = readsUnder(new FaultRule("eks:DescribeNodegroup", Fault.THROTTLING,
                "/clusters/" + TwoClusterAccount.AT_RISK), read -> {
            List<InventoryGap> healthy = read.gaps().stream()
                    .filter(g -> g.scope().cluster().orElse("").equals(TwoClusterAccount.HEALTHY)).toList();
            return healthy.isEmpty() ? null : "gaps on the healthy cluster " + healthy;
        });
        assertThat(wrong).as("reads that cost the healthy cluster").isEmpty();
    }

    /**
     * {@link #READS} reads with {@code rule} on, each over new clients (a fresh rate limiter); per read that went
     * wrong, what {@code check} says of it (null: right) or its failure.
     */
    private static List<String> readsUnder(FaultRule rule, Function<Inventory, String> check) {
        proxy.rules(rule);
        List<String> wrong = new ArrayList<>();
        Map<String, String> env = Map.of("AWS_REGION", MotoServer.REGION.id(),
                "AWS_ENDPOINT_URL", proxy.endpoint().toString());
        try {
            for (int i = 0; i < READS; i++) {
                long start = System.nanoTime();
                try (AwsClients clients = AwsClients.fromEnvironment(env, FaultMatrixIT.TIMING)) {
                    String problem = check.apply(AwsInventorySource.using(clients, Map.of(), m -> { }).load(List.of()));
                    if (problem != null) wrong.add("read %d: %s".formatted(i, problem));
                } catch (RuntimeException e) {
                    wrong.add("read %d: %s".formatted(i, e));
                }
                System.out.printf("%s, read %d: %d ms%n", rule.action(), i,
                        Duration.ofNanos(System.nanoTime() - start).toMillis());
            }
            assertThat(proxy.injected(rule)).as("throttling injected").isPositive();
        } finally {
            proxy.rules();
        }
        return wrong;
    }
}
