package dev.eksip.lambda;

import static dev.eksip.lambda.HandlerHarness.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import dev.eksip.app.alert.Alert;
import dev.eksip.app.port.MetricPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.util.List;

class ForecastHandlerTest {
    private final HandlerHarness h = new HandlerHarness();

    @Test
    void scheduledEventAuditsEveryClusterAndPublishesAccountLevelMetrics() {
        JsonNode response = h.invoke("scheduled-event.json");
        assertThat(h.forecastRequests).containsExactly(List.of());
        JsonNode audit = response.path("audits").get(0);
        assertThat(audit.path("scope").asText()).isEqualTo("account");
        assertThat(audit.path("subnets").asInt()).isEqualTo(3);
        assertThat(audit.path("subnetsAtRisk").asInt()).isEqualTo(2);
        assertThat(h.metrics.all()).anySatisfy(p -> {
            assertThat(p.name()).isEqualTo("SubnetsAtRisk");
            assertThat(p.dimensions()).isEmpty();
            assertThat(p.value()).isEqualTo(2);
        });
        assertThat(h.alerts.sent).extracting(Alert::cluster).containsExactlyInAnyOrder("web-prod", "batch-jobs");
        JsonNode line = h.logLines().stream().filter(l -> l.path("event").asText().equals("audit")).findFirst().orElseThrow();
        assertThat(line.path("level").asText()).isEqualTo("INFO");
        assertThat(line.path("subnetsAtRisk").asInt()).isEqualTo(2);
        assertThat(line.path("requestId").asText()).isEqualTo(HandlerHarness.TEST_CONTEXT.getAwsRequestId());
        // the release: the jar manifest's Implementation-Version ("unknown" here, where classes run outside the jar)
        assertThat(h.logLines()).allSatisfy(l -> assertThat(l.path("version").asText()).isEqualTo(RunLog.VERSION));
    }

    @Test
    void scheduledEventAuditsOnlyTheConfiguredClusters() {
        HandlerHarness configured = new HandlerHarness(List.of("batch-jobs"));
        configured.invoke("scheduled-event.json");
        assertThat(configured.forecastRequests).containsExactly(List.of("batch-jobs"));
    }

    @ParameterizedTest
    @CsvSource({"eks-create-nodegroup.json,web-prod", "eks-update-nodegroup-config.json,batch-jobs",
            "eks-update-nodegroup-version.json,web-prod", "eks-delete-nodegroup.json,web-prod"})
    void eksNodegroupCallAuditsTheClusterNamedInTheRequest(String file, String cluster) {
        JsonNode response = h.invoke(file);
        assertThat(h.forecastRequests).containsExactly(List.of(cluster));
        assertThat(response.path("audits").get(0).path("scope").asText()).isEqualTo("clusters");
        assertThat(h.metrics.all()).noneMatch(p -> p.dimensions().isEmpty() && p.name().equals("SubnetsAtRisk"));
    }

    @ParameterizedTest
    @CsvSource({"autoscaling-launch-successful.json", "autoscaling-launch-unsuccessful.json",
            "autoscaling-terminate-successful.json"})
    void autoScalingEventAuditsTheClusterThatOwnsTheGroup(String file) {
        h.invoke(file);
        assertThat(h.lookups).containsExactly(HandlerHarness.MANAGED_GROUP);
        assertThat(h.forecastRequests).containsExactly(List.of("web-prod"));
    }

    @Test
    void sqsBatchAuditsEachAffectedClusterOnceAndReportsNoFailure() {
        JsonNode response = h.invoke("sqs-batch.json");
        assertThat(response.has("batchItemFailures")).isTrue();
        assertThat(h.failedIds(response)).isEmpty();
        // 5 records: 2 EKS calls (web-prod, batch-jobs), 3 Auto Scaling events of web-prod's group (looked up once)
        assertThat(h.forecastRequests).containsExactly(List.of("web-prod"), List.of("batch-jobs"));
        assertThat(h.lookups).containsExactly(HandlerHarness.MANAGED_GROUP);
        JsonNode batch = h.logLines().stream().filter(l -> l.path("event").asText().equals("batch")).findFirst().orElseThrow();
        assertThat(batch.path("records").asInt()).isEqualTo(5);
        assertThat(batch.path("failed").asInt()).isZero();
    }

