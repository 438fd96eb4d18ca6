package dev.eksip.aws;

import static java.util.Objects.requireNonNull;

import dev.eksip.app.AlertState;
import dev.eksip.app.AlertStateStore;
import dev.eksip.domain.Severity;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Alert state in a DynamoDB table with partition key {@code scope} (S): one item per cluster scope, read with a
 * consistent {@code GetItem}, written with {@code PutItem}. {@code expiresAt} (epoch seconds, the table's TTL
 * attribute) lets state of deleted clusters disappear after {@value #TTL_DAYS} days.
 */
public final class DynamoDbAlertStateStore implements AlertStateStore {
    static final int TTL_DAYS = 90;
    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbAlertStateStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = requireNonNull(dynamoDb, "dynamoDb");
        this.table = requireNonNull(table, "table");
    }

    @Override
    public Optional<AlertState> load(String scope) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Map.of("scope", AttributeValue.fromS(scope)))).item();
        if (item == null || item.isEmpty()) return Optional.empty();
        return Optional.of(new AlertState(scope,
                Severity.valueOf(s(item, "severity", "OK").toUpperCase(Locale.ROOT)),
                s(item, "fingerprint", ""),
                Instant.parse(s(item, "lastSentAt", Instant.EPOCH.toString())),
                Instant.parse(s(item, "updatedAt", Instant.EPOCH.toString()))));
    }

    @Override
    public void save(AlertState state) {
        dynamoDb.putItem(r -> r.tableName(table).item(Map.of(
                "scope", AttributeValue.fromS(state.scope()),
                "severity", AttributeValue.fromS(state.severity().label()),
                "fingerprint", AttributeValue.fromS(state.fingerprint()),
                "lastSentAt", AttributeValue.fromS(state.lastSentAt().toString()),
                "updatedAt", AttributeValue.fromS(state.updatedAt().toString()),
                "expiresAt", AttributeValue.fromN(Long.toString(
                        state.updatedAt().plus(Duration.ofDays(TTL_DAYS)).getEpochSecond())))));
    }

    private static String s(Map<String, AttributeValue> item, String name, String fallback) {
        AttributeValue v = item.get(name);
        return v == null || v.s() == null ? fallback : v.s();
    }
}
