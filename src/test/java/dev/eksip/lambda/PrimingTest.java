package dev.eksip.lambda;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SnapStart priming from the committed recordings alone (no emulator, no network): both invocations run to the
 * end with every call answered, whatever the deployment's metric detail (PrimingResponsesIT checks the recordings
 * against moto and the live run).
 */
class PrimingTest {
    @Test
    void primingRunsTheFunctionsFirstInvocationsOverTheRecordingsWithEveryCallAnswered() {
        for (String detail : new String[]{"lean", "full"}) {
            Priming.Summary summary = Priming.run(Map.of("METRIC_DETAIL", detail));
            assertThat(summary.unanswered()).as(detail).isEmpty();
            assertThat(summary.invocations()).isEqualTo(Priming.EVENTS.size());
            assertThat(summary.answered()).as(detail).isGreaterThan(20);
        }
    }

    @Test
    void aFailedPrimingIsLoggedAndTheSnapshotIsTakenUnprimed() {
        java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
        Priming priming = Priming.register(Map.of("METRIC_DETAIL", "everything"),
                new java.io.PrintStream(log, true, java.nio.charset.StandardCharsets.UTF_8));

        priming.beforeCheckpoint(null);   // a bad setting makes the priming's own composition fail

        assertThat(log.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("\"event\":\"priming-failed\"")
                .contains("METRIC_DETAIL").doesNotContain("\"event\":\"primed\"");
    }

    @Test
    void theFunctionsOwnResourcesNeverReachThePrimingEnvironment() {
        Map<String, String> primed = Priming.environment(Map.of("ALERT_TOPIC_ARN", "arn:aws:sns:eu-west-1:111122223333:real",
                "ALERT_STATE_TABLE", "real-table", "AWS_ENDPOINT_URL", "https://example.invalid", "CLUSTER_NAMES", "a,b",
                "KUBERNETES_READ", "true", "TARGET_REGIONS", "eu-west-1", "METRIC_DETAIL", "full"));
        assertThat(primed).containsEntry("ALERT_TOPIC_ARN", Priming.TOPIC_ARN).containsEntry("ALERT_STATE_TABLE", Priming.STATE_TABLE)
                .containsEntry("METRIC_DETAIL", "full")
                .doesNotContainKeys("AWS_ENDPOINT_URL", "CLUSTER_NAMES", "KUBERNETES_READ", "TARGET_REGIONS");
    }
}
