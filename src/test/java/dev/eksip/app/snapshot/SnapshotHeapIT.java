package dev.eksip.app.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.concurrent.TimeUnit;

/**
 * Issue 8 item 12: a 110 MB snapshot reads in a 512 MB heap. The reader streams (no copy of the text, no JSON tree):
 * a child JVM with {@code -Xmx512m} reads a generated ~110 MB file ({@link LargeSnapshot}) and reports its peak heap
 * ({@link SnapshotHeapProbe}).
 */
class SnapshotHeapIT {
    @Test
    void aHundredAndTenMegabyteSnapshotReadsInA512MegabyteHeap(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("big.json");
        LargeSnapshot.write(file, 84, 250);
        long size = Files.size(file);
        assertThat(size).isGreaterThan(110_000_000L);

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                SnapshotHeapProbe.class.getName(), file.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();

        System.out.printf("SnapshotHeapIT: %d bytes read with -Xmx512m: %s", size, output);
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("nodes=21000 enis=168000");
    }

}
