package dev.eksip.aws;

import static java.util.Objects.requireNonNull;

import dev.eksip.app.alert.AlertState;
import dev.eksip.app.alert.SubnetSeverities;
import dev.eksip.app.port.AlertStateStore;
import dev.eksip.domain.Scope;
import dev.eksip.domain.Severity;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Alert state in a DynamoDB table with partition key {@code scope} (S, the scope's {@link Scope#id()}, e.g.
 * {@code cluster/prod}): one item per scope, read with a consistent {@code GetItem}, written with {@code PutItem}.
 * Attributes: {@code severity} (label), {@code fingerprint}, {@code lastSentAt}, {@code updatedAt} (ISO-8601) and
 * {@code expiresAt} (epoch seconds, the table's TTL attribute), which lets state of deleted clusters disappear after
 * {@value #TTL_DAYS} days.
 * <p>
 * The {@code fingerprint} is the findings' encoding, and only this class knows it: sorted {@code subnetId=severity}
 * pairs, comma-separated ({@code subnet-a=critical,subnet-b=warning}; empty after a recovery). An entry that cannot
 * be read back is left out, so its subnet counts as newly at risk (at worst one early message).
 */
final class DynamoDbAlertStateStore implements AlertStateStore {
    static final int TTL_DAYS = 90;
    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbAlertStateStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = requireNonNull(dynamoDb, "dynamoDb");
        this.table = requireNonNull(table, "table");
    }

    @Override
    public Optional<AlertState> load(Scope scope) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Map.of("scope", AttributeValue.fromS(scope.id())))).item();
        if (item == null || item.isEmpty()) return Optional.empty();
        return Optional.of(new AlertState(scope,
                Severity.valueOf(s(item, "severity", "OK").toUpperCase(Locale.ROOT)),
                decode(s(item, "fingerprint", "")),
                Instant.parse(s(item, "lastSentAt", Instant.EPOCH.toString())),
                Instant.parse(s(item, "updatedAt", Instant.EPOCH.toString()))));
    }

    @Override
    public void save(AlertState state) {
        dynamoDb.putItem(r -> r.tableName(table).item(Map.of(
                "scope", AttributeValue.fromS(state.scope().id()),
                "severity", AttributeValue.fromS(state.severity().label()),
                "fingerprint", AttributeValue.fromS(encode(state.subnets())),
                "lastSentAt", AttributeValue.fromS(state.lastSentAt().toString()),
                "updatedAt", AttributeValue.fromS(state.updatedAt().toString()),
                "expiresAt", AttributeValue.fromN(Long.toString(
                        state.updatedAt().plus(Duration.ofDays(TTL_DAYS)).getEpochSecond())))));
    }

    static String encode(SubnetSeverities findings) {
        return findings.bySubnet().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().label()).sorted()
                .collect(Collectors.joining(","));
    }

    static SubnetSeverities decode(String fingerprint) {
        TreeMap<String, Severity> out = new TreeMap<>();
        if (fingerprint.isEmpty()) return SubnetSeverities.NONE;
        for (String pair : fingerprint.split(",")) {
            String[] p = pair.split("=", 2);
            if (p.length != 2) continue;
            try {
                out.put(p[0], Severity.valueOf(p[1].toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException unreadable) {
                // left out: the subnet then counts as newly at risk
            }
        }
        return new SubnetSeverities(out);
    }

    private static String s(Map<String, AttributeValue> item, String name, String fallback) {
        AttributeValue v = item.get(name);
        return v == null || v.s() == null ? fallback : v.s();
    }
}
