package dev.eksip.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An {@link SdkHttpClient} that answers every request from recorded AWS responses and never opens a connection:
 * the SnapStart priming runs the function's real SDK clients (marshalling, signing, retries, unmarshalling) over
 * it. Requests are matched by operation ({@code Service.Operation}, put in a header by {@link #operationTagger()})
 * and path (EKS names the cluster in it), else by operation alone; a request with no recorded answer gets an
 * HTTP 400 without a body (the SDK raises a service error, which the adapters turn into a gap) and is counted in
 * {@link #unanswered()}.
 *
 * <p>The recordings ({@code /priming/responses.json}: {@code {"responses":[{"operation", "path", "status",
 * "headers", "body" (base64)}]}}) are taken from moto and the CloudWatch wire stand-in by {@code PrimingResponsesIT},
 * which also fails when the function makes a call they do not cover.
 */
public final class CannedHttpClient implements SdkHttpClient {
    /** The request header naming the operation ({@code Ec2.DescribeSubnets}); never sent anywhere. */
    public static final String OPERATION_HEADER = "x-eksip-operation";

    /** One recorded answer. */
    public record Answer(String operation, String path, int status, Map<String, List<String>> headers, byte[] body) {
    }

    private final Map<String, Answer> byOperationAndPath = new LinkedHashMap<>();
    private final Map<String, Answer> byOperation = new LinkedHashMap<>();
    private final AtomicInteger answered = new AtomicInteger();
    private final Set<String> unanswered = java.util.Collections.synchronizedSet(new TreeSet<>());

    public CannedHttpClient(List<Answer> answers) {
        for (Answer a : answers) {
            byOperationAndPath.putIfAbsent(a.operation() + " " + a.path(), a);
            byOperation.putIfAbsent(a.operation(), a);
        }
    }

    /** The answers in a classpath resource of the format above. */
    public static CannedHttpClient fromResource(String resource) {
        try (InputStream in = CannedHttpClient.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            return new CannedHttpClient(parse(new ObjectMapper().readTree(in)));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource, e);
        }
    }

    static List<Answer> parse(JsonNode root) {
        List<Answer> answers = new ArrayList<>();
        for (JsonNode r : root.path("responses")) {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            r.path("headers").properties().forEach(h -> {
                List<String> values = new ArrayList<>();
                h.getValue().forEach(v -> values.add(v.asText()));
                headers.put(h.getKey(), values);
            });
            answers.add(new Answer(r.path("operation").asText(), r.path("path").asText(), r.path("status").asInt(200),
                    headers, Base64.getDecoder().decode(r.path("body").asText(""))));
        }
        return answers;
    }

    /** Adds {@link #OPERATION_HEADER} to each request, from the SDK's own execution attributes. */
    public static ExecutionInterceptor operationTagger() {
        return new ExecutionInterceptor() {
            @Override
            public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
                return context.httpRequest().toBuilder().putHeader(OPERATION_HEADER, operation(attributes)).build();
            }
        };
    }

    /** {@code Service.Operation} of a call, as the recordings name it. */
    public static String operation(ExecutionAttributes attributes) {
        return attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "."
                + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    }

    /** How many requests were answered from a recording. */
    public int answered() {
        return answered.get();
    }

    /** The operations (with path) that had no recording, sorted. */
    public List<String> unanswered() {
        synchronized (unanswered) {
            return List.copyOf(unanswered);
        }
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        SdkHttpRequest http = request.httpRequest();
        String operation = http.firstMatchingHeader(OPERATION_HEADER).orElse("?");
        Answer answer = byOperationAndPath.get(operation + " " + http.encodedPath());
        if (answer == null) answer = byOperation.get(operation);
        if (answer == null) unanswered.add(operation + " " + http.encodedPath());
        else answered.incrementAndGet();
        Answer chosen = answer;
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                request.contentStreamProvider().ifPresent(body -> drain(body.newStream()));
                if (chosen == null)
                    return HttpExecuteResponse.builder().response(SdkHttpResponse.builder().statusCode(400).build())
                            .build();
                return HttpExecuteResponse.builder()
                        .response(SdkHttpResponse.builder().statusCode(chosen.status()).headers(chosen.headers()).build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(chosen.body())))
                        .build();
            }

            @Override
            public void abort() {
                // nothing in flight
            }
        };
    }

    private static void drain(InputStream in) {
        try (in) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String clientName() {
        return "canned";
    }

    @Override
    public void close() {
        // nothing to release
    }
}
