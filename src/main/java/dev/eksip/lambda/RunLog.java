package dev.eksip.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One JSON object per line on stdout, which Lambda ships to CloudWatch Logs as-is (the function uses the Text log
 * format so these lines are not wrapped again); Logs Insights discovers their fields. Never logs whole events.
 * Every line names the release ({@code "version"}: the jar manifest's {@code Implementation-Version}).
 */
final class RunLog {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The jar's {@code Implementation-Version}; {@code "unknown"} when run from classes outside the jar. */
    static final String VERSION = java.util.Objects.requireNonNullElse(
            RunLog.class.getPackage().getImplementationVersion(), "unknown");
    private final PrintStream out;
    private final Clock clock;

    RunLog(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    void info(String event, String requestId, Map<String, ?> fields) {
        write("INFO", event, requestId, fields);
    }

    void error(String event, String requestId, Map<String, ?> fields) {
        write("ERROR", event, requestId, fields);
    }

    /** Fields in the order given: {@code fields("cluster", name, "reason", why)}. */
    static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) m.put((String) namesAndValues[i], namesAndValues[i + 1]);
        return m;
    }

    private void write(String level, String event, String requestId, Map<String, ?> fields) {
        ObjectNode line = JSON.createObjectNode();
        line.put("timestamp", clock.instant().toString());
        line.put("level", level);
        line.put("service", "eks-ip-forecaster");
        line.put("version", VERSION);
        line.put("event", event);
        if (requestId != null) line.put("requestId", requestId);
        fields.forEach((k, v) -> line.set(k, JSON.valueToTree(v)));
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
