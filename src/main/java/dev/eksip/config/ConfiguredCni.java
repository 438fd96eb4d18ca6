package dev.eksip.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eksip.domain.CniSettings;
import dev.eksip.simulation.CniEnv;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code CNI_SETTINGS}: the VPC CNI settings to assume for clusters whose {@code vpc-cni} add-on has no
 * configuration values to read (a self-managed aws-node DaemonSet, or an add-on left at its defaults but a
 * DaemonSet patched by hand). A JSON object from cluster name, or {@code "*"} for every cluster, to aws-node
 * environment variables, e.g. {@code {"*": {"WARM_IP_TARGET": "5"}, "batch": {"ENABLE_PREFIX_DELEGATION": "true"}}};
 * a cluster's own entry is laid over {@code "*"}. Values are read the way ipamd reads its environment
 * ({@link CniEnv}); unknown variable names are errors, so a typo never silently means "default".
 */
public final class ConfiguredCni {
    public static final String VARIABLE = "CNI_SETTINGS";
    public static final String EVERY_CLUSTER = "*";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ConfiguredCni() {
    }

    /** Reads {@code CNI_SETTINGS} from {@code env} (absent or blank = none). */
    public static Map<String, CniSettings> from(Map<String, String> env) {
        String value = env.get(VARIABLE);
        return value == null || value.isBlank() ? Map.of() : parse(value);
    }

    /**
     * @return settings per cluster name, plus {@code "*"} when given
     * @throws IllegalStateException naming {@code CNI_SETTINGS} and the offending key
     */
    public static Map<String, CniSettings> parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw invalid("is not JSON (line %d, column %d): %s".formatted(e.getLocation().getLineNr(),
                    e.getLocation().getColumnNr(), e.getOriginalMessage()));
        }
        if (root == null || !root.isObject())
            throw invalid("expected a JSON object from cluster name (or \"*\") to aws-node variables");
        Map<String, Map<String, String>> raw = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> cluster = it.next();
            if (!cluster.getValue().isObject())
                throw invalid("\"%s\": expected an object of aws-node variables".formatted(cluster.getKey()));
            Map<String, String> vars = new HashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> v = cluster.getValue().fields(); v.hasNext(); ) {
                Map.Entry<String, JsonNode> var = v.next();
                if (!CniEnv.VARIABLES.contains(var.getKey()))
                    throw invalid("\"%s\".\"%s\": unknown variable; expected one of %s".formatted(cluster.getKey(),
                            var.getKey(), String.join(", ", CniEnv.VARIABLES)));
                if (!var.getValue().isValueNode() || var.getValue().isNull())
                    throw invalid("\"%s\".\"%s\": expected a string, number or boolean".formatted(cluster.getKey(),
                            var.getKey()));
                vars.put(var.getKey(), var.getValue().asText());
            }
            raw.put(cluster.getKey(), vars);
        }
        Map<String, String> every = raw.getOrDefault(EVERY_CLUSTER, Map.of());
        Map<String, CniSettings> out = new HashMap<>();
        raw.forEach((cluster, vars) -> {
            Map<String, String> merged = new HashMap<>(every);
            merged.putAll(vars);
            out.put(cluster, CniEnv.parse(merged));
        });
        return Map.copyOf(out);
    }

    /** The settings configured for {@code cluster}: its own entry, else {@code "*"}, else none. */
    public static CniSettings forCluster(Map<String, CniSettings> configured, String cluster) {
        CniSettings own = configured.get(cluster);
        return own != null ? own : configured.get(EVERY_CLUSTER);
    }

    private static IllegalStateException invalid(String detail) {
        return new IllegalStateException("invalid environment variable %s: %s".formatted(VARIABLE, detail));
    }
}