    @Test
    void aBurstOfOneHundredScalingEventsAuditsEachAffectedClusterOnce() {
        List<Object> records = new java.util.ArrayList<>();
        String launch = new String(event("autoscaling-launch-successful.json"));
        String terminate = new String(event("autoscaling-terminate-successful.json"));
        for (int i = 0; i < 98; i++)
            records.add(HandlerHarness.sqsRecord("asg-" + i, i % 2 == 0 ? launch : terminate));
        records.add(HandlerHarness.sqsRecord("eks-1", new String(event("eks-update-nodegroup-config.json"))));
        records.add(HandlerHarness.sqsRecord("eks-2", new String(event("eks-create-nodegroup.json"))));

        JsonNode response = h.invoke(HandlerHarness.batch(records));

        assertThat(h.failedIds(response)).isEmpty();
        assertThat(h.forecastRequests).containsExactly(List.of("web-prod"), List.of("batch-jobs"));
        assertThat(h.lookups).hasSize(1);
        assertThat(h.alerts.sent).hasSize(2);
    }

    @Test
    void aFailedClusterAuditFailsOnlyThatClustersRecordsAndKeepsTheOthersMetrics() {
        h.failingClusters.add("batch-jobs");
        JsonNode response = h.invoke("sqs-batch.json");
        assertThat(h.failedIds(response)).containsExactly("3f2d9f71-4e50-4162-9d7e-8f9a0b1c2d34");
        assertThat(h.metrics.all()).anySatisfy(p -> assertThat(p.dimensions())
                .contains(new MetricPoint.Dimension("ClusterName", "web-prod")));
        assertThat(h.logLines()).anySatisfy(l -> {
            assertThat(l.path("event").asText()).isEqualTo("audit-failed");
            assertThat(l.path("error").asText()).contains("batch-jobs");
        });
    }

    @Test
    void anUnresolvableGroupMakesTheBatchOneAccountWideAudit() throws Exception {
        String body = new String(event("autoscaling-launch-successful.json"))
                .replace(HandlerHarness.MANAGED_GROUP, "self-managed-workers");
        JsonNode response = h.invoke(HandlerHarness.batch(List.of(
                HandlerHarness.sqsRecord("m-1", body),
                HandlerHarness.sqsRecord("m-2", new String(event("eks-create-nodegroup.json"))))));
        assertThat(h.failedIds(response)).isEmpty();
        assertThat(h.forecastRequests).containsExactly(List.of());
        assertThat(h.logLines()).anySatisfy(l -> assertThat(l.path("event").asText()).isEqualTo("cluster-unresolved"));
    }

    @Test
    void eventsForClustersOutsideClusterNamesAreIgnoredNotFailed() {
        HandlerHarness configured = new HandlerHarness(List.of("batch-jobs"));
        JsonNode response = configured.invoke("sqs-batch.json");
        assertThat(configured.failedIds(response)).isEmpty();
        assertThat(configured.forecastRequests).containsExactly(List.of("batch-jobs"));
    }

    @ParameterizedTest
    @CsvSource({"eks-create-nodegroup.json,web-prod", "autoscaling-launch-successful.json,web-prod"})
    void aDirectEventForAClusterOutsideClusterNamesIsIgnored(String file, String cluster) {
        HandlerHarness configured = new HandlerHarness(List.of("batch-jobs"));
        JsonNode response = configured.invoke(file);

        assertThat(configured.forecastRequests).isEmpty();
        assertThat(response.path("ignored")).extracting(JsonNode::asText).containsExactly(cluster);
        assertThat(configured.metrics.all()).isEmpty();
    }

