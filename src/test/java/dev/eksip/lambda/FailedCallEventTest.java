package dev.eksip.lambda;

import static dev.eksip.lambda.HandlerHarness.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A CloudTrail event for a call that failed ({@code detail.errorCode} set) changed nothing: the rule does not match
 * it, and the handler ignores it when one arrives anyway (an older rule, a direct invoke) — no audit, no failure.
 */
class FailedCallEventTest {
    private static final String FAILED = "eks-update-nodegroup-config-failed.json";

    @Test
    void theNodegroupRuleMatchesOnlyCallsWithoutAnErrorCode() {
        JsonNode detail = Template.load().resource("NodegroupChangeRule").path("Properties").path("EventPattern")
                .path("detail");
        assertThat(detail.path("errorCode").toString()).isEqualTo("[{\"exists\":false}]");
    }

    @Test
    void theSampleIsTheSuccessfulSampleWithTheErrorCloudTrailRecords() throws Exception {
        JsonNode failed = HandlerHarness.JSON.readTree(event(FAILED)).path("detail");
        assertThat(failed.path("eventName").asText()).isEqualTo("UpdateNodegroupConfig");
        assertThat(failed.path("errorCode").asText()).isEqualTo("AccessDeniedException");
        assertThat(failed.path("requestParameters").path("name").asText()).isEqualTo("batch-jobs");
    }

    @Test
    void aFailedCallDeliveredDirectlyAuditsNothingAndIsNoError() {
        HandlerHarness h = new HandlerHarness();
        JsonNode response = h.invoke(FAILED);

        assertThat(h.forecastRequests).isEmpty();
        assertThat(h.metrics.calls).isEmpty();
        assertThat(response.path("audits")).isEmpty();
        assertThat(response.path("skipped").asText()).contains("UpdateNodegroupConfig", "AccessDeniedException");
        assertThat(h.logLines()).anySatisfy(l -> {
            assertThat(l.path("event").asText()).isEqualTo("skipped");
            assertThat(l.path("level").asText()).isEqualTo("INFO");
        });
    }

    @Test
    void aFailedCallInABatchIsIgnoredNotFailedAndTheOtherRecordsAreAudited() {
        HandlerHarness h = new HandlerHarness();
        JsonNode response = h.invoke(HandlerHarness.batch(List.of(
                HandlerHarness.sqsRecord("failed-call", new String(event(FAILED), StandardCharsets.UTF_8)),
                HandlerHarness.sqsRecord("create", new String(event("eks-create-nodegroup.json"), StandardCharsets.UTF_8)))));

        assertThat(h.failedIds(response)).isEmpty();
        assertThat(h.forecastRequests).containsExactly(List.of("web-prod"));
        JsonNode batch = h.logLines().stream().filter(l -> l.path("event").asText().equals("batch")).findFirst()
                .orElseThrow();
        assertThat(batch.path("ignored").asInt()).isEqualTo(1);
        assertThat(h.logLines()).anySatisfy(l -> {
            assertThat(l.path("event").asText()).isEqualTo("ignored-record");
            assertThat(l.path("messageId").asText()).isEqualTo("failed-call");
        });
    }

    @Test
    void aFailedCallAloneInABatchRunsNoAudit() {
        HandlerHarness h = new HandlerHarness();
        JsonNode response = h.invoke(HandlerHarness.batch(List.of(
                HandlerHarness.sqsRecord("failed-call", new String(event(FAILED), StandardCharsets.UTF_8)))));
        assertThat(h.failedIds(response)).isEmpty();
        assertThat(h.forecastRequests).isEmpty();
    }
}
