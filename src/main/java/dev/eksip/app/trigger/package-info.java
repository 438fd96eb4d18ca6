/**
 * What the function's triggers ask for, turned into audits: the {@code CLUSTER_NAMES} filter, batch coalescing,
 * the Auto Scaling group's cluster, the account-wide fallback and per-cluster failure isolation
 * ({@code TriggerAudits}), with typed requests and outcomes that {@code lambda} parses into and serialises from.
 * Imports {@code app} ({@code RunAudit}) and {@code app.port}.
 */
package dev.eksip.app.trigger;
