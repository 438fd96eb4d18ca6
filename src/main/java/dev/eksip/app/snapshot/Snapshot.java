package dev.eksip.app.snapshot;

import static java.util.Objects.requireNonNull;

import dev.eksip.domain.Inventory;

import java.util.List;

/** A snapshot file's whole content: the inventory and its optional recorded history (empty when absent). */
public record Snapshot(Inventory inventory, List<SubnetSeries> history) {
    public Snapshot {
        requireNonNull(inventory, "inventory");
        history = List.copyOf(history);
    }
}
