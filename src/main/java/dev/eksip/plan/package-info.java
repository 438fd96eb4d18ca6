/**
 * The subnet calculator ({@code plan}): a scenario, the planner over the ipamd node model, and the EKS Best Practices
 * spreadsheet reproduced to the unit (subnet-calc-model.md). Imports {@code domain} and {@code simulation}.
 */
package dev.eksip.plan;
