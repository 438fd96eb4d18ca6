package dev.eksip.kube;

import static java.util.Objects.requireNonNull;

import dev.eksip.app.inventory.KubeOverlay;
import dev.eksip.app.port.InventorySource;
import dev.eksip.config.KubernetesRead;
import dev.eksip.domain.Cluster;
import dev.eksip.domain.Inventory;
import dev.eksip.domain.InventoryGap;
import dev.eksip.domain.KubeView;
import dev.eksip.domain.Scope;

import io.fabric8.kubernetes.client.KubernetesClient;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.eks.EksClient;

/**
 * Exact mode (README "Exact mode"): the AWS inventory of {@code delegate}, then each selected cluster's Kubernetes
 * API read ({@link KubeReader}) and laid over it ({@link KubeOverlay}). Clusters are read in parallel, at most
 * {@link #CONCURRENCY} at a time. Nothing here fails the run: a cluster whose endpoint or token cannot be had, or
 * whose API cannot be reached, is a gap and keeps its AWS-only estimates.
 */
public final class KubeInventorySource implements InventorySource {
    /** Clusters read at once: each read holds one client and its pages; the API servers are separate. */
    public static final int CONCURRENCY = 4;
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final InventorySource delegate;
    private final Predicate<String> selected;
    private final Function<String, ClusterAccess> access;
    private final Function<String, String> tokens;
    private final Duration timeout;
    private final Consumer<String> progress;

    /**
     * @param selected which clusters to read ({@code KUBERNETES_READ}, {@code --kube})
     * @param access   the endpoint and CA of a cluster ({@link EksEndpoints}); throws when it cannot be read
     * @param tokens   a fresh bearer token for a cluster ({@link EksToken})
     */
    public KubeInventorySource(InventorySource delegate, Predicate<String> selected,
                               Function<String, ClusterAccess> access, Function<String, String> tokens,
                               Duration timeout, Consumer<String> progress) {
        this.delegate = requireNonNull(delegate, "delegate");
        this.selected = requireNonNull(selected, "selected");
        this.access = requireNonNull(access, "access");
        this.tokens = requireNonNull(tokens, "tokens");
        this.timeout = requireNonNull(timeout, "timeout");
        this.progress = requireNonNull(progress, "progress");
    }

    /**
     * Exact mode over {@code aws} for the clusters {@code read} selects: endpoints from {@code eks}
     * ({@code DescribeCluster}, or {@code KUBERNETES_ENDPOINT_URL}), tokens signed with {@code credentials}.
     */
    public static InventorySource over(InventorySource aws, KubernetesRead read, EksClient eks,
                                       AwsCredentialsProvider credentials, String region, Consumer<String> progress) {
        if (!read.enabled()) return aws;
        Function<String, ClusterAccess> access = new EksEndpoints(eks);
        if (read.endpointOverride().isPresent()) {
            String url = read.endpointOverride().get().toString().replaceAll("/$", "");
            access = access.andThen(a -> a.withEndpoint(url));
        }
        return new KubeInventorySource(aws, read::selects, access,
                EksEndpoints.tokens(credentials, region, Clock.systemUTC()), TIMEOUT, progress);
    }

    @Override
    public Inventory load(List<String> clusters) {
        Inventory inventory = delegate.load(clusters);
        List<String> names = inventory.clusters().stream().map(Cluster::name).filter(selected).toList();
        if (names.isEmpty()) return inventory;
        progress.accept("reading the Kubernetes API of %d cluster(s)".formatted(names.size()));
        List<KubeView> views = new ArrayList<>();
        List<InventoryGap> gaps = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(CONCURRENCY, names.size()))) {
            List<Future<KubeReader.Result>> futures = names.stream().map(n -> pool.submit(() -> readOne(n))).toList();
            for (Future<KubeReader.Result> f : futures) {
                KubeReader.Result r = join(f);
                views.add(r.view());
                gaps.addAll(r.gaps());
            }
        }
        return KubeOverlay.apply(inventory, views, gaps);
    }

    private KubeReader.Result readOne(String cluster) {
        ClusterAccess where;
        String token;
        try {
            where = access.apply(cluster);
            token = tokens.apply(cluster);
        } catch (RuntimeException e) {
            return new KubeReader.Result(KubeView.unread(cluster), List.of(new InventoryGap(Scope.cluster(cluster),
                    "eks:DescribeCluster", e.getClass().getSimpleName(),
                    ("cluster %s: exact mode could not get the API endpoint or a token (%s); its figures are "
                     + "estimated from AWS").formatted(cluster, e.getMessage()))));
        }
        try (KubernetesClient client = KubeClients.create(where, token, timeout)) {
            return new KubeReader(client, cluster).read();
        } catch (RuntimeException e) {       // a bad CA bundle, an unexpected answer: this cluster only
            return new KubeReader.Result(KubeView.unread(cluster), List.of(new InventoryGap(Scope.cluster(cluster),
                    "kubernetes:client", e.getClass().getSimpleName(),
                    ("cluster %s: exact mode failed (%s); its figures are estimated from AWS")
                            .formatted(cluster, e.getMessage()))));
        }
    }

    private static KubeReader.Result join(Future<KubeReader.Result> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the Kubernetes API", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kubernetes API read failed", e.getCause());
        }
    }
}