    @Test
    void whenTheScheduledAuditOfConfiguredClustersFailsEachHealthyClusterIsStillPublished() {
        HandlerHarness configured = new HandlerHarness(List.of("web-prod", "batch-jobs"));
        configured.failingClusters.add("batch-jobs");
        assertThatThrownBy(() -> configured.invoke("scheduled-event.json"))
                .hasMessageContaining("forecast of cluster(s) web-prod, batch-jobs failed");
        assertThat(configured.forecastRequests).containsExactly(List.of("web-prod", "batch-jobs"),
                List.of("web-prod"), List.of("batch-jobs"));
        assertThat(configured.metrics.all()).anySatisfy(p -> assertThat(p.dimensions())
                .contains(new MetricPoint.Dimension("ClusterName", "web-prod")));
        assertThat(configured.alerts.sent).extracting(Alert::cluster).containsExactly("web-prod");
    }

    @Test
    void directInvokeAuditsTheNamedClusters() {
        JsonNode response = h.invoke("direct-invoke.json");
        assertThat(h.forecastRequests).containsExactly(List.of("web-prod"));
        assertThat(response.path("audits").get(0).path("alertsSent").get(0).asText()).isEqualTo("web-prod:worsened");
        assertThat(h.invoke("{\"clusters\":[]}".getBytes()).path("audits").get(0).path("scope").asText())
                .isEqualTo("account");
    }

    @Test
    void directInvokeOfAFailingClusterIsAnErrorAfterTheOthersRan() {
        h.failingClusters.add("batch-jobs");
        assertThatThrownBy(() -> h.invoke("{\"clusters\":[\"batch-jobs\",\"web-prod\"]}".getBytes()))
                .hasMessageContaining("audit failed for cluster(s) batch-jobs");
        assertThat(h.forecastRequests).containsExactly(List.of("batch-jobs"), List.of("web-prod"));
    }

    @Test
    void theSampleEventsBindToTheRuntimesEventTypes() throws Exception {
        ClassLoader cl = getClass().getClassLoader();
        ScheduledEvent scheduled = LambdaEventSerializers.serializerFor(ScheduledEvent.class, cl)
                .fromJson(new ByteArrayInputStream(event("scheduled-event.json")));
        assertThat(scheduled.getDetailType()).isEqualTo("Scheduled Event");
        for (String f : List.of("eks-create-nodegroup.json", "eks-update-nodegroup-config.json",
                "eks-update-nodegroup-version.json", "eks-delete-nodegroup.json", "autoscaling-launch-successful.json",
                "autoscaling-launch-unsuccessful.json", "autoscaling-terminate-successful.json")) {
            ScheduledEvent e = LambdaEventSerializers.serializerFor(ScheduledEvent.class, cl)
                    .fromJson(new ByteArrayInputStream(event(f)));
            assertThat(e.getSource()).as(f).isIn("aws.eks", "aws.autoscaling");
            assertThat(e.getDetail()).as(f).isNotEmpty();
        }
        SQSEvent sqs = LambdaEventSerializers.serializerFor(SQSEvent.class, cl)
                .fromJson(new ByteArrayInputStream(event("sqs-batch.json")));
        assertThat(sqs.getRecords()).hasSize(5).allSatisfy(r -> {
            assertThat(r.getEventSource()).isEqualTo("aws:sqs");
            assertThat(HandlerHarness.JSON.readTree(r.getBody()).path("source").asText()).startsWith("aws.");
        });
    }

    @Test
    void theBatchResponseHasTheShapeLambdaExpects() {
        HandlerHarness bad = new HandlerHarness();
        JsonNode response = bad.invoke(HandlerHarness.batch(List.of(HandlerHarness.sqsRecord("m-9", "not json"))));
        assertThat(response.toString()).isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"m-9\"}]}");
    }
}
