package dev.eksip.testing.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A loopback stub of the Lambda Runtime API (2018-06-01) for the real runtime interface client: {@code GET
 * /runtime/invocation/next} hands out queued events with the headers Lambda sends (Content-Type: application/json
 * included: the client's native code needs it), {@code POST …/{id}/response|error} and {@code /init/error} are
 * captured with the time they arrived.
 */
public final class LambdaRuntimeStub implements AutoCloseable {
    public static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:123456789012:function:ForecastFunction";

    /** What the runtime answered for one invocation; {@code nanos} = System.nanoTime() on arrival. */
    public record Result(String requestId, boolean error, String body, long servedNanos, long nanos) {
        public double millis() {
            return (nanos - servedNanos) / 1e6;
        }
    }

    private record Pending(String requestId, byte[] event) {
    }

    private final HttpServer server;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Map<String, CompletableFuture<Result>> results = new ConcurrentHashMap<>();
    private final Map<String, Long> served = new ConcurrentHashMap<>();
    private final List<String> initErrors = new ArrayList<>();
    private final java.util.concurrent.atomic.AtomicLong restoredNanos = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong firstPollNanos = new java.util.concurrent.atomic.AtomicLong();

    public LambdaRuntimeStub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "runtime-api-stub");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/2018-06-01/runtime/", this::handle);
        server.start();
    }

    /** {@code host:port} for AWS_LAMBDA_RUNTIME_API. */
    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    public CompletableFuture<Result> submit(byte[] event) {
        String id = UUID.randomUUID().toString();
        CompletableFuture<Result> f = new CompletableFuture<>();
        results.put(id, f);
        queue.add(new Pending(id, event));
        return f;
    }

    /** When the runtime client first asked for an invocation, i.e. finished its init (System.nanoTime()), or 0. */
    public long firstPoll() {
        return firstPollNanos.get();
    }

    /** When the runtime client asked for {@code /runtime/restore/next} (System.nanoTime()), 0 if it never did. */
    public long restored() {
        return restoredNanos.get();
    }

    public synchronized List<String> initErrors() {
        return List.copyOf(initErrors);
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        byte[] body = ex.getRequestBody().readAllBytes();
        long now = System.nanoTime();
        if (ex.getRequestMethod().equals("GET") && path.endsWith("/invocation/next")) {
            firstPollNanos.compareAndSet(0, now);
            Pending p;
            try {
                do {
                    p = queue.poll(1, TimeUnit.SECONDS);
                } while (p == null && !Thread.currentThread().isInterrupted());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ex.close();
                return;
            }
            served.put(p.requestId(), System.nanoTime());
            ex.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", p.requestId());
            ex.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 60_000));
            ex.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn", FUNCTION_ARN);
            ex.getResponseHeaders().add("Lambda-Runtime-Trace-Id",
                    "Root=1-673dab56-5f0e4b1c2d3e4f5a6b7c8d9e;Parent=3b4c5d6e7f8a9b0c;Sampled=0");
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, p.event().length);
            ex.getResponseBody().write(p.event());
            ex.close();
            return;
        }
        if (ex.getRequestMethod().equals("GET") && path.endsWith("/restore/next")) {
            // SnapStart: the runtime client took its "snapshot" (ran beforeCheckpoint) and asks to be restored
            restoredNanos.compareAndSet(0, now);
            byte[] empty = "{}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, empty.length);
            ex.getResponseBody().write(empty);
            ex.close();
            return;
        }
        if (ex.getRequestMethod().equals("POST") && path.endsWith("/init/error")) {
            synchronized (this) {
                initErrors.add(new String(body, StandardCharsets.UTF_8));
            }
            accepted(ex);
            return;
        }
        if (ex.getRequestMethod().equals("POST") && (path.endsWith("/response") || path.endsWith("/error"))) {
            String[] parts = path.split("/");
            String id = parts[parts.length - 2];
            CompletableFuture<Result> f = results.get(id);
            if (f != null)
                f.complete(new Result(id, path.endsWith("/error"), new String(body, StandardCharsets.UTF_8),
                        served.getOrDefault(id, now), now));
            accepted(ex);
            return;
        }
        ex.sendResponseHeaders(404, -1);
        ex.close();
    }

    private static void accepted(HttpExchange ex) throws IOException {
        byte[] ok = "{\"status\":\"OK\"}".getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(202, ok.length);
        ex.getResponseBody().write(ok);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
