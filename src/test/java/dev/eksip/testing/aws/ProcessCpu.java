package dev.eksip.testing.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU seconds (user + system) a process and its live descendants have used so far, from Linux
 * {@code /proc/<pid>/stat} (fields 14 {@code utime} and 15 {@code stime}, in clock ticks of 1/100 s — {@code
 * USER_HZ}, see proc(5)). The benchmarks take it before and after a read, to say how much of the wall time the
 * emulator itself was busy: moto is one Python process, so its CPU seconds are a floor no client concurrency beats.
 */
public final class ProcessCpu {
    /** {@code USER_HZ}: 100 on every Linux architecture this runs on ({@code getconf CLK_TCK}). */
    static final double TICKS_PER_SECOND = 100.0;

    private ProcessCpu() {
    }

    /** CPU seconds of {@code process} and its descendants; fails on a system without {@code /proc}. */
    public static double seconds(ProcessHandle process) {
        return Stream.concat(Stream.of(process), process.descendants()).mapToDouble(ProcessCpu::own).sum();
    }

    private static double own(ProcessHandle process) {
        Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
        try {
            return ticks(Files.readString(stat)) / TICKS_PER_SECOND;
        } catch (IOException e) {
            if (!process.isAlive()) return 0;   // exited between listing and reading
            throw new UncheckedIOException("cannot read " + stat + " (Linux /proc needed)", e);
        }
    }

    /** utime + stime of one {@code /proc/<pid>/stat} line: fields 14 and 15, counted after the {@code (comm)}. */
    static long ticks(String statLine) {
        String[] after = statLine.substring(statLine.lastIndexOf(')') + 2).trim().split(" ");
        return Long.parseLong(after[11]) + Long.parseLong(after[12]);   // field 3 is after[0]
    }
}
