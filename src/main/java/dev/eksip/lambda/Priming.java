package dev.eksip.lambda;

import dev.eksip.aws.CannedHttpClient;
import dev.eksip.aws.LambdaAdapters;
import dev.eksip.config.AppConfig;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SnapStart priming: before Lambda snapshots the initialised function ({@code beforeCheckpoint}, a CRaC runtime
 * hook), run the function's own first invocations — a scheduled audit and an SQS batch of change events — over
 * {@link CannedHttpClient}: the same composition ({@link Wiring#compose}), the same SDK clients' request and
 * response paths (marshalling, SigV4 signing, retries, XML / JSON / CBOR unmarshalling), the inventory assembly,
 * the forecast, the metric mapping, the alert rendering and the response serialisation, with recorded AWS answers
 * and no network. The classes they load and the code C1 compiles are in the snapshot, so the first real invocation
 * after a restore does not pay for them.
 *
 * <p>Nothing unique is captured: the priming uses its own SDK clients with fixed fake credentials over the canned
 * HTTP client (the production clients' credentials chain is not resolved and they open no connection before the
 * snapshot), its own alert state and no clock-derived or random state survives it (the forecast's random placement
 * is seeded and deterministic by design). {@code afterRestore} therefore only logs the restore. Hooks are called by
 * the Lambda runtime's context: its java21 runtime starts the JVM with
 * {@code -Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac}, which {@code org.crac} (1.5.0,
 * {@code org.crac.impl.Proxy}) forwards to; outside Lambda (or without SnapStart) they never run.
 * Sources: Lambda developer guide, "Lambda SnapStart runtime hooks for Java"; aws-lambda-java-runtime-interface-client
 * 2.10.1 {@code AWSLambda.onInitComplete} (beforeCheckpoint, {@code /runtime/restore/next}, afterRestore when
 * {@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}).
 */
final class Priming implements Resource {
    static final String RESPONSES = "/priming/responses.json";
    /** The invocations primed, in order: resources next to {@link #RESPONSES}. */
    static final List<String> EVENTS = List.of("/priming/scheduled-event.json", "/priming/sqs-batch.json");
    /** The settings the recorded answers belong to (PrimingResponsesIT records with the same). */
    static final String TOPIC_ARN = "arn:aws:sns:us-east-1:123456789012:alerts-priming";
    static final String STATE_TABLE = "alert-state-priming";

    /** What a priming run did. */
    record Summary(int invocations, int answered, List<String> unanswered, long millis) {
    }

    private final Map<String, String> env;
    private final RunLog log;

    private Priming(Map<String, String> env, RunLog log) {
        this.env = Map.copyOf(env);
        this.log = log;
    }

    /** Registers the hooks with the global context; the caller keeps the returned reference (contexts may hold it weakly). */
    static Priming register(Map<String, String> env, PrintStream logOut) {
        Priming priming = new Priming(env, new RunLog(logOut, Clock.systemUTC()));
        Core.getGlobalContext().register(priming);
        return priming;
    }

    /**
     * Primes; a priming that fails is logged ({@code priming-failed}) and the snapshot is taken unprimed: a slower
     * first call, never a failed deployment (the runtime client would report a {@code BeforeCheckpointError}).
     */
    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        try {
            Summary s = run(env);
            log.info("primed", null, RunLog.fields("invocations", s.invocations(), "answeredCalls", s.answered(),
                    "unansweredCalls", s.unanswered(), "millis", s.millis()));
        } catch (RuntimeException e) {
            log.error("priming-failed", null, RunLog.fields("error", e.getClass().getSimpleName() + ": "
                    + e.getMessage()));
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        log.info("restored", null, Map.of());
    }

    /** One priming run: the {@link #EVENTS} through the function over the recorded answers. */
    static Summary run(Map<String, String> env) {
        long start = System.nanoTime();
        CannedHttpClient http = CannedHttpClient.fromResource(RESPONSES);
        Map<String, String> primingEnv = environment(env);
        Wiring.Components components = Wiring.compose(AppConfig.from(primingEnv), primingEnv,
                LambdaAdapters.canned(http, primingEnv));
        ForecastHandler handler = new ForecastHandler(components, new PrintStream(OutputStream.nullOutputStream()),
                Clock.systemUTC());
        for (String event : EVENTS) {
            try (InputStream in = new ByteArrayInputStream(resource(event))) {
                handler.handleRequest(in, OutputStream.nullOutputStream(), null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Summary(EVENTS.size(), http.answered(), http.unanswered(), (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * The function's settings with the recorded account's resources: its own metric detail, CNI settings and read
     * concurrency (the paths production takes), the recording's topic and table, every cluster, no Kubernetes API,
     * no hub.
     */
    static Map<String, String> environment(Map<String, String> env) {
        Map<String, String> primed = new HashMap<>();
        primed.put("AWS_REGION", "us-east-1");
        for (String keep : List.of("METRIC_DETAIL", "CNI_SETTINGS", "READ_CONCURRENCY", "METRIC_NAMESPACE"))
            if (env.get(keep) != null) primed.put(keep, env.get(keep));
        primed.put("ALERT_TOPIC_ARN", TOPIC_ARN);
        primed.put("ALERT_STATE_TABLE", STATE_TABLE);
        primed.put("ALERT_MIN_SEVERITY", "warning");
        return primed;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = Priming.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return in.readAllBytes();
        }
    }
}
