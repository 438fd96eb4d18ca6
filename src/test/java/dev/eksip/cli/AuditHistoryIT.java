package dev.eksip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.testing.aws.CloudWatchWireRecorder;
import dev.eksip.testing.aws.MotoServer;
import dev.eksip.testing.aws.SeededAccount;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.eks.EksClient;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import dev.eksip.app.snapshot.InventoryFile;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code audit --live --history}: the inventory from moto, the function's series from the CBOR CloudWatch stand-in
 * (seeded for every subnet but one: 50 free today, 10 more each day back), the rest from moto's Auto Scaling
 * (whose {@code DescribeScalingActivities} is always empty: no trend).
 */
class AuditHistoryIT {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();
    static final CloudWatchWireRecorder CLOUDWATCH = new CloudWatchWireRecorder();
    static List<Subnet> subnets;

    @BeforeAll
    static void seed() {
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
        try (Ec2Client ec2 = MOTO.client(Ec2Client.builder()); EksClient eks = MOTO.client(EksClient.builder());
             AutoScalingClient autoScaling = MOTO.client(AutoScalingClient.builder())) {
            SeededAccount.seed(ec2, eks, autoScaling);
            subnets = ec2.describeSubnets().subnets();
        }
        Instant now = Instant.now();
        for (Subnet s : subnets.subList(1, subnets.size()))
            for (int d = 13; d >= 0; d--)
                CLOUDWATCH.seed("EksIpForecast", "AvailableIps", Map.of("SubnetId", s.subnetId(), "VpcId", s.vpcId()),
                        now.minus(Duration.ofDays(d)), 50 + 10 * d);
    }

    @AfterAll
    static void close() {
        CLOUDWATCH.close();
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @Test
    void theRunwayComesFromTheFunctionsMetricsElseScalingActivities() {
        Map<String, String> env = Map.of("AWS_REGION", "us-east-1", "AWS_ENDPOINT_URL", MOTO.endpoint().toString(),
                "AWS_ENDPOINT_URL_CLOUDWATCH", CLOUDWATCH.endpoint().toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int callsBefore = CLOUDWATCH.getMetricDataCalls().size();   // the recorder is shared by the class's tests

        int code = Main.run(List.of("audit", "--live", "--history"), env,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(report).contains("Runway (days until no free");
        List<String> lines = report.lines().toList();
        assertThat(lines).filteredOn(l -> l.startsWith(subnets.getFirst().subnetId()) && l.contains(" d "))
                .allSatisfy(l -> assertThat(l).contains("no trend", "scaling-activities 14 d"));
        for (Subnet s : subnets.subList(1, subnets.size())) {
            if (!report.contains(s.subnetId())) continue;   // a subnet no cluster uses is not forecast
            int row = lines.indexOf(lines.stream().filter(l -> l.startsWith(s.subnetId() + " ")
                    && l.contains("metrics 14 d")).findFirst().orElseThrow());
            assertThat(lines.get(row)).contains("5.0 d (5.0–5.0)");
            assertThat(lines.get(row + 1)).contains("runs dry in 5 days at the current trend");
        }
        assertThat(CLOUDWATCH.getMetricDataCalls()).hasSize(callsBefore + 1);
        System.out.print(report.substring(report.indexOf("Runway (")));
    }

    @Test
    void inventoryExportHistoryRecordsTheSeriesAndAuditInventoryReproducesTheRunwayOffline(@TempDir Path dir) {
        Map<String, String> env = Map.of("AWS_REGION", "us-east-1", "AWS_ENDPOINT_URL", MOTO.endpoint().toString(),
                "AWS_ENDPOINT_URL_CLOUDWATCH", CLOUDWATCH.endpoint().toString());
        Path file = dir.resolve("snap.json");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int callsBefore = CLOUDWATCH.getMetricDataCalls().size();

        int code = Main.run(List.of("inventory", "export", "-o", file.toString(), "--history"), env,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(InventoryFile.readSnapshot(file).history()).isNotEmpty()
                .allSatisfy(h -> assertThat(h.points()).hasSize(14));
        assertThat(CLOUDWATCH.getMetricDataCalls()).as("one GetMetricData call").hasSize(callsBefore + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Main.run(List.of("audit", "--inventory", file.toString()), Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("snapshot 14 d");
    }
}
