package dev.eksip.config;

import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Exact mode's opt-in (README "Exact mode"): {@code KUBERNETES_READ} = {@code true} (every audited cluster),
 * {@code false} or unset (none, the default), or a comma-separated list of cluster names; the CLI's {@code --kube}
 * is {@code true}. {@code KUBERNETES_ENDPOINT_URL} sends every API request to one URL instead of the
 * {@code DescribeCluster} endpoint (a tunnel to a private endpoint, or a test's local API server); the CA from
 * {@code DescribeCluster} still applies to an https URL.
 *
 * @param all      read every cluster
 * @param clusters read these (when not {@code all})
 */
public record KubernetesRead(boolean all, Set<String> clusters, Optional<URI> endpointOverride) {
    public static final String VARIABLE = "KUBERNETES_READ";
    public static final String ENDPOINT_VARIABLE = "KUBERNETES_ENDPOINT_URL";
    public static final KubernetesRead NONE = new KubernetesRead(false, Set.of(), Optional.empty());
    private static final Pattern CLUSTER_NAME = Pattern.compile("[0-9A-Za-z][A-Za-z0-9\\-_]{0,99}");

    public KubernetesRead {
        clusters = Set.copyOf(clusters);
    }

    /** Whether exact mode reads {@code cluster}. */
    public boolean selects(String cluster) {
        return all || clusters.contains(cluster);
    }

    public boolean enabled() {
        return all || !clusters.isEmpty();
    }

    /** Every cluster, with the endpoint override of {@code env} if any (the CLI's {@code --kube}). */
    public static KubernetesRead every(Map<String, String> env) {
        return new KubernetesRead(true, Set.of(), endpoint(env));
    }

    /** {@code KUBERNETES_READ} and {@code KUBERNETES_ENDPOINT_URL}; throws naming the variable when bad. */
    public static KubernetesRead from(Map<String, String> env) {
        String value = env.getOrDefault(VARIABLE, "").trim();
        if (value.isEmpty() || value.equalsIgnoreCase("false")) return NONE;
        if (value.equalsIgnoreCase("true")) return every(env);
        Set<String> names = Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
        for (String n : names)
            if (!CLUSTER_NAME.matcher(n).matches())
                throw new IllegalStateException(("%s: '%s' is not a cluster name; expected true, false or "
                        + "comma-separated EKS cluster names").formatted(VARIABLE, n));
        return new KubernetesRead(false, names, endpoint(env));
    }

    private static Optional<URI> endpoint(Map<String, String> env) {
        String value = env.getOrDefault(ENDPOINT_VARIABLE, "").trim();
        if (value.isEmpty()) return Optional.empty();
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())))
            throw new IllegalStateException("%s: '%s' is not an http(s) URL".formatted(ENDPOINT_VARIABLE, value));
        return Optional.of(uri);
    }
}
