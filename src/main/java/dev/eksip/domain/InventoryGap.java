package dev.eksip.domain;

import static java.util.Objects.requireNonNull;

/**
 * Something the inventory could not read. Reported in the audit and counted in {@code AuditErrors}; everything
 * else is still audited.
 *
 * @param scope     what is affected, e.g. {@code cluster/prod} or {@code instance-type/x9.large}
 * @param operation the AWS call that failed, e.g. {@code eks:DescribeNodegroup} ("" when not a call)
 * @param errorCode the AWS error code, e.g. {@code AccessDeniedException} ("" when not a call)
 * @param message   a sentence for the report
 */
public record InventoryGap(Scope scope, String operation, String errorCode, String message) {
    public InventoryGap {
        requireNonNull(scope, "scope");
        requireNonNull(operation, "operation");
        requireNonNull(errorCode, "errorCode");
        requireNonNull(message, "message");
    }
}
