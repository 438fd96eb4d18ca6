package dev.eksip.testing.aws;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fault-injecting HTTP proxy on loopback in front of an AWS emulator (moto): SDK clients pointed at
 * {@link #endpoint()} (e.g. with {@code AWS_ENDPOINT_URL}) reach moto through it, and each {@link FaultRule}
 * turns the requests of one operation into a failure in that protocol's own shape and status (EC2 query XML
 * {@code <Response><Errors><Error><Code>}, Auto Scaling {@code <ErrorResponse><Error><Code>}, EKS REST-JSON
 * {@code x-amzn-ErrorType} + JSON body), a hang, a connection reset, or a second page that fails.
 *
 * <p>The operation of a request: the {@code X-Amz-Target} header (JSON protocols), the {@code Action} form
 * parameter (EC2 / Auto Scaling query protocol), or method + path for EKS ({@code GET /clusters/NAME/node-groups}
 * is {@code ListNodegroups}); the service is the SigV4 credential scope's. Faults are persistent (every attempt
 * gets them, so the SDK's retries are exhausted). {@link #seen()} lists every action that passed through.
 * {@link #latency} adds a fixed delay to every request, with or without rules.
 */
public final class FaultProxy implements AutoCloseable {
    static final String INVENTED_TOKEN = "fault-proxy-page-2";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SCOPE = Pattern.compile("Credential=[^/]+/\\d{8}/[^/]+/([^/]+)/aws4_request");
    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/]+)/\\d{8}/([^/]+)/");
    private static final Pattern ROLE_ARN = Pattern.compile("RoleArn=arn:[^:]+:iam::(\\d{12}):role/");
    private static final Pattern ACCESS_KEY = Pattern.compile("<AccessKeyId>([^<]+)</AccessKeyId>");
    private static final Set<String> HOP_HEADERS = Set.of("connection", "content-length", "transfer-encoding",
            "host", "expect", "upgrade", "keep-alive");

    private final URI target;
    private final Duration hang;
    private final ServerSocket server;
    private final HttpClient forward = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
    /** Access key id → account, learnt from the {@code sts:AssumeRole} answers that passed through. */
    private final Map<String, String> accounts = new ConcurrentHashMap<>();
    private volatile List<Armed> rules = List.of();
    private volatile Duration latency = Duration.ZERO;
    private volatile boolean closed;

    private record Armed(FaultRule rule, AtomicInteger matches, AtomicInteger injected) {
    }

    private record Request(String method, String uri, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return uri + "\n" + URLDecoder.decode(new String(body, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        }
    }

    /** A proxy forwarding to {@code target}; a {@link FaultRule.Fault#TIMEOUT} holds the connection for {@code hang}. */
    public FaultProxy(URI target, Duration hang) {
        this.target = target;
        this.hang = hang;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofPlatform().daemon().name("fault-proxy-accept").start(this::acceptLoop);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** Replaces the rules (and their counters); none = a transparent proxy. */
    public void rules(FaultRule... faults) {
        List<Armed> armed = new ArrayList<>();
        for (FaultRule f : faults) armed.add(new Armed(f, new AtomicInteger(), new AtomicInteger()));
        rules = List.copyOf(armed);
    }

    /**
     * A fixed delay before every request is handled (forwarded or faulted), on top of whatever the rules do: the
     * proxy then stands for a distant endpoint. Requests on different connections are delayed side by side.
     */
    public void latency(Duration perCall) {
        if (perCall.isNegative()) throw new IllegalArgumentException("latency is not negative: " + perCall);
        latency = perCall;
    }

    /** How many responses {@code rule} has turned into faults since it was set. */
    public int injected(FaultRule rule) {
        return rules.stream().filter(a -> a.rule().equals(rule)).mapToInt(a -> a.injected().get()).sum();
    }

    /** Every action ({@code service:Operation}) that reached the proxy, with its request count; {@link #clearSeen()} resets. */
    public Map<String, Integer> seen() {
        Map<String, Integer> out = new java.util.TreeMap<>();
        seen.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    public void clearSeen() {
        seen.clear();
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing
        }
        for (Socket s : open) closeQuietly(s);
        forward.close();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);   // an answer goes out whole at once: no wait for the client's delayed ACK
                open.add(socket);
                Thread.ofVirtual().start(() -> serve(socket));
            } catch (IOException e) {
                if (!closed) throw new UncheckedIOException(e);
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());   // line() reads byte by byte
            OutputStream out = socket.getOutputStream();
            while (!closed) {
                Request request = read(in);
                if (request == null) return;
                String action = action(request);
                seen.computeIfAbsent(action, k -> new AtomicInteger()).incrementAndGet();
                Duration delay = latency;
                if (!delay.isZero()) sleep(delay);
                Armed armed = match(action, request);
                FaultRule.Fault fault = armed == null ? null : armed.rule().fault();
                boolean firstPage = fault == FaultRule.Fault.PAGE_2 && armed.matches().getAndIncrement() == 0;
                if (fault == null || firstPage) {
                    Answer answer = forward(request);
                    if (action.equals("sts:AssumeRole")) learn(request, answer);
                    if (firstPage) answer = answer.withNextToken(action);
                    write(out, answer);
                    continue;
                }
                armed.injected().incrementAndGet();
                switch (fault) {
                    case TIMEOUT -> {
                        sleep(hang);
                        return;
                    }
                    case CONNECTION_RESET -> {
                        socket.setSoLinger(true, 0);
                        return;
                    }
                    case PAGE_2 -> write(out, ErrorShape.of(action, FaultRule.Fault.SERVER_ERROR));
                    default -> write(out, ErrorShape.of(action, fault));
                }
            }
        } catch (IOException e) {
            // the client went away
        } finally {
            open.remove(socket);
        }
    }

    private Armed match(String action, Request request) {
        String text = null;
        for (Armed a : rules) {
            if (!a.rule().action().equals(action)) continue;
            if (a.rule().resource() == null) return a;
            if (text == null) text = request.text() + "\n" + whose(request);
            if (text.contains(a.rule().resource())) return a;
        }
        return null;
    }

    /**
     * {@code account=<id>} (for keys handed out by an {@code AssumeRole} that passed through; else
     * {@code account=?}) and {@code region=<signing region>} of a request: a {@link FaultRule#resource()} may name
     * them, so that one account or one region of a multi-account run fails ({@link FaultRule#inAccount},
     * {@link FaultRule#inRegion}).
     */
    private String whose(Request request) {
        String auth = request.header("authorization");
        Matcher m = auth == null ? null : CREDENTIAL.matcher(auth);
        if (m == null || !m.find()) return "account=?\nregion=?";
        return "account=%s\nregion=%s".formatted(accounts.getOrDefault(m.group(1), "?"), m.group(2));
    }

    /** Remembers whose keys an {@code AssumeRole} answer carries (the account of the role ARN asked for). */
    private void learn(Request request, Answer answer) {
        Matcher role = ROLE_ARN.matcher(request.text());
        Matcher key = ACCESS_KEY.matcher(new String(answer.body(), StandardCharsets.UTF_8));
        if (role.find() && key.find()) accounts.put(key.group(1), role.group(1));
    }

    /** {@code service:Operation} of a request (service: the SigV4 scope; unknown parts are {@code ?}). */
    static String action(Request request) {
        String auth = request.header("authorization");
        Matcher m = auth == null ? null : SCOPE.matcher(auth);
        String service = m != null && m.find() ? m.group(1) : "?";
        String target = request.header("x-amz-target");
        if (target != null) return service + ":" + target.substring(target.lastIndexOf('.') + 1);
        String body = new String(request.body(), StandardCharsets.UTF_8);
        for (String pair : body.split("&"))
            if (pair.startsWith("Action=")) return service + ":" + pair.substring("Action=".length());
        return service + ":" + restJsonOperation(request.method(), URI.create(request.uri()).getPath());
    }

    /** The EKS operations the inventory calls, by method and path. */
    private static String restJsonOperation(String method, String path) {
        String[] p = path.replaceAll("^/|/$", "").split("/");
        if (!method.equals("GET") || p.length == 0 || !p[0].equals("clusters")) return method + " " + path;
        return switch (p.length) {
            case 1 -> "ListClusters";
            case 2 -> "DescribeCluster";
            case 3 -> p[2].equals("node-groups") ? "ListNodegroups" : p[2].equals("addons") ? "ListAddons" : "?";
            case 4 -> p[2].equals("node-groups") ? "DescribeNodegroup" : p[2].equals("addons") ? "DescribeAddon" : "?";
            default -> method + " " + path;
        };
    }

    record Answer(int status, Map<String, String> headers, byte[] body) {
        /** The answer with a next-page token added where the protocol's paginated results carry it. */
        Answer withNextToken(String action) {
            String text = new String(body, StandardCharsets.UTF_8);
            String operation = action.substring(action.indexOf(':') + 1);
            String changed;
            if (text.stripLeading().startsWith("{")) {
                try {
                    ObjectNode node = (ObjectNode) JSON.readTree(text);
                    node.put("nextToken", INVENTED_TOKEN);
                    changed = JSON.writeValueAsString(node);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else if (action.startsWith("autoscaling:")) {
                changed = text.replaceAll("<NextToken>[^<]*</NextToken>|<NextToken\\s*/>", "")
                        .replace("</" + operation + "Result>",
                                "<NextToken>" + INVENTED_TOKEN + "</NextToken></" + operation + "Result>");
            } else {
                changed = text.replaceAll("<nextToken>[^<]*</nextToken>|<nextToken\\s*/>", "")
                        .replace("</" + operation + "Response>",
                                "<nextToken>" + INVENTED_TOKEN + "</nextToken></" + operation + "Response>");
            }
            byte[] bytes = changed.getBytes(StandardCharsets.UTF_8);
            Map<String, String> rewritten = new LinkedHashMap<>();
            headers.forEach((name, value) -> {
                if (!name.equalsIgnoreCase("x-amz-crc32")) rewritten.put(name, value);
                else {   // moto signs some answers with a body CRC the SDK checks
                    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                    crc.update(bytes);
                    rewritten.put(name, Long.toString(crc.getValue()));
                }
            });
            return new Answer(status, rewritten, bytes);
        }
    }

    /** Errors in each protocol's own shape. */
    static final class ErrorShape {
        private ErrorShape() {
        }

        static Answer of(String action, FaultRule.Fault fault) {
            String service = action.substring(0, action.indexOf(':'));
            String message = "injected by FaultProxy: " + fault.label();
            return switch (service) {
                case "ec2" -> {
                    int status = switch (fault) {
                        case THROTTLING -> 503;
                        case ACCESS_DENIED -> 403;
                        default -> 500;
                    };
                    String code = switch (fault) {
                        case THROTTLING -> "RequestLimitExceeded";
                        case ACCESS_DENIED -> "UnauthorizedOperation";
                        default -> "InternalError";
                    };
                    yield xml(status, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>"
                            + code + "</Code><Message>" + message + "</Message></Error></Errors>"
                            + "<RequestID>fault-proxy</RequestID></Response>");
                }
                case "eks" -> {
                    int status = switch (fault) {
                        case THROTTLING -> 429;
                        case ACCESS_DENIED -> 403;
                        default -> 500;
                    };
                    String type = switch (fault) {
                        case THROTTLING -> "ThrottlingException";
                        case ACCESS_DENIED -> "AccessDeniedException";
                        default -> "ServerException";
                    };
                    byte[] body = ("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
                    yield new Answer(status, Map.of("Content-Type", "application/json", "x-amzn-ErrorType", type,
                            "x-amzn-RequestId", "fault-proxy"), body);
                }
                default -> {   // the other query protocols (Auto Scaling, CloudWatch query, SNS…)
                    int status = switch (fault) {
                        case THROTTLING -> 400;
                        case ACCESS_DENIED -> 403;
                        default -> 500;
                    };
                    String code = switch (fault) {
                        case THROTTLING -> "Throttling";
                        case ACCESS_DENIED -> "AccessDenied";
                        default -> "InternalFailure";
                    };
                    yield xml(status, "<ErrorResponse><Error><Type>" + (status == 500 ? "Receiver" : "Sender")
                            + "</Type><Code>" + code + "</Code><Message>" + message + "</Message></Error>"
                            + "<RequestId>fault-proxy</RequestId></ErrorResponse>");
                }
            };
        }

        private static Answer xml(int status, String body) {
            return new Answer(status, Map.of("Content-Type", "text/xml"), body.getBytes(StandardCharsets.UTF_8));
        }
    }

    private Answer forward(Request request) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(target.resolve(request.uri()))
                .timeout(Duration.ofSeconds(60))
                .method(request.method(), request.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach((name, value) -> {
            if (!HOP_HEADERS.contains(name)) b.header(name, value);
        });
        try {
            HttpResponse<byte[]> r = forward.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, String> headers = new LinkedHashMap<>();
            r.headers().map().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":"))
                    headers.put(name, String.join(",", values));
            });
            return new Answer(r.statusCode(), headers, r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** One HTTP/1.1 request, or null at the end of the stream. */
    private static Request read(InputStream in) throws IOException {
        String requestLine = line(in);
        if (requestLine == null || requestLine.isEmpty()) return null;
        String[] parts = requestLine.split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            headers.merge(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim(),
                    (a, b) -> a + "," + b);
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
                 size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
                buffer.write(in.readNBytes(size));
                line(in);
            }
            for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
                // trailers ignored
            }
            body = buffer.toByteArray();
        } else {
            String length = headers.get("content-length");
            body = length == null ? new byte[0] : in.readNBytes(Integer.parseInt(length));
        }
        return new Request(parts[0], parts[1], headers, body);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') break;
            if (c != '\r') b.write(c);
        }
        if (c == -1 && b.size() == 0) return null;
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    /**
     * The answer as one write: a head and a body sent apart would leave the body to Nagle's algorithm, waiting up to
     * the client's delayed ACK (40 ms on Linux) on every call (FaultProxyOverheadTest).
     */
    private static void write(OutputStream out, Answer answer) throws IOException {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(answer.status()).append(" X\r\n");
        answer.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("Content-Length: ").append(answer.body().length).append("\r\n\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] whole = Arrays.copyOf(headBytes, headBytes.length + answer.body().length);
        System.arraycopy(answer.body(), 0, whole, headBytes.length, answer.body().length);
        out.write(whole);
        out.flush();
    }

    private void sleep(Duration d) {
        long deadline = System.nanoTime() + d.toNanos();
        while (!closed && System.nanoTime() < deadline) {
            try {
                Thread.sleep(Math.max(1, Math.min(50, (deadline - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing
        }
    }
}
