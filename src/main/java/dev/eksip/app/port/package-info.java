/**
 * Ports: what the use cases need from the outside world (inventory, metrics, alerts, alert state, the cluster of
 * an Auto Scaling group), implemented by {@code aws} and by the tests' in-memory ports. Imports {@code domain} and
 * the alert types of {@code app.alert}; nothing SDK-shaped.
 */
package dev.eksip.app.port;
