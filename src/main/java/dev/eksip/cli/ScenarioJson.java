package dev.eksip.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.eksip.domain.CniSettings;
import dev.eksip.plan.Scenario;
import dev.eksip.plan.ScenarioException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strict reader of the {@code plan} scenario file (product.md "Scenario file"): every problem is a
 * {@link ScenarioException} naming the JSON path and what was expected. {@code //} and {@code /* *}{@code /}
 * comments are allowed, so the example in product.md parses as written.
 */
final class ScenarioJson {
    /** Upper bound of every whole number: far above any real fleet, low enough that no sum overflows. */
    static final int MAX_NUMBER = 1_000_000;

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final Set<String> ROOT_KEYS = Set.of("subnet", "cni", "hostNetworkIps", "instances");
    private static final List<String> CNI_KEYS = List.of("WARM_ENI_TARGET", "WARM_IP_TARGET", "MINIMUM_IP_TARGET",
            "ENABLE_PREFIX_DELEGATION", "WARM_PREFIX_TARGET", "MAX_ENI", "AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG",
            "ENABLE_POD_ENI", "ENABLE_SUBNET_DISCOVERY", "ENABLE_IPv6");
    private static final Set<String> INSTANCE_KEYS =
            Set.of("instanceType", "count", "podsPerNode", "maxPods", "branchPodsPerNode");
    private static final Pattern CIDR =
            Pattern.compile("^\\s*(?:(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3}))?/(\\d{1,2})\\s*$");

    private ScenarioJson() {
    }

    static Scenario parse(String text) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line %d, column %d".formatted(at.getLineNr(), at.getColumnNr());
            throw new ScenarioException("", "malformed JSON%s: %s".formatted(where, e.getOriginalMessage()));
        }
        if (root == null || root.isMissingNode())
            throw new ScenarioException("", "empty scenario; expected a JSON object with subnet and instances");
        requireObject(root, "(document)");
        rejectUnknownKeys(root, "", ROOT_KEYS);

        int prefix = prefixLength(root.get("subnet"));
        CniSettings cni = cni(root.get("cni"));
        int host = root.has("hostNetworkIps")
                ? wholeNumber(root.get("hostNetworkIps"), "hostNetworkIps", 0) : Scenario.DEFAULT_HOST_NETWORK_IPS;
        return new Scenario(prefix, cni, host, instances(root.get("instances")));
    }

    private static int prefixLength(JsonNode node) {
        String field = "subnet";
        String expected = "a subnet like \"10.0.0.0/23\", \"/23\" or 23";
        if (node == null) throw new ScenarioException(field, "missing; expected " + expected);
        int prefix;
        if (node.isNumber()) {
            prefix = wholeNumber(node, field, 0);
        } else if (node.isTextual()) {
            Matcher m = CIDR.matcher(node.asText());
            if (!m.matches())
                throw new ScenarioException(field, "expected %s, got %s".formatted(expected, describe(node)));
            prefix = Integer.parseInt(m.group(5));
            if (m.group(1) != null) checkNetworkAddress(m, prefix, node.asText());
        } else {
            throw new ScenarioException(field, "expected %s, got %s".formatted(expected, describe(node)));
        }
        if (prefix < Scenario.MIN_PREFIX_LENGTH || prefix > Scenario.MAX_PREFIX_LENGTH)
            throw new ScenarioException(field, "prefix length /%d is outside AWS's subnet sizes /%d../%d"
                    .formatted(prefix, Scenario.MIN_PREFIX_LENGTH, Scenario.MAX_PREFIX_LENGTH));
        return prefix;
    }

    private static void checkNetworkAddress(Matcher m, int prefix, String text) {
        long address = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255)
                throw new ScenarioException("subnet", "'%s' is not an IPv4 CIDR (octet %d > 255)".formatted(text, octet));
            address = (address << 8) | octet;
        }
        if (prefix < 1 || prefix > 32) return; // the range check reports it
        long hostMask = (1L << (32 - prefix)) - 1;
        if ((address & hostMask) != 0) {
            long network = address & ~hostMask & 0xFFFFFFFFL;
            throw new ScenarioException("subnet", "'%s' has host bits set; expected the network address %d.%d.%d.%d/%d"
                    .formatted(text.trim(), network >> 24, (network >> 16) & 255, (network >> 8) & 255, network & 255,
                            prefix));
        }
    }

    private static CniSettings cni(JsonNode node) {
        CniSettings d = CniSettings.DEFAULTS;
        if (node == null) return d;
        requireObject(node, "cni");
        rejectUnknownKeys(node, "cni.", CNI_KEYS);
        return new CniSettings(
                intOr(node, "WARM_ENI_TARGET", d.warmEniTarget()),
                intOr(node, "WARM_IP_TARGET", d.warmIpTarget()),
                intOr(node, "MINIMUM_IP_TARGET", d.minimumIpTarget()),
                boolOr(node, "ENABLE_PREFIX_DELEGATION", d.prefixDelegation()),
                intOr(node, "WARM_PREFIX_TARGET", d.warmPrefixTarget()),
                maxEni(node.get("MAX_ENI")),
                boolOr(node, "AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG", d.customNetworking()),
                boolOr(node, "ENABLE_POD_ENI", d.podEni()),
                boolOr(node, "ENABLE_SUBNET_DISCOVERY", d.subnetDiscovery()),
                boolOr(node, "ENABLE_IPv6", d.ipv6()));
    }

    /** MAX_ENI: null or absent = not set (0 in {@link CniSettings}), else at least 1. */
    private static int maxEni(JsonNode node) {
        if (node == null || node.isNull()) return 0;
        return wholeNumber(node, "cni.MAX_ENI", 1);
    }

    private static List<Scenario.InstanceRow> instances(JsonNode node) {
        String field = "instances";
        if (node == null) throw new ScenarioException(field, "missing; expected a non-empty array of instance rows");
        if (!node.isArray())
            throw new ScenarioException(field, "expected an array of instance rows, got " + describe(node));
        if (node.isEmpty()) throw new ScenarioException(field, "expected at least one instance row, got []");
        List<Scenario.InstanceRow> rows = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String at = "instances[" + i + "]";
            JsonNode row = node.get(i);
            requireObject(row, at);
            rejectUnknownKeys(row, at + ".", INSTANCE_KEYS);
            JsonNode type = row.get("instanceType");
            if (type == null) throw new ScenarioException(at + ".instanceType", "missing; expected a type like \"m5.large\"");
            if (!type.isTextual() || type.asText().isBlank())
                throw new ScenarioException(at + ".instanceType",
                        "expected a type like \"m5.large\", got " + describe(type));
            int count = required(row, at, "count");
            int pods = required(row, at, "podsPerNode");
            JsonNode maxPodsNode = row.get("maxPods");
            OptionalInt maxPods = maxPodsNode == null || maxPodsNode.isNull()
                    ? OptionalInt.empty() : OptionalInt.of(wholeNumber(maxPodsNode, at + ".maxPods", 1));
            int branch = row.has("branchPodsPerNode")
                    ? wholeNumber(row.get("branchPodsPerNode"), at + ".branchPodsPerNode", 0) : 0;
            rows.add(new Scenario.InstanceRow(type.asText().trim(), count, pods, maxPods, branch));
        }
        return rows;
    }

    private static int required(JsonNode row, String at, String key) {
        JsonNode node = row.get(key);
        if (node == null) throw new ScenarioException(at + "." + key, "missing; expected a whole number >= 0");
        return wholeNumber(node, at + "." + key, 0);
    }

    private static int intOr(JsonNode object, String key, int fallback) {
        JsonNode node = object.get(key);
        return node == null ? fallback : wholeNumber(node, "cni." + key, 0);
    }

    private static boolean boolOr(JsonNode object, String key, boolean fallback) {
        JsonNode node = object.get(key);
        if (node == null) return fallback;
        if (!node.isBoolean())
            throw new ScenarioException("cni." + key, "expected true or false, got " + describe(node));
        return node.booleanValue();
    }

    /** A whole number in {@code min..MAX_NUMBER}; 2.0 is accepted, 2.5, "2" and -1 are not. */
    static int wholeNumber(JsonNode node, String field, int min) {
        String expected = "a whole number from %d to %d".formatted(min, MAX_NUMBER);
        if (!node.isNumber()) throw new ScenarioException(field, "expected %s, got %s".formatted(expected, describe(node)));
        if (!node.isIntegralNumber() && !node.canConvertToExactIntegral())
            throw new ScenarioException(field, "expected %s, got the fractional number %s".formatted(expected, node.asText()));
        if (node.decimalValue().signum() < 0 && min >= 0)
            throw new ScenarioException(field, "expected %s, got the negative number %s".formatted(expected,
                    node.decimalValue().stripTrailingZeros().toPlainString()));
        BigDecimal value = node.decimalValue();
        if (value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(MAX_NUMBER)) > 0)
            throw new ScenarioException(field, "expected %s, got %s".formatted(expected,
                    value.stripTrailingZeros().toPlainString()));
        return value.intValueExact();
    }

    private static void requireObject(JsonNode node, String field) {
        if (!node.isObject()) throw new ScenarioException(field.equals("(document)") ? "" : field,
                "expected a JSON object, got " + describe(node));
    }

    private static void rejectUnknownKeys(JsonNode object, String prefix, Collection<String> allowed) {
        for (String key : (Iterable<String>) object::fieldNames) {
            if (!allowed.contains(key))
                throw new ScenarioException(prefix + key, "unknown key; expected one of " + String.join(", ",
                        allowed.stream().sorted(prefix.startsWith("cni") ? (a, b) -> CNI_KEYS.indexOf(a) - CNI_KEYS.indexOf(b)
                                : String::compareTo).toList()));
        }
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "the string \"" + node.asText() + "\"";
            case BOOLEAN -> "the boolean " + node.asText();
            case NUMBER -> "the number " + node.asText();
            case NULL -> "null";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> node.getNodeType().toString().toLowerCase(Locale.ROOT);
        };
    }
}
