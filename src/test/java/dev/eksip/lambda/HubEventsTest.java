package dev.eksip.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eksip.app.fleet.AccountDirectory;
import dev.eksip.app.fleet.AuditLedger;
import dev.eksip.app.fleet.AuditTarget;
import dev.eksip.app.fleet.HubRun;
import dev.eksip.app.fleet.TargetSelection;
import dev.eksip.app.port.MetricPoint;
import dev.eksip.app.trigger.Deadline;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The hub's routing: schedule → dispatch, fan-out messages and spokes' events → one audit per target. */
class HubEventsTest {
    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final ObjectMapper JSON = new ObjectMapper();

    final List<String> audits = new ArrayList<>();
    final List<AuditTarget> queued = new ArrayList<>();
    final Map<AuditTarget, Instant> ledger = new HashMap<>();
    final List<MetricPoint> metrics = new ArrayList<>();
    final ByteArrayOutputStream log = new ByteArrayOutputStream();

    HubEvents hub(String failing) {
        AuditLedger memory = new AuditLedger() {
            @Override
            public Map<AuditTarget, Instant> lastAudited(List<AuditTarget> targets) {
                return Map.copyOf(ledger);
            }

            @Override
            public void audited(AuditTarget target, Instant at) {
                ledger.put(target, at);
            }
        };
        HubRun run = new HubRun(new TargetSelection(List.of(), true, List.of(), List.of("eu-west-1", "us-east-1")),
                units -> new AccountDirectory.Listing(List.of("111111111111", "222222222222"),
                        Map.of("333333333333", "SUSPENDED")),
                queued::addAll, memory, metrics::addAll, Duration.ofHours(2), (target, clusters) -> {
                    if (target.accountId().equals(failing)) throw new IllegalStateException("sts:AssumeRole failed");
                    audits.add(target.key() + clusters);
                });
        return new HubEvents(run, CLOCK);
    }

    ProgressLog progress() {
        return new ProgressLog(new RunLog(new PrintStream(log, true, StandardCharsets.UTF_8), CLOCK), "req-1");
    }

    static String record(String id, String body) throws Exception {
        return "{\"messageId\":\"%s\",\"eventSource\":\"aws:sqs\",\"body\":%s}".formatted(id,
                JSON.writeValueAsString(body));
    }

    static String nodegroupEvent(String account, String region, String cluster) {
        return ("{\"source\":\"aws.eks\",\"detail-type\":\"AWS API Call via CloudTrail\",\"account\":\"%s\","
                + "\"region\":\"%s\",\"detail\":{\"eventName\":\"UpdateNodegroupConfig\",\"requestParameters\":"
                + "{\"name\":\"%s\"}}}").formatted(account, region, cluster);
    }

    @Test
    void theScheduleDispatchesEveryTargetAndCountsTheOnesNotAuditedRecently() throws Exception {
        ledger.put(new AuditTarget("111111111111", "eu-west-1"), NOW.minus(Duration.ofMinutes(20)));
        ledger.put(new AuditTarget("222222222222", "us-east-1"), NOW.minus(Duration.ofHours(5)));

        Object response = hub(null).handle(JSON.readTree(
                "{\"source\":\"aws.events\",\"detail-type\":\"Scheduled Event\",\"detail\":{}}"), progress(),
                Deadline.NONE);

        assertThat(queued).extracting(AuditTarget::key).containsExactly("111111111111/eu-west-1",
                "111111111111/us-east-1", "222222222222/eu-west-1", "222222222222/us-east-1");
        assertThat(response).isEqualTo(Map.of("dispatched", 4, "skippedAccounts", 1, "notAudited", 3));
        assertThat(metrics).extracting(MetricPoint::name, MetricPoint::value)
                .contains(org.assertj.core.groups.Tuple.tuple("TargetsNotAudited", 3.0),
                        org.assertj.core.groups.Tuple.tuple("TargetsDispatched", 4.0));
        assertThat(audits).isEmpty();
    }

    @Test
    void aBatchAuditsEachTargetOnceAndReturnsOnlyTheFailedTargetsMessages() throws Exception {
        String records = "{\"Records\":[%s,%s,%s,%s,%s]}".formatted(
                record("m1", "{\"auditTarget\":\"111111111111/eu-west-1\"}"),
                record("m2", nodegroupEvent("111111111111", "eu-west-1", "prod")),
                record("m3", "{\"auditTarget\":\"222222222222/us-east-1\"}"),
                record("m4", nodegroupEvent("444444444444", "us-east-1", "web")),
                record("m5", "{\"auditTarget\":\"not-a-target\"}"));

        SQSBatchResponse response = (SQSBatchResponse) hub("222222222222").handle(JSON.readTree(records), progress(),
                Deadline.NONE);

        // m1 + m2: one target, the whole account (the fan-out message asks for every cluster)
        assertThat(audits).containsExactly("111111111111/eu-west-1[]", "444444444444/us-east-1[web]");
        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("m3");
        assertThat(ledger).containsOnlyKeys(new AuditTarget("111111111111", "eu-west-1"),
                new AuditTarget("444444444444", "us-east-1"));
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("invalid-record", "m5", "target-failed",
                "222222222222/us-east-1");
    }

    @Test
    void anEventWithoutAnAccountIsBadInput() {
        assertThatThrownBy(() -> hub(null).handle(JSON.readTree("{\"source\":\"aws.eks\",\"detail-type\":"
                + "\"AWS API Call via CloudTrail\",\"region\":\"eu-west-1\",\"detail\":{\"eventName\":"
                + "\"CreateNodegroup\",\"requestParameters\":{\"name\":\"prod\"}}}"), progress(), Deadline.NONE))
                .hasMessageContaining("event 'account'/'region'");
    }
}
