package dev.eksip.aws;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eksip.app.AwsCallException;
import dev.eksip.app.fleet.AccountDirectory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The organization's accounts from AWS Organizations: {@code ListAccounts} (the whole organization) or, for given
 * organizational units, {@code ListAccountsForParent} on each unit and, through
 * {@code ListOrganizationalUnitsForParent}, every unit below it; every list follows {@code NextToken}.
 *
 * <p>Organizations speaks AWS JSON 1.1 ({@code X-Amz-Target: AWSOrganizationsV20161128.<Operation>}, signing name
 * {@code organizations}, the global endpoint in {@code us-east-1}: AWS Organizations API reference, "Endpoints").
 * The SDK's {@code organizations} module is not served by the registry this project builds from, so this adapter
 * signs the four requests itself with the SDK's own SigV4 signer ({@link AwsV4HttpSigner}) and sends them with the
 * shared SDK HTTP client; throttling ({@code TooManyRequestsException}) and 5xx are retried with backoff.
 *
 * <p>An account is audited when its {@code State} (or, where only the deprecated {@code Status} is returned, its
 * status) is {@code ACTIVE}; {@code SUSPENDED}, {@code PENDING_CLOSURE} and {@code CLOSED} are skipped and named.
 */
public final class OrganizationsDirectory implements AccountDirectory {
    public static final List<String> IAM_ACTIONS = List.of("organizations:ListAccounts",
            "organizations:ListAccountsForParent", "organizations:ListOrganizationalUnitsForParent");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TARGET_PREFIX = "AWSOrganizationsV20161128.";
    private static final int ATTEMPTS = 4;

    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final URI endpoint;
    private final Consumer<String> progress;

    OrganizationsDirectory(SdkHttpClient http, AwsCredentialsProvider credentials, URI endpoint,
                           Consumer<String> progress) {
        this.http = requireNonNull(http, "http");
        this.credentials = requireNonNull(credentials, "credentials");
        this.endpoint = requireNonNull(endpoint, "endpoint");
        this.progress = requireNonNull(progress, "progress");
    }

    /** With the hub's clients' HTTP client and credentials; {@code AWS_ENDPOINT_URL_ORGANIZATIONS} overrides. */
    public static OrganizationsDirectory using(AwsClients clients, Consumer<String> progress) {
        URI override = AwsClients.endpoint(clients.environment(), "ORGANIZATIONS");
        return new OrganizationsDirectory(clients.httpClient(), clients.credentials(),
                override != null ? override : URI.create("https://organizations.us-east-1.amazonaws.com"), progress);
    }

    @Override
    public Listing accounts(List<String> units) {
        List<JsonNode> accounts = new ArrayList<>();
        if (units.isEmpty()) accounts.addAll(list("ListAccounts", JSON.createObjectNode(), "Accounts"));
        else {
            Deque<String> parents = new ArrayDeque<>(units);
            while (!parents.isEmpty()) {
                String parent = parents.pop();
                ObjectNode byParent = JSON.createObjectNode().put("ParentId", parent);
                accounts.addAll(list("ListAccountsForParent", byParent, "Accounts"));
                for (JsonNode unit : list("ListOrganizationalUnitsForParent", byParent.deepCopy(),
                        "OrganizationalUnits")) parents.add(unit.path("Id").asText());
            }
        }
        List<String> active = new ArrayList<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        for (JsonNode account : accounts) {
            String id = account.path("Id").asText();
            String state = account.hasNonNull("State") ? account.get("State").asText() : account.path("Status").asText();
            if (state.equals("ACTIVE")) active.add(id);
            else skipped.put(id, state.isEmpty() ? "no State" : state);
        }
        progress.accept("organization: %d active accounts, %d skipped".formatted(active.size(), skipped.size()));
        return new Listing(active, skipped);
    }

    private List<JsonNode> list(String operation, ObjectNode request, String field) {
        List<JsonNode> out = new ArrayList<>();
        String token = null;
        do {
            if (token != null) request.put("NextToken", token);
            JsonNode page = call(operation, request);
            page.path(field).forEach(out::add);
            token = page.hasNonNull("NextToken") ? page.get("NextToken").asText() : null;
        } while (token != null);
        return out;
    }

    JsonNode call(String operation, ObjectNode request) {
        String action = "organizations:" + operation;
        byte[] body = request.toString().getBytes(StandardCharsets.UTF_8);
        for (int attempt = 1; ; attempt++) {
            Answer answer;
            try {
                answer = send(operation, body);
            } catch (IOException | RuntimeException e) {
                if (attempt < ATTEMPTS) {
                    backoff(attempt);
                    continue;
                }
                throw new AwsCallException(action, e.getClass().getSimpleName(), String.valueOf(e.getMessage()), e);
            }
            if (answer.status() < 300) return answer.json();
            String code = errorCode(answer.json(), answer.status());
            boolean retryable = answer.status() >= 500 || code.equals("TooManyRequestsException");
            if (retryable && attempt < ATTEMPTS) {
                backoff(attempt);
                continue;
            }
            throw new AwsCallException(action, code, answer.json().path("Message").asText(
                    answer.json().path("message").asText("HTTP " + answer.status())), null);
        }
    }

    private record Answer(int status, JsonNode json) {
    }

    private Answer send(String operation, byte[] body) throws IOException {
        SdkHttpFullRequest request = SdkHttpFullRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", TARGET_PREFIX + operation)
                .build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(credentials.resolveCredentials())
                .request(request)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "organizations")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"));
        HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                .request(signed.request()).contentStreamProvider(signed.payload().orElse(null)).build()).call();
        byte[] bytes;
        try (InputStream in = response.responseBody().map(s -> (InputStream) s).orElse(InputStream.nullInputStream())) {
            bytes = in.readAllBytes();
        }
        JsonNode json = bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
        return new Answer(response.httpResponse().statusCode(), json == null ? JSON.createObjectNode() : json);
    }

    /** {@code __type} is {@code [namespace#]Code}. */
    static String errorCode(JsonNode error, int status) {
        String type = error.path("__type").asText("");
        if (type.isEmpty()) return "HTTP " + status;
        int hash = type.lastIndexOf('#');
        return hash >= 0 ? type.substring(hash + 1) : type;
    }

    private static void backoff(int attempt) {
        try {
            Thread.sleep(Math.min(2_000L, 100L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
