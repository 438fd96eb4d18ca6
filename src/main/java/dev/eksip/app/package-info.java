/**
 * The use cases: {@link dev.eksip.app.RunForecast} (read the account, forecast, assess) and
 * {@link dev.eksip.app.RunAudit} (forecast, publish metrics, decide and send alerts), the metric mapping and the
 * inventory filter. Sub-packages hold the ports, the inventory assembler, the assessment, alerts, the report, the
 * snapshot file and the triggers. Imports {@code domain}, {@code simulation} and its own sub-packages.
 */
package dev.eksip.app;
