/**
 * The assessment of a forecast: what the simulation's figures mean. Severity rules, the reason and fix sentences,
 * the cluster notes, and the zone and cluster roll-ups that make the domain {@link dev.eksip.domain.Forecast}.
 * Policy and language live here, never in {@code simulation}. Imports {@code domain} and {@code simulation} only.
 */
package dev.eksip.app.assess;
