package dev.eksip.testing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The memory figures a heap probe prints, taken while the measured result is still referenced: the heap pools' peak
 * use (an upper bound: garbage not yet collected included, each pool's peak at its own moment), the heap retained
 * after a full collection, the process's peak resident set ({@code VmHWM} of {@code /proc/self/status}; -1 where
 * there is none) and the maximum heap.
 */
public record HeapFigures(long peakHeapMiB, long retainedMiB, long peakRssMiB, long maxHeapMiB) {
    public static HeapFigures now() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans())
            if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        System.gc();
        long retained = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return new HeapFigures(peak >> 20, retained >> 20, peakRssKiB() >> 10, Runtime.getRuntime().maxMemory() >> 20);
    }

    private static long peakRssKiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status")))
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("\\D", ""));
        } catch (IOException | RuntimeException e) {
            return -1 << 10;
        }
        return -1 << 10;
    }

    @Override
    public String toString() {
        return "peakHeapMiB=%d retainedMiB=%d peakRssMiB=%d maxHeapMiB=%d".formatted(peakHeapMiB, retainedMiB,
                peakRssMiB, maxHeapMiB);
    }
}
