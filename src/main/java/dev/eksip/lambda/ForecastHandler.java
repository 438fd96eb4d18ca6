package dev.eksip.lambda;

import static java.util.Objects.requireNonNull;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eksip.app.trigger.Deadline;
import dev.eksip.app.trigger.TriggerAudits;
import dev.eksip.app.trigger.TriggerOutcome;
import dev.eksip.app.trigger.TriggerRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The function's entry point ({@code dev.eksip.lambda.ForecastHandler::handleRequest}), one for all triggers:
 * <ul>
 *   <li>an EventBridge {@code Scheduled Event} → one audit of every cluster (or {@code CLUSTER_NAMES});</li>
 *   <li>an SQS batch whose bodies are EventBridge events (EKS node group API calls via CloudTrail, Auto Scaling
 *       launch/terminate) → the affected clusters, deduplicated, one audit each ({@link Wiring#AUDIT_CONCURRENCY}
 *       at a time); records that fail (bad input, a failed audit, alert or read of their cluster) or that the
 *       deadline left unaudited (the context's remaining time less {@link #RESPONSE_RESERVE}) are returned as
 *       {@code batchItemFailures} ({@code ReportBatchItemFailures}); nothing escapes for a bad record;</li>
 *   <li>a direct invoke {@code {"clusters": ["name", ...]}} → one audit per named cluster ({@code []} = every one);</li>
 *   <li>an EKS / Auto Scaling EventBridge event delivered directly → its cluster;</li>
 *   <li>a CloudTrail event of a call that failed ({@code detail.errorCode}) changed nothing: skipped (in a batch:
 *       ignored), never a failure.</li>
 * </ul>
 * In the hub deployment (organization-wide, {@code TARGET_REGIONS} set) every invocation goes to {@link HubEvents}
 * instead: the schedule fans the account × region targets out, and each fan-out message or spoke event audits one
 * target.
 * Streams in and out so that one bad record cannot fail the binding of a whole batch. Thin: it parses and routes
 * ({@link EventRouting}), calls {@link TriggerAudits}, and serialises the outcome ({@link Responses}); the use
 * case's progress is logged as it happens ({@link ProgressLog}).
 */
public final class ForecastHandler implements RequestStreamHandler {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Kept free at the end of an invocation for the response and the last log lines: no audit starts inside it. */
    static final Duration RESPONSE_RESERVE = Duration.ofSeconds(10);

    private final TriggerAudits triggers;
    private final Optional<HubEvents> hub;
    private final RunLog log;

    /** The SnapStart priming hooks, held here: a CRaC context may keep registered resources only weakly. */
    private static volatile Priming priming;

    /**
     * Lambda runtime: composition at INIT from the environment; a bad configuration fails here. Registers the
     * SnapStart priming ({@link Priming}), which runs only when Lambda takes a snapshot.
     */
    public ForecastHandler() {
        this(Wiring.production(System.getenv()), System.out, Clock.systemUTC());
        if (priming == null) priming = Priming.register(System.getenv(), System.out);
    }

    ForecastHandler(Wiring.Components components, PrintStream logOut, Clock clock) {
        this(components.triggers(), components.hub().map(h -> new HubEvents(h, clock)), logOut, clock);
    }

    ForecastHandler(TriggerAudits triggers, PrintStream logOut, Clock clock) {
        this(triggers, Optional.empty(), logOut, clock);
    }

    /** @param hub the hub deployment's routing (organization-wide), when configured */
    ForecastHandler(TriggerAudits triggers, Optional<HubEvents> hub, PrintStream logOut, Clock clock) {
        this.triggers = requireNonNull(triggers, "triggers");
        this.hub = requireNonNull(hub, "hub");
        this.log = new RunLog(logOut, clock);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        ProgressLog progress = new ProgressLog(log, context == null ? null : context.getAwsRequestId());
        Deadline deadline = context == null ? Deadline.NONE
                : new Deadline(context::getRemainingTimeInMillis, RESPONSE_RESERVE);
        JsonNode event;
        try {
            event = JSON.readTree(input.readAllBytes());
        } catch (JsonProcessingException e) {
            throw progress.invalidEvent("event is not JSON: " + e.getOriginalMessage());
        }
        Object response;
        if (hub.isPresent()) {
            try {
                response = hub.get().handle(event, progress, deadline);
            } catch (IllegalArgumentException e) {
                throw progress.invalidEvent(e.getMessage());
            }
        } else if (event != null && event.isObject() && event.has("Records")) {
            JsonNode records = event.get("Records");
            if (records.isArray()) response = respond(EventRouting.batch(records), progress, deadline);
            else {
                progress.invalidEvent("field 'Records': expected an array, got " + EventRouting.kind(records));
                response = new SQSBatchResponse(List.of());
            }
        } else if (event != null && event.isObject() && event.has("clusters")) {
            TriggerRequest.Clusters request;
            try {
                request = EventRouting.clusters(event.get("clusters"));
            } catch (IllegalArgumentException e) {
                throw progress.invalidEvent(e.getMessage());
            }
            response = respond(request, progress, deadline);
        } else if (event != null && event.isObject() && event.has("source")) {
            response = respond(new TriggerRequest.Event(EventRouting.target(event)), progress, deadline);
        } else {
            throw progress.invalidEvent("unrecognised event: expected an EventBridge event, an SQS batch (Records) or "
                    + "{\"clusters\": [...]}, got " + EventRouting.kind(event));
        }
        output.write(JSON.writeValueAsBytes(response));
    }

    private Object respond(TriggerRequest request, ProgressLog progress, Deadline deadline) {
        return switch (triggers.handle(request, progress, deadline)) {
            case TriggerOutcome.Audited audited -> Responses.audited(audited.audits());
            case TriggerOutcome.Ignored ignored -> {
                progress.ignored(ignored.cluster());
                yield Responses.ignored(ignored.cluster());
            }
            case TriggerOutcome.Skipped skipped -> {
                progress.skipped(skipped.reason());
                yield Responses.skipped(skipped.reason());
            }
            case TriggerOutcome.Invalid invalid -> throw progress.invalidEvent(invalid.reason());
            case TriggerOutcome.Batch batch -> {
                progress.batch(batch);
                yield Responses.batch(batch);
            }
        };
    }
}
