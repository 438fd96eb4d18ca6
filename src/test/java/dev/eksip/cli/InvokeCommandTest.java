package dev.eksip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

class InvokeCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        List<String> all = new ArrayList<>(List.of("invoke"));
        all.addAll(List.of(args));
        return Main.run(all, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void aMissingConfigurationVariableIsBadInputNamingIt() {
        assertThat(run(Map.of("AWS_REGION", "us-east-1"), "--event", "events/scheduled-event.json")).isEqualTo(Main.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("missing required environment variable ALERT_TOPIC_ARN");
    }

    @Test
    void anUnreadableEventFileIsBadInput() {
        assertThat(run(Map.of(), "--event", "events/no-such-event.json")).isEqualTo(Main.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--event", "no such file", "events/no-such-event.json");
    }

    @Test
    void usageIsShownForMissingArguments() {
        assertThat(run(Map.of())).isEqualTo(Main.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--event FILE is required", "usage: eks-ip-forecaster invoke");
    }
}
