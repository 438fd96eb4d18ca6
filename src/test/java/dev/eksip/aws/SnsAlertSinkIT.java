package dev.eksip.aws;

import static dev.eksip.testing.forecast.Forecasts.forecast;
import static dev.eksip.testing.forecast.Forecasts.subnet;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eksip.testing.forecast.Forecasts;
import dev.eksip.testing.ports.InMemoryPorts;
import dev.eksip.app.RunAudit;
import dev.eksip.app.alert.Alert;
import dev.eksip.app.alert.AlertPolicy;
import dev.eksip.app.alert.AlertState;
import dev.eksip.app.alert.SubnetSeverities;
import dev.eksip.domain.Scope;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.Severity;
import dev.eksip.testing.aws.AlertPeers;
import dev.eksip.testing.aws.MotoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** SNS alerts through moto to an SQS subscriber, alert state in moto DynamoDB. */
class SnsAlertSinkIT {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();
    private static final ObjectMapper JSON = new ObjectMapper();
    private AlertPeers peers;

    @BeforeEach
    void seed() {
        MOTO.reset();
        peers = new AlertPeers(MOTO, "it");
    }

    @AfterEach
    void close() {
        peers.close();
    }

    private static Alert criticalAlert() {
        Forecast f = forecast(subnet("subnet-0a1b2c3d4e5f60001").az("us-east-1c").nodeGroups("web-spot", "web-od")
                .critical().build());
        return AlertPolicy.decide(AlertPolicy.findings(f, Severity.WARNING).getFirst(), Optional.empty(),
                Duration.ofHours(24)).alert().orElseThrow();
    }

    @Test
    void subscribersGetTheSubjectTheAttributesAndTheJsonFormWhileEmailGetsText() throws Exception {
        new SnsAlertSink(peers.sns, peers.topicArn).send(criticalAlert());

        JsonNode envelope = peers.received().getFirst();
        System.out.println("SNS envelope as received by the SQS subscriber:\n" + envelope.toPrettyString());
        assertThat(envelope.path("Type").asText()).isEqualTo("Notification");
        assertThat(envelope.path("TopicArn").asText()).isEqualTo(peers.topicArn);
        assertThat(envelope.path("Subject").asText())
                .isEqualTo("[CRITICAL] web-prod: 1 EKS subnet at risk of IP exhaustion").hasSizeLessThan(100);
        JsonNode attributes = envelope.path("MessageAttributes");
        assertThat(attributes.path("severity").path("Value").asText()).isEqualTo("critical");
        assertThat(attributes.path("cluster").path("Value").asText()).isEqualTo("web-prod");
        assertThat(attributes.path("account").path("Value").asText()).isEqualTo("123456789012");
        assertThat(attributes.path("region").path("Value").asText()).isEqualTo("us-east-1");
        assertThat(attributes.path("severity").path("Type").asText()).isEqualTo("String");
        JsonNode body = JSON.readTree(envelope.path("Message").asText());   // the "sqs" form: JSON
        assertThat(body.path("type").asText()).isEqualTo("eks-ip-forecast-alert");
        assertThat(body.path("subnets").get(0).path("availabilityZone").asText()).isEqualTo("us-east-1c");
        assertThat(body.path("subnets").get(0).path("nodeGroups")).extracting(JsonNode::asText)
                .containsExactly("web-spot", "web-od");

        JsonNode published = peers.published().getFirst();
        JsonNode structured = JSON.readTree(published.get(1).asText());   // [topic, message, subject, ...]
        System.out.println("Published structured message, 'email' form:\n" + structured.path("email").asText());
        assertThat(structured.fieldNames()).toIterable().containsExactlyInAnyOrder("default", "email", "sqs", "lambda");
        assertThat(structured.path("email").asText()).startsWith("EKS IP forecast for cluster web-prod")
                .contains("subnet-0a1b2c3d4e5f60001 (10.0.0.0/24, us-east-1c, vpc-0abc): CRITICAL")
                .contains("Fix: ");
        assertThat(structured.path("default").asText()).isEqualTo(structured.path("email").asText());
        assertThat(structured.path("lambda").asText()).isEqualTo(structured.path("sqs").asText());
    }

