package dev.eksip.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.eksip.app.AwsCallException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** The clients' retry strategy against a loopback EKS endpoint that throttles or fails. */
class RetryTest {
    HttpServer server;
    final AtomicInteger requests = new AtomicInteger();
    volatile int failuresBeforeSuccess;
    volatile int failureStatus;
    volatile String failureType;

    @BeforeEach
    void start() throws IOException {
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/clusters", exchange -> {
            exchange.getRequestBody().readAllBytes();
            boolean fail = requests.incrementAndGet() <= failuresBeforeSuccess;
            byte[] body = (fail ? "{\"message\":\"try later\"}" : "{\"clusters\":[]}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            if (fail) exchange.getResponseHeaders().add("x-amzn-ErrorType", failureType);
            exchange.sendResponseHeaders(fail ? failureStatus : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    AwsClients clients(ApiCallCounter counter) {
        return AwsClients.fromEnvironment(Map.of("AWS_REGION", "us-east-1", "AWS_ENDPOINT_URL_EKS",
                "http://127.0.0.1:" + server.getAddress().getPort()), counter);
    }

    @Test
    void throttlingIsRetriedAndTheReadSucceeds() {
        failuresBeforeSuccess = 1;
        failureStatus = 429;
        failureType = "ThrottlingException";
        ApiCallCounter counter = new ApiCallCounter();
        try (AwsClients clients = clients(counter)) {
            var inventory = new AwsInventorySource(clients.ec2(), clients.eks(), clients.autoScaling(), "us-east-1",
                    Map.of(), Clock.systemUTC(), m -> { }).load(List.of());
            assertThat(inventory.clusters()).isEmpty();
        }
        assertThat(counter.count("Eks:ListClusters")).isEqualTo(2);
    }

    @Test
    void serverErrorsAreRetriedAtMostFiveTimesThenNameTheCall() {
        failuresBeforeSuccess = Integer.MAX_VALUE;
        failureStatus = 503;
        failureType = "ServiceUnavailableException";
        ApiCallCounter counter = new ApiCallCounter();
        try (AwsClients clients = clients(counter)) {
            var source = new AwsInventorySource(clients.ec2(), clients.eks(), clients.autoScaling(), "us-east-1",
                    Map.of(), Clock.systemUTC(), m -> { });
            assertThatThrownBy(() -> source.load(List.of())).isInstanceOfSatisfying(AwsCallException.class, e -> {
                assertThat(e.operation()).isEqualTo("eks:ListClusters");
                assertThat(e.errorCode()).isEqualTo("ServiceUnavailableException");
            });
        }
        assertThat(counter.count("Eks:ListClusters")).isEqualTo(AwsClients.MAX_ATTEMPTS);
        assertThat(requests.get()).isEqualTo(AwsClients.MAX_ATTEMPTS);
    }
}
