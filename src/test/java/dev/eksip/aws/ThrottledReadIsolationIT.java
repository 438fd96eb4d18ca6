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
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
        try (Ec2Client ec2 = MOTO.client(Ec2Client.builder()); EksClient eks = MOTO.client(EksClient.builder());
             AutoScalingClient autoScaling = MOTO.client(AutoScalingClient.builder())) {
            TwoClusterAccount.seed(ec2, eks, autoScaling);
        }
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
        FaultRule throttled = FaultRule.on("ec2:GetSubnetCidrReservations", Fault.THROTTLING);
        proxy.rules(throttled);
        List<String> failures = new ArrayList<>();
        Map<String, String> env = Map.of("AWS_REGION", MotoServer.REGION.id(),
                "AWS_ENDPOINT_URL", proxy.endpoint().toString());
        for (int i = 0; i < READS; i++) {
            long start = System.nanoTime();
            try (AwsClients clients = AwsClients.fromEnvironment(env, FaultMatrixIT.TIMING)) {
                Inventory read = AwsInventorySource.using(clients, Map.of(), m -> { }).load(List.of());
                assertThat(read.gaps()).as("read %d: a gap names the throttled read", i)
                        .extracting(InventoryGap::operation).contains("ec2:GetSubnetCidrReservations");
                assertThat(read.nodes()).as("read %d: the nodes were read", i).isNotEmpty();
            } catch (RuntimeException e) {
                failures.add("read %d: %s".formatted(i, e));
            }
            System.out.printf("read %d: %d ms%n", i, Duration.ofNanos(System.nanoTime() - start).toMillis());
        }
        assertThat(proxy.injected(throttled)).as("throttling injected").isPositive();
        proxy.rules();
        assertThat(failures).as("reads that failed").isEmpty();
    }

    @Test
    void oneClustersThrottledNodeGroupReadsCostThatClusterOnly() {
        FaultRule throttled = new FaultRule("eks:DescribeNodegroup", Fault.THROTTLING,
                "/clusters/" + TwoClusterAccount.AT_RISK);
        proxy.rules(throttled);
        List<String> failures = new ArrayList<>();
        Map<String, String> env = Map.of("AWS_REGION", MotoServer.REGION.id(),
                "AWS_ENDPOINT_URL", proxy.endpoint().toString());
        for (int i = 0; i < READS; i++) {
            try (AwsClients clients = AwsClients.fromEnvironment(env, FaultMatrixIT.TIMING)) {
                Inventory read = AwsInventorySource.using(clients, Map.of(), m -> { }).load(List.of());
                List<InventoryGap> healthy = read.gaps().stream()
                        .filter(g -> g.scope().cluster().orElse("").equals(TwoClusterAccount.HEALTHY)).toList();
                if (!healthy.isEmpty()) failures.add("read %d: gaps on the healthy cluster %s".formatted(i, healthy));
            } catch (RuntimeException e) {
                failures.add("read %d: %s".formatted(i, e));
            }
        }
        assertThat(proxy.injected(throttled)).as("throttling injected").isPositive();
        proxy.rules();
        assertThat(failures).as("reads that cost the healthy cluster").isEmpty();
    }
}
