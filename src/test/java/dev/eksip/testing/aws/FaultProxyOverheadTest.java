package dev.eksip.testing.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * The proxy's own cost per call on a kept-alive connection is a fraction of a millisecond, not the 40 ms of
 * Nagle's algorithm meeting the client's delayed ACK (a response head and body sent as two small writes), which made
 * every benchmarked call through it ~50 ms slower than straight to moto (docs/benchmarks.md, "Live reads").
 */
class FaultProxyOverheadTest {
    private static final int CALLS = 30;

    @Test
    void aCallThroughTheProxyCostsAboutWhatItCostsDirect() throws IOException {
        HttpServer backend = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] answer = "<DescribeSubnetsResponse><subnetSet/></DescribeSubnetsResponse>".getBytes(StandardCharsets.UTF_8);
        backend.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        backend.start();
        URI direct = URI.create("http://127.0.0.1:" + backend.getAddress().getPort() + "/");
        try (FaultProxy proxy = new FaultProxy(direct, Duration.ofSeconds(1))) {
            URI proxied = proxy.endpoint().resolve("/");
            medianMillis(direct);   // warm-up: connections, class loading
            medianMillis(proxied);
            double directMs = medianMillis(direct);
            double proxiedMs = medianMillis(proxied);
            assertThat(proxiedMs - directMs).as("median per call: direct %.2f ms, through the proxy %.2f ms",
                    directMs, proxiedMs).isLessThan(30);   // the stall is 40 ms or more; a loaded machine adds ~8
        } finally {
            backend.stop(0);
        }
    }

    /** The median time of {@value #CALLS} POSTs (an EC2-style query body) one after another on kept-alive connections. */
    private static double medianMillis(URI uri) throws IOException {
        double[] ms = new double[CALLS];
        byte[] body = "Action=DescribeSubnets&Version=2016-11-15".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < CALLS; i++) {
            long start = System.nanoTime();
            HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            c.setFixedLengthStreamingMode(body.length);
            c.setRequestProperty("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
            try (OutputStream out = c.getOutputStream()) {
                out.write(body);
            }
            assertThat(c.getResponseCode()).isEqualTo(200);
            try (InputStream in = c.getInputStream()) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("DescribeSubnetsResponse");
            }
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms[CALLS / 2];
    }
}
