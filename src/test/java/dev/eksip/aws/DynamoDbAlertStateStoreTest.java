package dev.eksip.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.testing.forecast.Forecasts;
import dev.eksip.app.alert.AlertPolicy;
import dev.eksip.app.alert.AlertState;
import dev.eksip.app.alert.SubnetSeverities;
import dev.eksip.domain.Scope;
import dev.eksip.domain.Severity;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** The item encoding: the scope's id as key, the findings as the fingerprint string items have always held. */
class DynamoDbAlertStateStoreTest {
    private static final Scope WEB_PROD = new Scope.OfCluster("web-prod");
    private static final Instant SENT = Instant.parse("2026-11-20T09:15:00Z");

    /** A table of items by {@code scope}. */
    private static final class FakeTable implements DynamoDbClient {
        final Map<String, Map<String, AttributeValue>> items = new HashMap<>();

        @Override
        public GetItemResponse getItem(GetItemRequest r) {
            return GetItemResponse.builder().item(items.get(r.key().get("scope").s())).build();
        }

        @Override
        public PutItemResponse putItem(PutItemRequest r) {
            items.put(r.item().get("scope").s(), r.item());
            return PutItemResponse.builder().build();
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {
        }
    }

    private final FakeTable table = new FakeTable();
    private final DynamoDbAlertStateStore store = new DynamoDbAlertStateStore(table, "alert-state");

    @Test
    void aStateIsStoredUnderTheScopeIdWithTheFindingsAsSortedPairs() {
        AlertState state = new AlertState(WEB_PROD, Severity.CRITICAL, SubnetSeverities.of(Map.of(
                "subnet-b", Severity.WARNING, "subnet-a", Severity.CRITICAL)), SENT, SENT.plusSeconds(900));
        store.save(state);

        Map<String, AttributeValue> item = table.items.get("cluster/web-prod");
        assertThat(item.get("fingerprint").s()).isEqualTo("subnet-a=critical,subnet-b=warning");
        assertThat(item.get("severity").s()).isEqualTo("critical");
        assertThat(store.load(WEB_PROD)).contains(state);
        assertThat(store.load(new Scope.OfCluster("batch-jobs"))).isEmpty();
    }

    @Test
    void anItemWrittenBeforeTheRefitReadsAsTheSameFindings() {
        table.items.put("cluster/web-prod", Map.of(
                "scope", AttributeValue.fromS("cluster/web-prod"),
                "severity", AttributeValue.fromS("warning"),
                "fingerprint", AttributeValue.fromS("subnet-0a1=warning,subnet-0b2=critical"),
                "lastSentAt", AttributeValue.fromS("2026-11-19T09:15:00Z"),
                "updatedAt", AttributeValue.fromS("2026-11-19T09:30:00Z"),
                "expiresAt", AttributeValue.fromN("1790000000")));

        AlertState loaded = store.load(WEB_PROD).orElseThrow();

        assertThat(loaded.subnets()).isEqualTo(SubnetSeverities.of(Map.of(
                "subnet-0a1", Severity.WARNING, "subnet-0b2", Severity.CRITICAL)));
        assertThat(loaded.lastSentAt()).isEqualTo(Instant.parse("2026-11-19T09:15:00Z"));
        assertThat(DynamoDbAlertStateStore.encode(loaded.subnets())).isEqualTo("subnet-0a1=warning,subnet-0b2=critical");
    }

    @Test
    void unchangedFindingsStoredBeforeTheRefitSendNothingWithinTheRepeatInterval() {
        table.items.put("cluster/web-prod", Map.of(
                "scope", AttributeValue.fromS("cluster/web-prod"),
                "severity", AttributeValue.fromS("critical"),
                "fingerprint", AttributeValue.fromS("subnet-a=critical,subnet-b=warning"),
                "lastSentAt", AttributeValue.fromS(SENT.toString()),
                "updatedAt", AttributeValue.fromS(SENT.toString())));
        var findings = AlertPolicy.findings(Forecasts.at(Forecasts.forecast(
                Forecasts.subnet("subnet-b").warning().build(), Forecasts.subnet("subnet-a").critical().build()),
                SENT.plusSeconds(900)), Severity.WARNING).getFirst();

        AlertPolicy.Decision d = AlertPolicy.decide(findings, store.load(findings.scope()), Duration.ofHours(24));

        assertThat(d.alert()).isEmpty();
        assertThat(d.newState()).isEmpty();
    }

    @Test
    void aRecoveredStateHasNoFindingsAndAnUnreadableEntryCountsAsAbsent() {
        assertThat(DynamoDbAlertStateStore.decode("")).isEqualTo(SubnetSeverities.NONE);
        assertThat(DynamoDbAlertStateStore.encode(SubnetSeverities.NONE)).isEmpty();
        assertThat(DynamoDbAlertStateStore.decode("subnet-a=dire,subnet-b=warning,junk"))
                .isEqualTo(SubnetSeverities.of(Map.of("subnet-b", Severity.WARNING)));
    }
}
