package dev.eksip.aws;

import static java.util.Objects.requireNonNull;

import dev.eksip.app.fleet.AuditLedger;
import dev.eksip.app.fleet.AuditTarget;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * When each target was last audited, in the alert state table (partition key {@code scope}): one item per target,
 * {@code scope = "audited/111122223333/eu-west-1"}, {@code auditedAt} (epoch seconds) and {@code expiresAt} (TTL,
 * {@value #TTL_DAYS} days). Read with {@code BatchGetItem}, 100 keys a call, unprocessed keys asked again.
 */
public final class DynamoDbAuditLedger implements AuditLedger {
    static final int TTL_DAYS = 30;
    static final String PREFIX = "audited/";
    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbAuditLedger(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = requireNonNull(dynamoDb, "dynamoDb");
        this.table = requireNonNull(table, "table");
    }

    @Override
    public Map<AuditTarget, Instant> lastAudited(List<AuditTarget> targets) {
        Map<AuditTarget, Instant> out = new HashMap<>();
        for (List<AuditTarget> batch : FilterBatches.of(targets, 100)) {   // BatchGetItem: 100 keys a call
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            for (AuditTarget t : batch) keys.add(Map.of("scope", AttributeValue.fromS(PREFIX + t.key())));
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys)
                    .consistentRead(true).build());
            for (int round = 0; !request.isEmpty() && round < 10; round++) {
                Map<String, KeysAndAttributes> asked = request;
                BatchGetItemResponse response = dynamoDb.batchGetItem(r -> r.requestItems(asked));
                for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
                    String key = item.get("scope").s().substring(PREFIX.length());
                    AttributeValue at = item.get("auditedAt");
                    if (at != null && at.n() != null)
                        out.put(AuditTarget.parse(key), Instant.ofEpochSecond(Long.parseLong(at.n())));
                }
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return out;
    }

    @Override
    public void audited(AuditTarget target, Instant at) {
        dynamoDb.putItem(r -> r.tableName(table).item(Map.of(
                "scope", AttributeValue.fromS(PREFIX + target.key()),
                "auditedAt", AttributeValue.fromN(Long.toString(at.getEpochSecond())),
                "expiresAt", AttributeValue.fromN(Long.toString(at.plus(Duration.ofDays(TTL_DAYS)).getEpochSecond())))));
    }
}
