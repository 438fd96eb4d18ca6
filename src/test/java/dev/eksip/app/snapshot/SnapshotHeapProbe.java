package dev.eksip.app.snapshot;

import dev.eksip.domain.Inventory;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;

/**
 * Run in a child JVM by {@link SnapshotHeapIT} (with a small {@code -Xmx}): reads the snapshot named by the first
 * argument and prints {@code nodes=N enis=N peakHeapMiB=N retainedMiB=N maxHeapMiB=N}: the peak is the sum of
 * the heap pools' peak use (garbage not yet collected included, and each pool's peak taken at its own moment: an
 * upper bound), the retained figure the heap in use after a full collection with the inventory still held.
 */
public final class SnapshotHeapProbe {
    private SnapshotHeapProbe() {
    }

    public static void main(String[] args) {
        Inventory inventory = InventoryFile.read(Path.of(args[0]));
        long enis = inventory.nodes().stream().mapToLong(n -> n.enis().size()).sum();
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans())
            if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        System.gc();
        long retained = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf("nodes=%d enis=%d peakHeapMiB=%d retainedMiB=%d maxHeapMiB=%d%n", inventory.nodes().size(),
                enis, peak >> 20, retained >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }
}
