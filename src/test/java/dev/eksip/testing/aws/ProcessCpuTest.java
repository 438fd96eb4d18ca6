package dev.eksip.testing.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessCpuTest {
    @Test
    void utimePlusStimeAreFields14And15CountedAfterTheCommandNameEvenWithSpacesAndParentheses() {
        String line = "4242 (moto (server) x) S 1 4242 4242 0 -1 4194304 9000 0 12 0 1234 567 0 0 20 0 9 0 100 "
                + "500000000 20000 18446744073709551615 1 1 0 0 0 0 0 16781312 2 0 0 0 17 1 0 0 0 0 0";
        assertThat(ProcessCpu.ticks(line)).isEqualTo(1234 + 567);
    }

    @Test
    void thisJvmHasUsedSomeCpuAndTheCountOnlyGrows() {
        double before = ProcessCpu.seconds(ProcessHandle.current());
        long sum = 0;
        for (long deadline = System.nanoTime() + 300_000_000L; System.nanoTime() < deadline; ) sum += sum * 31 + 7;
        double after = ProcessCpu.seconds(ProcessHandle.current());
        assertThat(before).isPositive();
        assertThat(after).as("after spinning ~0.3 s (%d)", sum).isGreaterThan(before);
    }
}
