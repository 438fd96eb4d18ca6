package dev.eksip.app.inventory;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The kubelet max pods a launch template's user data sets (vpc-cni-model.md, "Beyond the original: max pods from
 * launch-template user data"). User data is base64 ({@code DescribeLaunchTemplateVersions}
 * {@code LaunchTemplateData.UserData}), optionally gzipped, and either a MIME multi-part document (its parts read
 * in order, nested multi-parts too) or a single script / document. Read, in that order of precedence:
 * <ul>
 *   <li>a kubelet flag {@code --max-pods=N} / {@code --max-pods N}: nodeadm {@code NodeConfig}
 *       {@code spec.kubelet.flags} ("appended to the defaults", amazon-eks-ami {@code nodeadm/doc/api.md}
 *       {@code KubeletOptions}), bootstrap.sh {@code --kubelet-extra-args} or a plain shell starting the kubelet;
 *       command-line flags override the config file (Kubernetes, "Set Kubelet Parameters Via A Configuration
 *       File");</li>
 *   <li>nodeadm {@code spec.kubelet.config.maxPods} ({@code KubeletConfiguration} merged over nodeadm's defaults;
 *       it takes precedence over {@code spec.kubelet.maxPodsExpression}, api.md);</li>
 *   <li>bootstrap.sh {@code --use-max-pods false}: bootstrap.sh (AL2, amazon-eks-ami
 *       {@code templates/al2/runtime/bootstrap.sh} before its removal in b228903) writes {@code maxPods} into the
 *       kubelet config only when {@code USE_MAX_PODS} is true, so the kubelet's default of 110 applies
 *       ({@code KubeletConfiguration.maxPods}, the {@code defaultMaxPods} nodeadm also falls back to).</li>
 * </ul>
 * A later occurrence wins over an earlier one (the kubelet takes a flag's last value; nodeadm merges the NodeConfig
 * documents in order). A {@code maxPodsExpression} (CEL) is not evaluated: reported, max pods assumed. Nothing here
 * throws on bad input: undecodable user data is a {@link Problem}.
 */
public final class UserDataMaxPods {
    /** The kubelet's default {@code maxPods} (KubeletConfiguration v1beta1; nodeadm {@code defaultMaxPods}). */
    public static final int KUBELET_DEFAULT = 110;
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final Pattern FLAG = Pattern.compile("(?<![\\w-])--max-pods(?:=|\\s+)[\"']?([^\\s\"',;]*)");
    private static final Pattern NO_MAX_PODS = Pattern.compile("(?<![\\w-])--use-max-pods(?:=|\\s+)[\"']?false\\b");
    private static final Pattern BOUNDARY = Pattern.compile("boundary=(\"([^\"]+)\"|[^;\\s]+)",
            Pattern.CASE_INSENSITIVE);

    private UserDataMaxPods() {
    }

    /** What the user data says about max pods. */
    public sealed interface Reading {
    }

    /** @param where which setting gave it, e.g. {@code nodeadm NodeConfig spec.kubelet.config.maxPods} */
    public record Found(int maxPods, String where) implements Reading {
        public Found {
            requireNonNull(where, "where");
            if (maxPods < 1) throw new IllegalArgumentException("maxPods must be >= 1");
        }
    }

    /** The user data sets no max pods (nodeadm's or bootstrap.sh's computed value applies). */
    public record NotSet() implements Reading {
    }

    /** The user data could not be read, or sets max pods in a way not modelled; max pods is then assumed. */
    public record Problem(String why) implements Reading {
        public Problem {
            requireNonNull(why, "why");
        }
    }

    /** @param base64 {@code LaunchTemplateData.UserData} as EC2 returns it */
    public static Reading read(String base64) {
        if (base64 == null || base64.isBlank()) return new NotSet();
        byte[] raw;
        try {
            raw = Base64.getMimeDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            return new Problem("user data is not base64 (" + e.getMessage() + ")");
        }
        try {
            return readText(gunzip(raw));
        } catch (IOException e) {
            return new Problem("user data is gzip but could not be decompressed (" + e.getMessage() + ")");
        }
    }

    /** Decoded user data (tests and callers that hold the text). */
    static Reading readText(String text) {
        Scan scan = new Scan();
        scan.document(text.replace("\r\n", "\n"));
        return scan.result();
    }

    private static String gunzip(byte[] raw) throws IOException {
        if (raw.length < 2 || (raw[0] & 0xff) != 0x1f || (raw[1] & 0xff) != 0x8b)
            return new String(raw, StandardCharsets.UTF_8);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** One pass over the parts: the last flag, the last NodeConfig maxPods, bootstrap's --use-max-pods false. */
    private static final class Scan {
        private Found flag;
        private Found config;
        private boolean useMaxPodsFalse;
        private String problem;
        private String expression;

        void document(String text) {
            String head = text.stripLeading();
            if (head.regionMatches(true, 0, "Content-Type:", 0, 13)
                    || head.regionMatches(true, 0, "MIME-Version:", 0, 13)) {
                mime(head);
            } else if (looksLikeNodeConfig(head)) {
                nodeConfig(head);
            } else {
                shell(head);
            }
        }

        private static boolean looksLikeNodeConfig(String text) {
            return !text.startsWith("#!") && text.contains("NodeConfig") && text.contains("node.eks.aws");
        }

        /** RFC 2046 multipart: the boundary from the headers, then each part's headers and body. */
        private void mime(String text) {
            int split = text.indexOf("\n\n");
            String headers = split < 0 ? text : text.substring(0, split);
            String body = split < 0 ? "" : text.substring(split + 2);
            String contentType = header(headers, "content-type");
            if (!contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
                part(contentType, header(headers, "content-transfer-encoding"), body);
                return;
            }
            Matcher b = BOUNDARY.matcher(contentType);
            if (!b.find()) {
                fail("MIME multi-part user data has no boundary");
                return;
            }
            String boundary = "--" + (b.group(2) != null ? b.group(2) : b.group(1));
            if (!body.contains(boundary)) {
                fail("MIME multi-part user data has no part delimited by its boundary " + boundary.substring(2));
                return;
            }
            String[] chunks = body.split(Pattern.quote(boundary), -1);
            for (int i = 1; i < chunks.length; i++) {
                String chunk = chunks[i];
                if (chunk.startsWith("--")) break;                       // the close delimiter
                chunk = chunk.startsWith("\n") ? chunk.substring(1) : chunk;
                int end = chunk.indexOf("\n\n");
                String partHeaders = end < 0 ? chunk : chunk.substring(0, end);
                String partBody = end < 0 ? "" : chunk.substring(end + 2);
                String type = header(partHeaders, "content-type");
                if (type.toLowerCase(Locale.ROOT).startsWith("multipart/")) mime(chunk);
                else part(type, header(partHeaders, "content-transfer-encoding"), partBody);
            }
        }

        private void part(String contentType, String encoding, String body) {
            if (encoding.equalsIgnoreCase("base64")) {
                try {
                    body = gunzip(Base64.getMimeDecoder().decode(body.trim()));
                } catch (IllegalArgumentException | IOException e) {
                    fail("a base64 MIME part (%s) could not be decoded".formatted(contentType));
                    return;
                }
            }
            String type = contentType.toLowerCase(Locale.ROOT);
            if (type.startsWith("application/node.eks.aws") || looksLikeNodeConfig(body.stripLeading()))
                nodeConfig(body);
            else
                shell(body);    // text/x-shellscript, text/cloud-config (runcmd), anything else with a kubelet flag
        }

        /** nodeadm NodeConfig documents (YAML or JSON, several per part allowed). */
        private void nodeConfig(String text) {
            try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(text)) {
                while (docs.hasNext()) {
                    JsonNode doc = docs.next();
                    if (doc == null || !"NodeConfig".equals(doc.path("kind").asText())) continue;
                    JsonNode kubelet = doc.path("spec").path("kubelet");
                    JsonNode maxPods = kubelet.path("config").path("maxPods");
                    if (!maxPods.isMissingNode() && !maxPods.isNull()) {
                        int n = maxPods.canConvertToInt() && maxPods.isIntegralNumber() ? maxPods.intValue()
                                : parse(maxPods.asText());
                        if (n >= 1) config = new Found(n, "nodeadm NodeConfig spec.kubelet.config.maxPods");
                        else fail("NodeConfig spec.kubelet.config.maxPods is not a positive whole number: "
                                  + maxPods.asText());
                    }
                    if (kubelet.path("maxPodsExpression").isTextual())
                        expression = kubelet.path("maxPodsExpression").asText();
                    for (JsonNode f : kubelet.path("flags"))
                        flags(f.asText(), "nodeadm NodeConfig spec.kubelet.flags --max-pods");
                }
            } catch (IOException | RuntimeException e) {
                fail("a NodeConfig document is not valid YAML (" + firstLine(e.getMessage()) + ")");
            }
        }

        private void shell(String text) {
            flags(text, text.contains("/etc/eks/bootstrap.sh") ? "bootstrap.sh --kubelet-extra-args --max-pods"
                    : "kubelet flag --max-pods in a script");
            if (text.contains("/etc/eks/bootstrap.sh") && NO_MAX_PODS.matcher(text).find())
                useMaxPodsFalse = true;
        }

        private void flags(String text, String where) {
            Matcher m = FLAG.matcher(text);
            while (m.find()) {
                int n = parse(m.group(1));
                if (n >= 1) flag = new Found(n, where);
                else fail("--max-pods is not a positive whole number: " + m.group(1));
            }
        }

        private void fail(String why) {
            if (problem == null) problem = why;
        }

        Reading result() {
            if (flag != null) return flag;
            if (config != null) return config;
            if (problem != null) return new Problem(problem);
            if (expression != null)
                return new Problem("NodeConfig spec.kubelet.maxPodsExpression (%s) is not evaluated"
                        .formatted(expression));
            if (useMaxPodsFalse)
                return new Found(KUBELET_DEFAULT, "bootstrap.sh --use-max-pods false (the kubelet's default)");
            return new NotSet();
        }
    }

    private static String header(String headers, String name) {
        for (String line : unfold(headers)) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name))
                return line.substring(colon + 1).trim();
        }
        return "";
    }

    /** RFC 5322 folding: a line starting with white space continues the header above. */
    private static List<String> unfold(String headers) {
        return List.of(headers.replaceAll("\n[ \t]+", " ").split("\n"));
    }

    private static int parse(String number) {
        try {
            return Integer.parseInt(number.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String firstLine(String message) {
        if (message == null) return "unreadable";
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
