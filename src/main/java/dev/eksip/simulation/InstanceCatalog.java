package dev.eksip.simulation;

import dev.eksip.domain.InstanceLimits;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Instance-type limits: the embedded table ({@code data/instance-limits.csv}, verbatim from the VPC CNI's
 * generated limits joined with the resource controller's trunking table, vpc-cni-model.md §13) plus vCPUs
 * ({@code data/instance-vcpus.csv}, see {@code tools/gen_instance_vcpus.py}), optionally extended with limits
 * read live from {@code DescribeInstanceTypes}. Lookups are exact and case-insensitive.
 */
public final class InstanceCatalog {
    private static final Pattern SIZE = Pattern.compile("^(\\d*)xlarge$");
    private static final InstanceCatalog EMBEDDED = loadEmbedded();

    private final Map<String, InstanceLimits> byType;

    private InstanceCatalog(Map<String, InstanceLimits> byType) {
        this.byType = Map.copyOf(byType);
    }

    /** The table shipped in the jar. */
    public static InstanceCatalog embedded() {
        return EMBEDDED;
    }

    /** This catalog plus {@code extra} (which win over embedded rows of the same type). */
    public InstanceCatalog with(Collection<InstanceLimits> extra) {
        if (extra.isEmpty()) return this;
        Map<String, InstanceLimits> merged = new HashMap<>(byType);
        for (InstanceLimits l : extra) merged.put(key(l.instanceType()), l);
        return new InstanceCatalog(merged);
    }

    public Optional<InstanceLimits> find(String instanceType) {
        return Optional.ofNullable(byType.get(key(instanceType)));
    }

    /** The limits of {@code instanceType}, or {@link UnknownInstanceTypeException}. */
    public InstanceLimits require(String instanceType) {
        InstanceLimits limits = byType.get(key(instanceType));
        if (limits == null) throw new UnknownInstanceTypeException(instanceType);
        return limits;
    }

    public int size() {
        return byType.size();
    }

    public List<String> types() {
        return byType.keySet().stream().sorted().toList();
    }

    private static String key(String instanceType) {
        return instanceType == null ? "" : instanceType.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * vCPUs guessed from the size part of a type name when no data has them: medium 1, large 2, xlarge 4,
     * Nxlarge 4N, metal 96 (every metal type is above the 30-vCPU managed-node-group threshold). 0 if unknown.
     */
    static int vcpusFromSize(String instanceType) {
        int dot = instanceType.indexOf('.');
        String size = dot < 0 ? "" : instanceType.substring(dot + 1);
        if (size.equals("medium")) return 1;
        if (size.equals("large")) return 2;
        if (size.startsWith("metal")) return 96;
        Matcher m = SIZE.matcher(size);
        if (m.matches()) return 4 * (m.group(1).isEmpty() ? 1 : Integer.parseInt(m.group(1)));
        return 0;
    }

    /** Parses the embedded CSV format (header line, then one row per type); exposed for the table test. */
    static Map<String, InstanceLimits> parse(List<String> limitRows, Map<String, Integer> vcpus) {
        Map<String, InstanceLimits> out = new HashMap<>();
        for (String row : limitRows) {
            String[] c = row.split(",", -1);
            String type = key(c[0]);
            int v = vcpus.getOrDefault(type, vcpusFromSize(type));
            out.put(type, new InstanceLimits(type, Integer.parseInt(c[1]), Integer.parseInt(c[2]),
                    Integer.parseInt(c[4]), Integer.parseInt(c[5]), c[6].equals("nitro"),
                    Boolean.parseBoolean(c[7]), Boolean.parseBoolean(c[8]),
                    !c[11].equals("false"), c[12].isEmpty() ? 0 : Integer.parseInt(c[12]), v));
        }
        return out;
    }

    private static InstanceCatalog loadEmbedded() {
        List<String> limits = resourceRows("/data/instance-limits.csv");
        Map<String, Integer> vcpus = new HashMap<>();
        for (String row : resourceRows("/data/instance-vcpus.csv")) {
            String[] c = row.split(",");
            vcpus.put(key(c[0]), Integer.parseInt(c[1]));
        }
        return new InstanceCatalog(parse(limits, vcpus));
    }

    private static List<String> resourceRows(String path) {
        try (InputStream in = InstanceCatalog.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing embedded resource " + path);
            List<String> lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(l -> !l.isBlank()).toList();
            return lines.subList(1, lines.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An instance type that neither the embedded table nor the live API knows. */
    public static final class UnknownInstanceTypeException extends IllegalArgumentException {
        private final String instanceType;

        public UnknownInstanceTypeException(String instanceType) {
            super("unknown instance type '%s' (not in the embedded limits table of %d types)"
                    .formatted(instanceType, EMBEDDED == null ? 0 : EMBEDDED.size()));
            this.instanceType = instanceType;
        }

        public String instanceType() {
            return instanceType;
        }
    }
}
