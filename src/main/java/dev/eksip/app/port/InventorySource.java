package dev.eksip.app.port;

import dev.eksip.domain.Inventory;

import java.util.List;

/** Port: where the account's state comes from (live AWS, a snapshot file, the embedded sample). */
public interface InventorySource {
    /**
     * @param clusters cluster names to read; empty = every cluster in the region
     */
    Inventory load(List<String> clusters);
}
