/**
 * The inventory snapshot file ({@code formatVersion 1}, docs/inventory-format.md): {@link
 * dev.eksip.app.snapshot.InventoryFile} reads and writes it, {@link dev.eksip.app.snapshot.SnapshotV1} records are
 * the format, {@link dev.eksip.app.snapshot.SnapshotMapper} maps them from and to the domain's {@code Inventory}.
 * Imports {@code dev.eksip.domain} and Jackson only.
 */
package dev.eksip.app.snapshot;
