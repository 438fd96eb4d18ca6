package dev.eksip.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eksip.aws.AwsClients;
import dev.eksip.aws.CannedHttpClient;
import dev.eksip.aws.LambdaAdapters;
import dev.eksip.config.AppConfig;
import dev.eksip.testing.aws.AlertPeers;
import dev.eksip.testing.aws.CloudWatchWireRecorder;
import dev.eksip.testing.aws.EdgeAccount;
import dev.eksip.testing.aws.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SnapStart priming's recorded answers ({@code src/main/resources/priming/responses.json}) against the real
 * peers: the function's priming invocations run here over moto (EC2, EKS, Auto Scaling, SNS, DynamoDB) and the
 * CloudWatch wire stand-in on the seeded account plus the cramped {@code edge} cluster (due an alert), recording
 * every answer. The test fails when the function makes a call the recordings do not answer (a new call since they
 * were taken), and checks that the primed run behaves as the live one: the same responses, the same datums, the same
 * alert. {@code -Dpriming.record=true} rewrites the resource from this run.
 */
class PrimingResponsesIT {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path RESOURCE = Path.of("src/main/resources" + Priming.RESPONSES);

    private static CloudWatchWireRecorder cloudWatch;
    private static AlertPeers peers;

    @BeforeAll
    static void seed() {
        System.setProperty("aws.accessKeyId", "testing");   // the function's default credentials chain
        System.setProperty("aws.secretAccessKey", "testing");
        EdgeAccount.seedWithSeededAccount(MOTO);
        cloudWatch = new CloudWatchWireRecorder();
        peers = new AlertPeers(MOTO, "priming");
    }

    @AfterAll
    static void stop() {
        if (cloudWatch != null) cloudWatch.close();
        if (peers != null) peers.close();
    }

    @Test
    void primingAnswersEveryCallTheFunctionMakesAndBehavesAsTheLiveRun() throws Exception {
        assertThat(peers.topicArn).isEqualTo(Priming.TOPIC_ARN);
        Map<String, String> env = new HashMap<>(Priming.environment(Map.of()));
        env.put("AWS_ACCESS_KEY_ID", "testing");
        env.put("AWS_SECRET_ACCESS_KEY", "testing");
        env.put("AWS_ENDPOINT_URL", MOTO.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_CLOUDWATCH", cloudWatch.endpoint().toString());

        Recorder recorder = new Recorder();
        ForecastHandler live = new ForecastHandler(Wiring.compose(AppConfig.from(env), env,
                new LambdaAdapters(AwsClients.fromEnvironment(env, recorder))), quiet(), Clock.systemUTC());
        List<JsonNode> liveResponses = invokeAll(live);
        int liveDatums = cloudWatch.datums().size();
        int liveAlerts = peers.received().size();
        assertThat(liveDatums).isPositive();
        assertThat(liveAlerts).as("the edge cluster is due an alert").isPositive();
        if (Boolean.getBoolean("priming.record")) {
            Files.writeString(RESOURCE, recorder.json().toPrettyString() + "\n");
            System.out.println("rewrote " + RESOURCE + " with " + recorder.answers.size() + " answers");
        }

        // the same invocations over the recorded answers, no network
        CannedHttpClient canned = CannedHttpClient.fromResource(Priming.RESPONSES);
        Map<String, String> primingEnv = Priming.environment(Map.of());
        ForecastHandler primed = new ForecastHandler(Wiring.compose(AppConfig.from(primingEnv), primingEnv,
                LambdaAdapters.canned(canned, primingEnv)), quiet(), Clock.systemUTC());
        List<JsonNode> primedResponses = invokeAll(primed);

        assertThat(canned.unanswered()).as("calls the recordings do not answer: re-record with -Dpriming.record=true")
                .isEmpty();
        assertThat(canned.answered()).as("calls answered from the recordings").isGreaterThan(20);
        assertThat(primedResponses).isEqualTo(liveResponses);
        assertThat(cloudWatch.datums()).hasSize(liveDatums);   // the primed run published nothing for real
        assertThat(peers.received()).as("received since the live run's alert").isEmpty();

        Priming.Summary summary = Priming.run(Map.of());
        assertThat(summary.unanswered()).isEmpty();
        assertThat(summary.answered()).isEqualTo(canned.answered());
        assertThat(summary.invocations()).isEqualTo(Priming.EVENTS.size());
    }

    private static List<JsonNode> invokeAll(ForecastHandler handler) throws IOException {
        List<JsonNode> responses = new ArrayList<>();
        for (String event : Priming.EVENTS) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (InputStream in = Priming.class.getResourceAsStream(event)) {
                handler.handleRequest(new ByteArrayInputStream(in.readAllBytes()), out, null);
            }
            JsonNode response = JSON.readTree(out.toByteArray());
            response.path("audits").forEach(a -> ((ObjectNode) a).remove("asOf"));   // the run's own clock
            responses.add(response);
        }
        return responses;
    }

    private static PrintStream quiet() {
        return new PrintStream(java.io.OutputStream.nullOutputStream());
    }

    /** Records each answer (operation, path, status, headers, body) as the SDK receives it. */
    private static final class Recorder implements ExecutionInterceptor {
        final List<ObjectNode> answers = java.util.Collections.synchronizedList(new ArrayList<>());
        private final Set<String> keys = java.util.Collections.synchronizedSet(new LinkedHashSet<>());

        @Override
        public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
                                                               ExecutionAttributes attributes) {
            byte[] body;
            try {
                body = context.responseBody().isPresent() ? context.responseBody().get().readAllBytes() : new byte[0];
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ObjectNode answer = JSON.createObjectNode();
            answer.put("operation", CannedHttpClient.operation(attributes));
            answer.put("path", context.httpRequest().encodedPath());
            answer.put("status", context.httpResponse().statusCode());
            ObjectNode headers = answer.putObject("headers");
            context.httpResponse().headers().forEach((name, values) -> {
                String lower = name.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-type") || lower.startsWith("smithy-protocol")
                        || lower.startsWith("x-amzn-query-mode")) {
                    ArrayNode list = headers.putArray(name);
                    values.forEach(list::add);
                }
            });
            answer.put("body", Base64.getEncoder().encodeToString(body));
            answers.add(answer);
            keys.add(answer.path("operation").asText() + " " + answer.path("path").asText());
            return Optional.of(new ByteArrayInputStream(body));
        }

        JsonNode json() {
            ObjectNode root = JSON.createObjectNode();
            root.put("recordedBy", "PrimingResponsesIT (moto " + "5.2.1, CloudWatchWireRecorder)");
            ArrayNode list = root.putArray("responses");
            Set<String> written = new java.util.HashSet<>();
            synchronized (answers) {
                for (ObjectNode a : answers)
                    if (written.add(a.path("operation").asText() + " " + a.path("path").asText())) list.add(a);
            }
            return root;
        }
    }
}
