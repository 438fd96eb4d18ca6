package dev.eksip.app.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Issue 10 item 2: 1,000, 10,000 and 100,000 nodes audit within the function's heap ({@value #FUNCTION_HEAP}: 85% of
 * the template's {@code MemorySize: 1024}, serial GC, as the java21 runtime starts it), from a snapshot
 * ({@link LargeSnapshot}: 40 /16 subnets, m5.large nodes with 2 ENIs of 10 addresses) and live
 * ({@code LiveHeapProbe}: the inventory through the real readers, with a stand-in EC2 that generates the
 * DescribeInstances and DescribeNetworkInterfaces pages); each child JVM prints its peak heap and peak RSS.
 *
 * <p>Issue 8 item 12: a 110 MB snapshot reads in a 512 MB heap. The reader streams (no copy of the text, no JSON tree):
 * a child JVM with {@code -Xmx512m} reads a generated ~110 MB file ({@link LargeSnapshot}) and reports its peak heap
 * ({@link SnapshotHeapProbe}).
 */
class SnapshotHeapIT {
    static final String FUNCTION_HEAP = "-Xmx870m";
    static final int SUBNETS = 40;

    @ParameterizedTest
    @ValueSource(ints = {1_000, 10_000, 100_000})
    void nodesAuditFromASnapshotAndLiveWithinTheFunctionsHeap(int nodes, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("nodes.json");
        LargeSnapshot.write(file, SUBNETS, nodes / SUBNETS, 2, 10, "m5.large");
        String fromFile = child("dev.eksip.app.snapshot.SnapshotHeapProbe", file.toString(), "audit");
        String live = child("dev.eksip.aws.LiveHeapProbe", String.valueOf(SUBNETS), String.valueOf(nodes / SUBNETS));

        System.out.printf("SnapshotHeapIT %,d nodes (%s, SerialGC): snapshot of %d MB: %s         live: %s", nodes,
                FUNCTION_HEAP, Files.size(file) >> 20, fromFile, live);
        assertThat(fromFile).contains("nodes=%d enis=%d".formatted(nodes, 2 * nodes));
        assertThat(live).contains("nodes=%d enis=%d".formatted(nodes, 2 * nodes));
    }

    private static String child(String mainClass, String... args) throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(javaBin, FUNCTION_HEAP,
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(600, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        return output.lines().filter(l -> l.startsWith("nodes=")).findFirst().orElse(output) + "\n";
    }

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
