/**
 * The pure inventory assembler: turns the SDK-free facts the {@code aws} readers return (clusters, node groups,
 * Auto Scaling groups, instances, subnets, ENIs) into the domain {@link dev.eksip.domain.Inventory}. It attributes
 * nodes to clusters and node groups by their tags, ENIs to nodes, infers custom-networking pod subnets, resolves
 * CNI settings precedence, fills instance types the APIs left open and reads max pods from launch-template user data
 * ({@link dev.eksip.app.inventory.UserDataMaxPods}). No I/O, no clock, no SDK: it imports {@code domain} and
 * {@code simulation} only, and Jackson to parse YAML.
 */
package dev.eksip.app.inventory;
