package dev.eksip.aws;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eksip.app.alert.AlertState;
import dev.eksip.app.alert.SubnetSeverities;
import dev.eksip.app.port.AlertStateStore;
import dev.eksip.domain.Scope;
import dev.eksip.domain.Severity;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Alert state in a DynamoDB table with partition key {@code scope} (S, the scope's {@link Scope#id()}, e.g.
 * {@code cluster/prod}): one item per scope, read with a consistent {@code GetItem}. Attributes: {@code severity}
 * (label), {@code fingerprint}, {@code lastSentAt}, {@code updatedAt} (ISO-8601) and {@code expiresAt} (epoch
 * seconds, the table's TTL attribute), which lets state of deleted clusters disappear after {@value #TTL_DAYS}
 * days.
 * <p>
 * The {@code fingerprint} is the findings' encoding, and only this class knows it: sorted {@code subnetId=severity}
 * pairs, comma-separated ({@code subnet-a=critical,subnet-b=warning}; empty after a recovery). An entry that cannot
 * be read back is left out, so its subnet counts as newly at risk (at worst one early message).
 * <p>
 * <b>Claims</b> are {@code PutItem}s with a {@code ConditionExpression} that the item still holds the four
 * attributes of the state loaded ({@code attribute_not_exists(scope)} when none was): DynamoDB evaluates it
 * atomically with the write, so of two runs that loaded the same item one wins and the other gets
 * {@code ConditionalCheckFailedException} ({@code false}). Every write stamps {@code updatedAt} with its run's time,
 * so an item that equals the one loaded in all four attributes was not rewritten by another run in between.
 * A release restores the previous item (or deletes it, {@code DeleteItem}) under the same kind of condition.
 * <p>
 * <b>Unreadable items</b> (unknown severity, missing attribute, unparsable time, {@code lastSentAt} after
 * {@code updatedAt}, either more than a day in the future) load as no state, with one warning line per scope on
 * the log; claiming "no state" then overwrites exactly that item (conditioned on its attributes as read), which
 * heals it.
 */
final class DynamoDbAlertStateStore implements AlertStateStore {
    static final int TTL_DAYS = 90;
    private static final Duration CLOCK_SKEW = Duration.ofDays(1);
    private static final List<String> STATE_ATTRIBUTES = List.of("severity", "fingerprint", "lastSentAt", "updatedAt");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;
    private final Consumer<String> warnings;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    private final String keyPrefix;

    public DynamoDbAlertStateStore(DynamoDbClient dynamoDb, String table) {
        this(dynamoDb, table, Clock.systemUTC(), System.err::println);
    }

    /** @param warnings where the one line per unreadable item goes (stderr, i.e. the function's log) */
    DynamoDbAlertStateStore(DynamoDbClient dynamoDb, String table, Clock clock, Consumer<String> warnings) {
        this(dynamoDb, table, clock, warnings, "");
    }

    private DynamoDbAlertStateStore(DynamoDbClient dynamoDb, String table, Clock clock, Consumer<String> warnings,
                                    String keyPrefix) {
        this.dynamoDb = requireNonNull(dynamoDb, "dynamoDb");
        this.table = requireNonNull(table, "table");
        this.clock = requireNonNull(clock, "clock");
        this.warnings = requireNonNull(warnings, "warnings");
        this.keyPrefix = requireNonNull(keyPrefix, "keyPrefix");
    }

    /**
     * The same table for one organization-wide target: every key is prefixed with {@code 111122223333/eu-west-1|},
     * so two accounts' clusters of the same name never share a de-duplication state (organization-wide audits).
     */
    public DynamoDbAlertStateStore forTarget(String targetKey) {
        return new DynamoDbAlertStateStore(dynamoDb, table, clock, warnings, targetKey + "|");
    }

    private String keyOf(Scope scope) {
        return keyPrefix + scope.id();
    }

    @Override
    public Optional<AlertState> load(Scope scope) {
        Map<String, AttributeValue> item = read(keyOf(scope));
        if (item.isEmpty()) return Optional.empty();
        try {
            return Optional.of(parse(scope, item));
        } catch (Unreadable e) {
            if (warned.add(scope.id())) warn(scope, e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public boolean claim(Optional<AlertState> previous, AlertState next) {
        Map<String, AttributeValue> item = item(next);
        if (previous.isPresent()) return putIf(item, attributesOf(item(previous.get())));
        if (putIf(item, Condition.absent())) return true;
        // an item exists: if it is unreadable it counts as no state, and is replaced if it is still what we read
        Map<String, AttributeValue> found = read(keyOf(next.scope()));
        if (found.isEmpty()) return putIf(item, Condition.absent());
        try {
            parse(next.scope(), found);
            return false;   // a readable state: another run claimed the scope meanwhile
        } catch (Unreadable stillUnreadable) {
            return putIf(item, attributesOf(found));
        }
    }

    @Override
    public boolean release(AlertState claimed, Optional<AlertState> previous) {
        Condition stillClaimed = attributesOf(item(claimed));
        try {
            if (previous.isPresent()) {
                dynamoDb.putItem(r -> r.tableName(table).item(item(previous.get()))
                        .conditionExpression(stillClaimed.expression()).expressionAttributeNames(stillClaimed.names())
                        .expressionAttributeValues(stillClaimed.values()));
            } else {
                dynamoDb.deleteItem(r -> r.tableName(table).key(key(keyOf(claimed.scope())))
                        .conditionExpression(stillClaimed.expression()).expressionAttributeNames(stillClaimed.names())
                        .expressionAttributeValues(stillClaimed.values()));
            }
            return true;
        } catch (ConditionalCheckFailedException changedMeanwhile) {
            return false;
        }
    }

    @Override
    public void save(AlertState state) {
        dynamoDb.putItem(r -> r.tableName(table).item(item(state)));
    }

    private Map<String, AttributeValue> read(String scopeId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table).consistentRead(true)
                .key(key(scopeId))).item();
        return item == null ? Map.of() : item;
    }

    private boolean putIf(Map<String, AttributeValue> item, Condition condition) {
        try {
            dynamoDb.putItem(r -> r.tableName(table).item(item).conditionExpression(condition.expression())
                    .expressionAttributeNames(condition.names())
                    .expressionAttributeValues(condition.values().isEmpty() ? null : condition.values()));
            return true;
        } catch (ConditionalCheckFailedException changedMeanwhile) {
            return false;
        }
    }

    private static Map<String, AttributeValue> key(String scopeId) {
        return Map.of("scope", AttributeValue.fromS(scopeId));
    }

    private Map<String, AttributeValue> item(AlertState state) {
        return Map.of(
                "scope", AttributeValue.fromS(keyOf(state.scope())),
                "severity", AttributeValue.fromS(state.severity().label()),
                "fingerprint", AttributeValue.fromS(encode(state.subnets())),
                "lastSentAt", AttributeValue.fromS(state.lastSentAt().toString()),
                "updatedAt", AttributeValue.fromS(state.updatedAt().toString()),
                "expiresAt", AttributeValue.fromN(Long.toString(
                        state.updatedAt().plus(Duration.ofDays(TTL_DAYS)).getEpochSecond())));
    }

    /** The condition "the item holds exactly these state attributes (absent where absent)". */
    private static Condition attributesOf(Map<String, AttributeValue> item) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        names.put("#scope", "scope");
        StringBuilder expression = new StringBuilder("attribute_exists(#scope)");
        for (int i = 0; i < STATE_ATTRIBUTES.size(); i++) {
            String attribute = STATE_ATTRIBUTES.get(i);
            names.put("#a" + i, attribute);
            AttributeValue v = item.get(attribute);
            if (v == null) {
                expression.append(" AND attribute_not_exists(#a").append(i).append(')');
            } else {
                expression.append(" AND #a").append(i).append(" = :v").append(i);
                values.put(":v" + i, v);
            }
        }
        return new Condition(expression.toString(), names, values);
    }

    private record Condition(String expression, Map<String, String> names, Map<String, AttributeValue> values) {
        static Condition absent() {
            return new Condition("attribute_not_exists(#scope)", Map.of("#scope", "scope"), Map.of());
        }
    }

    private AlertState parse(Scope scope, Map<String, AttributeValue> item) {
        String severityLabel = required(item, "severity");
        Severity severity;
        try {
            severity = Severity.valueOf(severityLabel.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Unreadable("unknown severity '%s'".formatted(severityLabel));
        }
        SubnetSeverities subnets = decode(required(item, "fingerprint"));
        Instant lastSentAt = instant(item, "lastSentAt");
        Instant updatedAt = instant(item, "updatedAt");
        Instant latest = clock.instant().plus(CLOCK_SKEW);
        if (lastSentAt.isAfter(updatedAt))
            throw new Unreadable("lastSentAt %s is after updatedAt %s".formatted(lastSentAt, updatedAt));
        if (updatedAt.isAfter(latest)) throw new Unreadable("updatedAt %s is in the future".formatted(updatedAt));
        return new AlertState(scope, severity, subnets, lastSentAt, updatedAt);
    }

    private static String required(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        if (v == null || v.s() == null) throw new Unreadable("attribute %s is missing or not a string".formatted(name));
        return v.s();
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        String text = required(item, name);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new Unreadable("%s '%s' is not an ISO-8601 instant".formatted(name, text));
        }
    }

    private void warn(Scope scope, String why) {
        Map<String, String> line = new LinkedHashMap<>();
        line.put("level", "WARN");
        line.put("event", "alert-state-unreadable");
        line.put("table", table);
        line.put("scope", scope.id());
        line.put("reason", why);
        line.put("action", "treated as no state; replaced at the next state change");
        try {
            warnings.accept(JSON.writeValueAsString(line));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            warnings.accept("WARN alert-state-unreadable " + scope.id());
        }
    }

    /** An item this class cannot read back as a state. */
    private static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message, null, false, false);
        }
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
}
