package dev.eksip.testing.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A loopback stand-in for CloudWatch's Smithy RPC v2 CBOR endpoint (moto cannot speak it): records every
 * {@code POST /service/GraniteServiceVersion20100801/operation/PutMetricData}, decodes the CBOR body, answers an
 * empty CBOR map with {@code smithy-protocol: rpc-v2-cbor}. Anything else gets a 404. Gzip bodies are inflated
 * (the SDK compresses large {@code PutMetricData} requests) and the call records whether it was compressed.
 *
 * <p>It also serves {@code GetMetricData} ({@link #GET_METRIC_DATA}) from what was put and what a test
 * {@link #seed seeded}: statistics {@code Minimum}, {@code Maximum}, {@code Average}, {@code Sum} and
 * {@code SampleCount} per {@code Period} bucket aligned on {@code StartTime}, within {@code [StartTime, EndTime)};
 * periods without data are absent (missing data), a query without data gets empty lists. Datapoints are flattened
 * query by query, oldest first, and paged {@code MaxDatapoints} at a time (default and ceiling 100,800, the API's
 * limits) with an opaque {@code NextToken}; more than 500 queries is a 400 {@code InvalidParameterValue}, as
 * the API answers. Those calls are listed by {@link #getMetricDataCalls()}, not {@link #calls()}.
 */
public final class CloudWatchWireRecorder implements AutoCloseable {
    public static final String PUT_METRIC_DATA = "/service/GraniteServiceVersion20100801/operation/PutMetricData";
    public static final String GET_METRIC_DATA = "/service/GraniteServiceVersion20100801/operation/GetMetricData";
    private static final CBORMapper CBOR = new CBORMapper();

    /** One recorded call. */
    public record Call(String path, Map<String, List<String>> headers, JsonNode body) {
    }

    private final HttpServer server;
    private final List<Call> calls = new ArrayList<>();
    private final List<String> unexpected = new ArrayList<>();
    private final List<JsonNode> reads = new ArrayList<>();
    private final MetricStore store = new MetricStore();

    public CloudWatchWireRecorder() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            if (exchange.getRequestMethod().equals("POST") && path.equals(GET_METRIC_DATA)) {
                JsonNode request = CBOR.readTree(body);
                synchronized (this) {
                    reads.add(request);
                }
                MetricStore.Answer answer = store.answer(request);
                exchange.getResponseHeaders().add("smithy-protocol", "rpc-v2-cbor");
                exchange.getResponseHeaders().add("Content-Type", "application/cbor");
                exchange.sendResponseHeaders(answer.status(), answer.body().length);
                exchange.getResponseBody().write(answer.body());
                exchange.close();
                return;
            }
            if (!exchange.getRequestMethod().equals("POST") || !path.equals(PUT_METRIC_DATA)) {
                synchronized (this) {
                    unexpected.add(exchange.getRequestMethod() + " " + path);
                }
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            // the SDK gzips PutMetricData bodies above 10 KiB (the operation's requestCompression trait)
            boolean gzip = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
            JsonNode decoded;
            try {
                decoded = CBOR.readTree(gzip ? new java.util.zip.GZIPInputStream(
                        new java.io.ByteArrayInputStream(body)).readAllBytes() : body);
            } catch (IOException | RuntimeException e) {
                synchronized (this) {
                    unexpected.add("undecodable body: " + e);
                }
                exchange.sendResponseHeaders(400, -1);
                exchange.close();
                return;
            }
            synchronized (this) {
                calls.add(new Call(path, Map.copyOf(exchange.getRequestHeaders()), decoded));
            }
            store.put(decoded);
            byte[] empty = {(byte) 0xA0};   // CBOR: empty map
            exchange.getResponseHeaders().add("smithy-protocol", "rpc-v2-cbor");
            exchange.getResponseHeaders().add("Content-Type", "application/cbor");
            exchange.sendResponseHeaders(200, empty.length);
            exchange.getResponseBody().write(empty);
            exchange.close();
        });
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    public synchronized List<String> unexpected() {
        return List.copyOf(unexpected);
    }

    /** Every {@code GetMetricData} request body, in order (one per page). */
    public synchronized List<JsonNode> getMetricDataCalls() {
        return List.copyOf(reads);
    }

    /** Stores one datapoint as if it had been put ({@code dimensions}: name → value). */
    public CloudWatchWireRecorder seed(String namespace, String metric, Map<String, String> dimensions,
                                       java.time.Instant at, double value) {
        store.add(namespace, metric, dimensions, at, value);
        return this;
    }

    /** Every datum of every call, in order. */
    public synchronized List<JsonNode> datums() {
        List<JsonNode> out = new ArrayList<>();
        calls.forEach(c -> c.body().path("MetricData").forEach(out::add));
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