    @Test
    void alertStateRoundTripsThroughDynamoDb() {
        DynamoDbAlertStateStore store = new DynamoDbAlertStateStore(peers.dynamoDb, peers.table);
        Scope webProd = new Scope.OfCluster("web-prod");
        assertThat(store.load(webProd)).isEmpty();
        AlertState state = new AlertState(webProd, Severity.CRITICAL,
                SubnetSeverities.of(java.util.Map.of("subnet-a", Severity.CRITICAL, "subnet-b", Severity.WARNING)),
                Instant.parse("2026-11-20T09:15:00Z"), Instant.parse("2026-11-20T09:30:00Z"));
        store.save(state);
        assertThat(store.load(webProd)).contains(state);
        var item = peers.dynamoDb.getItem(r -> r.tableName(peers.table)
                .key(java.util.Map.of("scope", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("cluster/web-prod"))))
                .item();
        assertThat(item.get("expiresAt").n()).isEqualTo(Long.toString(Instant.parse("2026-11-20T09:30:00Z")
                .plus(Duration.ofDays(90)).getEpochSecond()));
        assertThat(item.get("fingerprint").s()).isEqualTo("subnet-a=critical,subnet-b=warning");
    }

    @Test
    void acrossColdStartsAnUnchangedFindingIsSentOnceAndRecoveryIsAnnounced() {
        AtomicReference<Forecast> current = new AtomicReference<>(forecast(subnet("subnet-a").critical().build()));
        AtomicReference<Instant> now = new AtomicReference<>(Forecasts.AS_OF);
        // a fresh RunAudit per run = a cold start: only DynamoDB remembers
        java.util.function.Supplier<RunAudit> coldStart = () -> new RunAudit(
                (clusters, asOf) -> Forecasts.at(current.get(), asOf),
                new InMemoryPorts.RecordingMetrics(), dev.eksip.app.MetricMapping.Detail.LEAN,
                new SnsAlertSink(peers.sns, peers.topicArn),
                new DynamoDbAlertStateStore(peers.dynamoDb, peers.table),
                new RunAudit.AlertSettings(Severity.WARNING, Duration.ofHours(24)),
                Clock.fixed(now.get(), ZoneOffset.UTC));
        coldStart.get().audit(List.of(), true);
        now.set(Forecasts.AS_OF.plusSeconds(900));
        coldStart.get().audit(List.of(), true);
        now.set(Forecasts.AS_OF.plusSeconds(1800));
        current.set(forecast(subnet("subnet-a").build()));
        coldStart.get().audit(List.of(), true);

        List<JsonNode> received = peers.received();
        assertThat(received).extracting(e -> e.path("MessageAttributes").path("kind").path("Value").asText())
                .containsExactly("worsened", "recovered");
        assertThat(received.get(1).path("MessageAttributes").path("severity").path("Value").asText()).isEqualTo("ok");
    }

    private RunAudit audit(Forecast forecast, dev.eksip.app.port.AlertStateStore store, Instant at) {
        return new RunAudit((clusters, asOf) -> Forecasts.at(forecast, asOf), new InMemoryPorts.RecordingMetrics(),
                dev.eksip.app.MetricMapping.Detail.LEAN, new SnsAlertSink(peers.sns, peers.topicArn), store,
                new RunAudit.AlertSettings(Severity.WARNING, Duration.ofHours(24)), Clock.fixed(at, ZoneOffset.UTC));
    }

