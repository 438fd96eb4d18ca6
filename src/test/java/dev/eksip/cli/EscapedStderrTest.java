package dev.eksip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.domain.InventoryGap;
import dev.eksip.domain.Scope;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Issue 8 item 13, the CLI's stderr: progress lines and {@code inventory export}'s {@code gap:} lines carry names
 * and messages from AWS; each stays one visible line.
 */
class EscapedStderrTest {
    @Test
    void aProgressLineEscapesWhatAwsNamed() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress progress = new Progress();
        progress.requested = true;

        progress.to(new PrintStream(bytes, true, StandardCharsets.UTF_8))
                .accept("reading node groups of asg\n\u001B[1mDONE\u202E");

        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .isEqualTo("… reading node groups of asg\\u000A\\u001B[1mDONE\\u202E" + System.lineSeparator());
    }

    @Test
    void aGapLineIsOneVisibleLine() {
        InventoryGap gap = new InventoryGap(Scope.nodeGroup("prod", "asg\ngap: fake"),
                "autoscaling:DescribeAutoScalingGroups", "Throttling\t", "group asg\ngap: fake\u001B[0m was not read");

        assertThat(InventoryCommand.gapLine(gap)).isEqualTo("gap: nodegroup/prod/asg\\u000Agap: fake "
                + "autoscaling:DescribeAutoScalingGroups Throttling\\u0009: group asg\\u000Agap: fake\\u001B[0m was not read");
    }
}
