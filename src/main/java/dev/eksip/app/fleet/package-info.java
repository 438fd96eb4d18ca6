/**
 * Organization-wide audits: which account × region targets to audit ({@code AuditTarget}, {@code TargetSelection}
 * over the {@code AccountDirectory} port), auditing them concurrently with one target's failure isolated from the
 * others ({@code FleetAudit} → {@code TargetResult}), what a target's metrics and alerts carry so that targets never
 * share a series or a de-duplication key ({@code TargetTagging}), and which targets went unaudited
 * ({@code StaleTargets}). Pure: imports {@code domain}, {@code app} and {@code app.port}.
 */
package dev.eksip.app.fleet;