    @Test
    void aClusterWithFiveHundredSubnetsAtRiskGetsOneMessageThatSnsAcceptsAndTheSubscriberReceives() throws Exception {
        RunAudit.Outcome o = audit(SnsAlertSizeTest.fiveHundredAtRisk(),
                new DynamoDbAlertStateStore(peers.dynamoDb, peers.table), Forecasts.AS_OF).audit(List.of(), true);

        assertThat(o.alertsSent()).containsExactly("web-prod:worsened");
        JsonNode envelope = peers.received().stream().collect(java.util.stream.Collectors.collectingAndThen(
                java.util.stream.Collectors.toList(), l -> { assertThat(l).hasSize(1); return l.getFirst(); }));
        JsonNode body = JSON.readTree(envelope.path("Message").asText());
        int listed = body.path("subnets").size();
        assertThat(body.path("subnetsAtRisk").asInt()).isEqualTo(500);
        assertThat(body.path("subnetsOmitted").asInt()).isEqualTo(500 - listed).isPositive();
        String structured = peers.published().getFirst().get(1).asText();
        System.out.printf("moto accepted one message of %,d bytes listing %d of 500 subnets%n",
                structured.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, listed);
        assertThat(JSON.readTree(structured).path("email").asText()).contains("and %d more subnets at risk"
                .formatted(500 - listed));
    }

    @Test
    void twoConcurrentRunsOnTheSameDynamoDbStateSendOneAlert() throws Exception {
        java.util.concurrent.CyclicBarrier bothLoaded = new java.util.concurrent.CyclicBarrier(2);
        DynamoDbAlertStateStore dynamo = new DynamoDbAlertStateStore(peers.dynamoDb, peers.table);
        dev.eksip.app.port.AlertStateStore store = new dev.eksip.app.port.AlertStateStore() {
            @Override
            public Optional<AlertState> load(Scope scope) {
                Optional<AlertState> s = dynamo.load(scope);
                try {
                    bothLoaded.await(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return s;
            }

            @Override
            public boolean claim(Optional<AlertState> previous, AlertState next) {
                return dynamo.claim(previous, next);
            }

            @Override
            public boolean release(AlertState claimed, Optional<AlertState> previous) {
                return dynamo.release(claimed, previous);
            }

            @Override
            public void save(AlertState state) {
                dynamo.save(state);
            }
        };
        Forecast critical = forecast(subnet("subnet-a").critical().build());
        List<RunAudit.Outcome> outcomes = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Thread> runs = List.of(
                new Thread(() -> outcomes.add(audit(critical, store, Forecasts.AS_OF).audit(List.of(), true))),
                new Thread(() -> outcomes.add(audit(critical, store, Forecasts.AS_OF.plusSeconds(2)).audit(List.of(), true))));
        runs.forEach(Thread::start);
        for (Thread t : runs) t.join();

        assertThat(outcomes).hasSize(2);
        assertThat(outcomes).flatExtracting(RunAudit.Outcome::alertsSent).containsExactly("web-prod:worsened");
        assertThat(peers.received()).hasSize(1);
    }

    @Test
    void aCorruptStateItemIsTreatedAsNoStateAndHealedThroughMotosConditionalWrites() {
        peers.dynamoDb.putItem(r -> r.tableName(peers.table).item(java.util.Map.of(
                "scope", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("cluster/web-prod"),
                "severity", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("dire"),
                "lastSentAt", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("yesterday"))));
        List<String> warnings = new java.util.ArrayList<>();
        DynamoDbAlertStateStore store = new DynamoDbAlertStateStore(peers.dynamoDb, peers.table,
                Clock.fixed(Forecasts.AS_OF, ZoneOffset.UTC), warnings::add);

        RunAudit.Outcome o = audit(forecast(subnet("subnet-a").critical().build()), store, Forecasts.AS_OF)
                .audit(List.of(), true);

        assertThat(o.alertsSent()).containsExactly("web-prod:worsened");
        assertThat(warnings).hasSize(1);
        assertThat(store.load(new Scope.OfCluster("web-prod"))).get().extracting(AlertState::severity)
                .isEqualTo(Severity.CRITICAL);
        // and a claim from a stale load loses against the healed item
        assertThat(store.claim(Optional.empty(), new AlertState(new Scope.OfCluster("web-prod"), Severity.WARNING,
                SubnetSeverities.NONE, Forecasts.AS_OF, Forecasts.AS_OF))).isFalse();
    }
}
