/**
 * The domain: immutable records of what was read (inventory: subnets, clusters, node groups, nodes, ENIs, CNI
 * settings, instance limits, gaps) and of what the forecast concluded (subnet, zone and cluster forecasts), plus the
 * closed value types that cross packages (Scope, the enums in their AWS spelling, NodeGroupRef, SubnetTake).
 * Imports nothing of the project and no library.
 */
package dev.eksip.domain;
