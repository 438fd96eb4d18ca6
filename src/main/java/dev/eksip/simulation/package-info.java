/**
 * The pure simulation: ipamd per node (NodeModel, vpc-cni-model.md), max pods, the instance catalog, /28 address
 * space, and the forecast in phases (observed holdings, warm estimate, growth to desired and max with zone balancing
 * and destinations, subnet space) yielding figures, never prose. Imports {@code domain} only; reads no clock,
 * environment or randomness.
 */
package dev.eksip.simulation;
