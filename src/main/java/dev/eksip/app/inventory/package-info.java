/**
 * The pure inventory assembler: turns the SDK-free facts the {@code aws} readers return (clusters, node groups,
 * Auto Scaling groups, instances, subnets, ENIs) into the domain {@link dev.eksip.domain.Inventory}. It attributes
 * nodes to clusters and node groups by their tags, ENIs to nodes, infers custom-networking pod subnets, resolves
 * CNI settings precedence and fills instance types the APIs left open. No I/O, no clock, no SDK: it imports
 * {@code domain} and {@code simulation} only.
 */
package dev.eksip.app.inventory;
