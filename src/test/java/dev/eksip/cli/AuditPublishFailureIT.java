package dev.eksip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.eksip.testing.aws.MotoServer;
import dev.eksip.testing.aws.SeededAccount;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code audit --live --publish} when CloudWatch fails (a stand-in answering HTTP 500 to every call, past the SDK's
 * retries): the report the read produced is still printed, then the command fails with exit 3 naming the call.
 */
class AuditPublishFailureIT {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();
    static HttpServer brokenCloudWatch;
    static final AtomicInteger CLOUDWATCH_CALLS = new AtomicInteger();

    @BeforeAll
    static void seed() throws IOException {
        System.setProperty("aws.accessKeyId", "testing");   // the default credentials chain reads these
        System.setProperty("aws.secretAccessKey", "testing");
        try (Ec2Client ec2 = MOTO.client(Ec2Client.builder()); EksClient eks = MOTO.client(EksClient.builder());
             AutoScalingClient autoScaling = MOTO.client(AutoScalingClient.builder())) {
            SeededAccount.seed(ec2, eks, autoScaling);
        }
        brokenCloudWatch = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        brokenCloudWatch.createContext("/", exchange -> {
            CLOUDWATCH_CALLS.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        brokenCloudWatch.start();
    }

    @AfterAll
    static void close() {
        brokenCloudWatch.stop(0);
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @Test
    void aFailedPublishStillPrintsTheReportThenExitsThreeNamingTheCall() {
        Map<String, String> env = Map.of("AWS_REGION", "us-east-1", "AWS_ENDPOINT_URL", MOTO.endpoint().toString(),
                "AWS_ENDPOINT_URL_CLOUDWATCH", "http://localhost:" + brokenCloudWatch.getAddress().getPort());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = Main.run(List.of("audit", "--live", "--publish"), env,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(CLOUDWATCH_CALLS.get()).isPositive();
        assertThat(code).isEqualTo(ExitCode.AWS_ERROR.code()).isEqualTo(3);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(SeededAccount.CLUSTER, "subnet-");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("error: cloudwatch:PutMetricData failed")
                .doesNotContain("published");
    }

    @Test
    void theJsonReportIsCompleteJsonBeforeTheError() throws IOException {
        Map<String, String> env = Map.of("AWS_REGION", "us-east-1", "AWS_ENDPOINT_URL", MOTO.endpoint().toString(),
                "AWS_ENDPOINT_URL_CLOUDWATCH", "http://localhost:" + brokenCloudWatch.getAddress().getPort());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = Main.run(List.of("audit", "--live", "--publish", "--output", "json"), env,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(3);
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toByteArray()).path("subnets"))
                .isNotEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cloudwatch:PutMetricData");
    }
}
