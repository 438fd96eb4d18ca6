package dev.eksip.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.testing.forecast.Forecasts;
import dev.eksip.app.alert.AlertPolicy;
import dev.eksip.app.alert.AlertState;
import dev.eksip.app.alert.SubnetSeverities;
import dev.eksip.domain.Scope;
import dev.eksip.domain.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** The item encoding: the scope's id as key, the findings as the fingerprint string items have always held. */
class DynamoDbAlertStateStoreTest {
    private static final Scope WEB_PROD = new Scope.OfCluster("web-prod");
    private static final Instant SENT = Instant.parse("2026-11-20T09:15:00Z");

    /**
     * A table of items by {@code scope}, evaluating the conjunctions of {@code attribute_exists(#n)},
     * {@code attribute_not_exists(#n)} and {@code #n = :v} the store writes (the real semantics: SnsAlertSinkIT).
     */
    private static final class FakeTable implements DynamoDbClient {
        final Map<String, Map<String, AttributeValue>> items = new HashMap<>();
        int writes;

        @Override
        public GetItemResponse getItem(GetItemRequest r) {
            return GetItemResponse.builder().item(items.get(r.key().get("scope").s())).build();
        }

        @Override
        public PutItemResponse putItem(PutItemRequest r) {
            String scope = r.item().get("scope").s();
            check(items.get(scope), r.conditionExpression(), r.expressionAttributeNames(), r.expressionAttributeValues());
            items.put(scope, r.item());
            writes++;
            return PutItemResponse.builder().build();
        }

        @Override
        public DeleteItemResponse deleteItem(DeleteItemRequest r) {
            String scope = r.key().get("scope").s();
            check(items.get(scope), r.conditionExpression(), r.expressionAttributeNames(), r.expressionAttributeValues());
            items.remove(scope);
            writes++;
            return DeleteItemResponse.builder().build();
        }

        private static void check(Map<String, AttributeValue> item, String expression, Map<String, String> names,
                                  Map<String, AttributeValue> values) {
            if (expression == null) return;
            Map<String, AttributeValue> it = item == null ? Map.of() : item;
            for (String term : expression.split(" AND ")) {
                java.util.regex.Matcher m;
                boolean holds;
                if ((m = java.util.regex.Pattern.compile("attribute_exists\\((#\\w+)\\)").matcher(term)).matches())
                    holds = it.containsKey(names.get(m.group(1)));
                else if ((m = java.util.regex.Pattern.compile("attribute_not_exists\\((#\\w+)\\)").matcher(term)).matches())
                    holds = !it.containsKey(names.get(m.group(1)));
                else if ((m = java.util.regex.Pattern.compile("(#\\w+) = (:\\w+)").matcher(term)).matches())
                    holds = values.get(m.group(2)).equals(it.get(names.get(m.group(1))));
                else throw new IllegalArgumentException("unsupported condition " + term);
                if (!holds) throw ConditionalCheckFailedException.builder().message("The conditional request failed").build();
            }
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
    private final List<String> warnings = new ArrayList<>();
    private final DynamoDbAlertStateStore store = new DynamoDbAlertStateStore(table, "alert-state",
            Clock.fixed(SENT.plusSeconds(900), ZoneOffset.UTC), warnings::add);

    private static Map<String, AttributeValue> item(String severity, String fingerprint, String lastSentAt,
                                                    String updatedAt) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("scope", AttributeValue.fromS("cluster/web-prod"));
        if (severity != null) item.put("severity", AttributeValue.fromS(severity));
        if (fingerprint != null) item.put("fingerprint", AttributeValue.fromS(fingerprint));
        if (lastSentAt != null) item.put("lastSentAt", AttributeValue.fromS(lastSentAt));
        if (updatedAt != null) item.put("updatedAt", AttributeValue.fromS(updatedAt));
        return item;
    }

    private static final AlertState CRITICAL_NOW = new AlertState(WEB_PROD, Severity.CRITICAL,
            SubnetSeverities.of(Map.of("subnet-a", Severity.CRITICAL)), SENT.plusSeconds(900), SENT.plusSeconds(900));

    static Stream<Arguments> corruptItems() {
        String t = SENT.toString();
        return Stream.of(
                Arguments.of("unknown severity", item("dire", "subnet-a=critical", t, t), "unknown severity 'dire'"),
                Arguments.of("unparsable lastSentAt", item("critical", "subnet-a=critical", "yesterday", t),
                        "lastSentAt 'yesterday' is not an ISO-8601 instant"),
                Arguments.of("far-future lastSentAt", item("critical", "subnet-a=critical", "9999-01-01T00:00:00Z", t),
                        "lastSentAt 9999-01-01T00:00:00Z is after updatedAt"),
                Arguments.of("far-future updatedAt", item("critical", "subnet-a=critical", t, "9999-01-01T00:00:00Z"),
                        "updatedAt 9999-01-01T00:00:00Z is in the future"),
                Arguments.of("missing severity", item(null, "subnet-a=critical", t, t), "attribute severity is missing"),
                Arguments.of("missing fingerprint", item("critical", null, t, t), "attribute fingerprint is missing"),
                Arguments.of("missing lastSentAt", item("critical", "subnet-a=critical", null, t),
                        "attribute lastSentAt is missing"),
                Arguments.of("a number where a string belongs", Map.of("scope", AttributeValue.fromS("cluster/web-prod"),
                        "severity", AttributeValue.fromN("2"), "fingerprint", AttributeValue.fromS(""),
                        "lastSentAt", AttributeValue.fromS(t), "updatedAt", AttributeValue.fromS(t)),
                        "attribute severity is missing or not a string"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corruptItems")
    void aCorruptItemLoadsAsNoStateWarnsOnceAndIsHealedByTheNextClaim(String what, Map<String, AttributeValue> corrupt,
                                                                       String reason) {
        table.items.put("cluster/web-prod", corrupt);

        assertThat(store.load(WEB_PROD)).isEmpty();
        assertThat(store.load(WEB_PROD)).isEmpty();
        assertThat(warnings).singleElement().asString().contains("\"event\":\"alert-state-unreadable\"")
                .contains("\"scope\":\"cluster/web-prod\"").contains(reason);

        assertThat(store.claim(java.util.Optional.empty(), CRITICAL_NOW)).isTrue();
        assertThat(store.load(WEB_PROD)).contains(CRITICAL_NOW);
        assertThat(warnings).hasSize(1);
    }

    @Test
    void aClaimFailsWhenAnotherRunChangedTheStateSinceItWasLoaded() {
        AlertState first = new AlertState(WEB_PROD, Severity.WARNING, SubnetSeverities.of(Map.of("subnet-a",
                Severity.WARNING)), SENT, SENT);
        assertThat(store.claim(java.util.Optional.empty(), first)).isTrue();
        assertThat(store.claim(java.util.Optional.empty(), CRITICAL_NOW)).isFalse();   // loaded before `first`
        AlertState loaded = store.load(WEB_PROD).orElseThrow();
        assertThat(store.claim(java.util.Optional.of(loaded), CRITICAL_NOW)).isTrue();
        assertThat(store.claim(java.util.Optional.of(loaded), CRITICAL_NOW)).isFalse();  // a second run, same load
        assertThat(store.load(WEB_PROD)).contains(CRITICAL_NOW);
    }

    @Test
    void aReleaseRestoresThePreviousStateOnlyIfTheClaimIsStillThere() {
        store.save(CRITICAL_NOW);
        AlertState reminded = new AlertState(WEB_PROD, Severity.CRITICAL, CRITICAL_NOW.subnets(),
                SENT.plusSeconds(1800), SENT.plusSeconds(1800));
        assertThat(store.claim(java.util.Optional.of(CRITICAL_NOW), reminded)).isTrue();
        assertThat(store.release(reminded, java.util.Optional.of(CRITICAL_NOW))).isTrue();
        assertThat(store.load(WEB_PROD)).contains(CRITICAL_NOW);
        assertThat(store.release(reminded, java.util.Optional.of(CRITICAL_NOW))).isFalse();   // not ours any more
        assertThat(store.release(CRITICAL_NOW, java.util.Optional.empty())).isTrue();         // deleted
        assertThat(table.items).isEmpty();
    }

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
