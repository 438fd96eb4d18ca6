package dev.eksip.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.retries.AdaptiveRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;
import dev.eksip.config.AppConfig;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SDK clients of the inventory, built once: explicit region, one shared {@link UrlConnectionHttpClient},
 * the default credentials chain (for the profile {@code AWS_PROFILE} names in the environment map: {@link AwsLogin}),
 * the SDK's adaptive retry strategy bounded to {@value #MAX_ATTEMPTS} attempts (throttling and 5xx are retried
 * with backoff, and once a service throttles, a client-side token bucket slows that client's request rate: the
 * inventory's concurrent reads, {@link #readConcurrency()}, then respect per-service rate limits), and call/attempt
 * timeouts.
 *
 * <p>Endpoints: the SDK itself honours {@code AWS_ENDPOINT_URL} and {@code AWS_ENDPOINT_URL_<SERVICE>} from the
 * process environment (and {@code aws.endpointUrl*} system properties). {@link #fromEnvironment(Map)} also applies
 * them from the map it is given, so a caller can point the clients elsewhere without touching the process
 * environment; a service-specific variable wins over {@code AWS_ENDPOINT_URL}.
 *
 * <p>Timeouts and retry backoff are a {@link Timing}: {@link Timing#DEFAULT} everywhere in production; tests that
 * inject hangs and throttling pass shorter ones to {@link #fromEnvironment(Map, Timing, ExecutionInterceptor...)}
 * so that exhausting the retries costs seconds (the number of attempts is the same).
 */
public final class AwsClients implements AutoCloseable {
    public static final int MAX_ATTEMPTS = 5;
    public static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(90);
    public static final Duration API_CALL_ATTEMPT_TIMEOUT = Duration.ofSeconds(20);

    /**
     * How long a call and each of its attempts may take, and the retries' base backoff delay.
     *
     * @param retryBaseDelay the base of the exponential backoff (full jitter, capped at 20 s) for errors and
     *                       throttling alike; null = the SDK's standard (100 ms for errors, 1 s for throttling)
     */
    public record Timing(Duration apiCallTimeout, Duration attemptTimeout, Duration retryBaseDelay) {
        /** Production: {@link #API_CALL_TIMEOUT} per call, {@link #API_CALL_ATTEMPT_TIMEOUT} per attempt. */
        public static final Timing DEFAULT = new Timing(API_CALL_TIMEOUT, API_CALL_ATTEMPT_TIMEOUT, null);

        public Timing {
            java.util.Objects.requireNonNull(apiCallTimeout, "apiCallTimeout");
            java.util.Objects.requireNonNull(attemptTimeout, "attemptTimeout");
        }
    }

    private static final Duration MAX_BACKOFF = Duration.ofSeconds(20);

    private final SdkHttpClient httpClient;
    private final boolean ownsHttpClient;
    private final Timing timing;
    private final Ec2Client ec2;
    private final Ec2Client ec2Optional;
    private final EksClient eks;
    private final Map<String, EksClient> eksPerCluster = new ConcurrentHashMap<>();
    private final AutoScalingClient autoScaling;
    private final Region region;
    private final Map<String, String> env;
    private final AwsCredentialsProvider credentials;
    private final boolean ownsCredentials;
    private final List<ExecutionInterceptor> interceptors;
    private final int readConcurrency;

    private AwsClients(Region region, SdkHttpClient httpClient, boolean ownsHttpClient, Map<String, String> env,
                       Timing timing, List<ExecutionInterceptor> interceptors) {
        this(region, httpClient, ownsHttpClient, env, timing, interceptors, AwsLogin.credentials(env), true);
    }

    private AwsClients(Region region, SdkHttpClient httpClient, boolean ownsHttpClient, Map<String, String> env,
                       Timing timing, List<ExecutionInterceptor> interceptors, AwsCredentialsProvider credentials,
                       boolean ownsCredentials) {
        this.region = region;
        this.timing = java.util.Objects.requireNonNull(timing, "timing");
        this.env = Map.copyOf(env);
        this.credentials = credentials;
        this.ownsCredentials = ownsCredentials;
        this.interceptors = List.copyOf(interceptors);
        this.readConcurrency = AppConfig.readConcurrency(env);
        this.httpClient = httpClient;
        this.ownsHttpClient = ownsHttpClient;
        this.ec2 = client(Ec2Client.builder(), "EC2");
        this.ec2Optional = client(Ec2Client.builder(), "EC2");
        this.eks = client(EksClient.builder(), "EKS");
        this.autoScaling = client(AutoScalingClient.builder(), "AUTO_SCALING");
    }

    /** Clients for {@code region} sharing {@code httpClient} (not closed by {@link #close()}). */
    public static AwsClients create(Region region, SdkHttpClient httpClient, ExecutionInterceptor... interceptors) {
        return new AwsClients(region, httpClient, false, Map.of(), Timing.DEFAULT, List.of(interceptors));
    }

    /**
     * Clients for {@code region} over {@code httpClient} with fixed {@code credentials} and the settings of
     * {@code env} (endpoints, {@code READ_CONCURRENCY}); neither the HTTP client nor the credentials are closed by
     * {@link #close()}. The SnapStart priming ({@code lambda.Priming}) runs the function over a canned HTTP client
     * this way, so no credentials chain is resolved and no connection is opened before the snapshot.
     */
    public static AwsClients over(Region region, SdkHttpClient httpClient, AwsCredentialsProvider credentials,
                                  Map<String, String> env, ExecutionInterceptor... interceptors) {
        return new AwsClients(region, httpClient, false, env, Timing.DEFAULT, List.of(interceptors), credentials,
                false);
    }

    /**
     * Clients configured from {@code env} (usually {@code System.getenv()}): region from {@code AWS_REGION} or
     * {@code AWS_DEFAULT_REGION}, else the SDK's default region chain (the {@code AWS_PROFILE} profile's region,
     * instance metadata); endpoints from {@code AWS_ENDPOINT_URL[_EC2|_EKS|_AUTO_SCALING]}. Credentials come from
     * the default chain, for the profile {@code AWS_PROFILE} names in {@code env} if it does.
     *
     * @throws IllegalArgumentException when no region can be found
     */
    public static AwsClients fromEnvironment(Map<String, String> env, ExecutionInterceptor... interceptors) {
        return fromEnvironment(env, Timing.DEFAULT, interceptors);
    }

    /** As {@link #fromEnvironment(Map, ExecutionInterceptor...)} with other timeouts and backoff (tests). */
    public static AwsClients fromEnvironment(Map<String, String> env, Timing timing,
                                             ExecutionInterceptor... interceptors) {
        return new AwsClients(region(env), UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(5)).socketTimeout(timing.attemptTimeout()).build(),
                true, env, timing, List.of(interceptors));
    }

    static Region region(Map<String, String> env) {
        for (String name : List.of("AWS_REGION", "AWS_DEFAULT_REGION")) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) return Region.of(value.trim());
        }
        try {
            DefaultAwsRegionProviderChain.Builder chain = DefaultAwsRegionProviderChain.builder();
            AwsLogin.profile(env).ifPresent(chain::profileName);
            return chain.build().getRegion();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("no AWS region: set AWS_REGION (or a region in the AWS profile)", e);
        }
    }

    /** The endpoint override for a service from {@code env}, if any (service-specific first). */
    static URI endpoint(Map<String, String> env, String serviceId) {
        String specific = env.get("AWS_ENDPOINT_URL_" + serviceId);
        String general = env.get("AWS_ENDPOINT_URL");
        String value = specific != null && !specific.isBlank() ? specific : general;
        return value == null || value.isBlank() ? null : URI.create(value.trim());
    }

    private <B extends AwsClientBuilder<B, C>, C> B configure(B builder, String serviceId, Map<String, String> env,
                                                             List<ExecutionInterceptor> interceptors) {
        AdaptiveRetryStrategy.Builder retries = AwsRetryStrategy.adaptiveRetryStrategy().toBuilder()
                .maxAttempts(MAX_ATTEMPTS);
        if (timing.retryBaseDelay() != null) {
            BackoffStrategy backoff = BackoffStrategy.exponentialDelay(timing.retryBaseDelay(), MAX_BACKOFF);
            retries.backoffStrategy(backoff).throttlingBackoffStrategy(backoff);
        }
        builder.region(region)
                .credentialsProvider(credentials)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(retries.build())
                        .apiCallTimeout(timing.apiCallTimeout())
                        .apiCallAttemptTimeout(timing.attemptTimeout())
                        .executionInterceptors(interceptors)
                        .build());
        URI endpoint = endpoint(env, serviceId);
        if (endpoint != null) builder.endpointOverride(endpoint);
        return builder;
    }

    /**
     * Another service's client with the same settings (region, shared HTTP client, credentials chain, retries,
     * timeouts, interceptors) and its endpoint from {@code AWS_ENDPOINT_URL_<serviceId>} / {@code AWS_ENDPOINT_URL},
     * e.g. {@code clients.client(SnsClient.builder(), "SNS")}. The caller closes it.
     */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(B builder, String serviceId) {
        return configure(builder, serviceId, env, interceptors).httpClient(httpClient).build();
    }

    /**
     * The most read calls an inventory read over these clients makes at once: {@code READ_CONCURRENCY} from the
     * environment map, default {@value AppConfig#DEFAULT_READ_CONCURRENCY} ({@link AppConfig#readConcurrency}).
     */
    public int readConcurrency() {
        return readConcurrency;
    }

    /**
     * Clients for another account and region (an organization-wide target): {@code credentials} (an assumed role),
     * {@code region}, and everything else this instance has (HTTP client, endpoints, retries, timeouts,
     * interceptors). Closing them closes neither the shared HTTP client nor the credentials provider.
     */
    public AwsClients forTarget(Region region, AwsCredentialsProvider credentials) {
        return new AwsClients(region, httpClient, false, env, timing, interceptors, credentials, false);
    }

    public Region region() {
        return region;
    }

    Map<String, String> environment() {
        return env;
    }

    SdkHttpClient httpClient() {
        return httpClient;
    }

    /** The credentials the clients sign with (exact mode signs its EKS tokens with them too). */
    public AwsCredentialsProvider credentials() {
        return credentials;
    }

    public Ec2Client ec2() {
        return ec2;
    }

    /**
     * A second EC2 client, for the reads whose failure is only a gap (CIDR reservations, instance types, launch
     * templates), with a retry strategy of its own. The SDK's adaptive retry keeps one client-side rate limiter for
     * every operation of a client (sdk-core 2.57.8 {@code RetryableStageHelper} acquires each request's token with
     * the scope {@code "GLOBAL"}): on one shared client, an optional read throttled past its retries slowed the
     * required reads ({@code DescribeInstances}, {@code DescribeSubnets}, {@code DescribeNetworkInterfaces}) past
     * their call timeout and failed the whole read ({@code ThrottledReadIsolationIT}). Apart, each limiter adapts to
     * the throttling its own calls meet.
     */
    public Ec2Client ec2Optional() {
        return ec2Optional;
    }

    public EksClient eks() {
        return eks;
    }

    /**
     * The EKS client for one cluster's calls, built on first use and kept until {@link #close()}: the SDK's adaptive
     * retry has one rate limiter per client ({@link #ec2Optional}), so on one shared client a cluster whose calls are
     * throttled slowed another cluster's past their timeout, a gap on a healthy cluster
     * ({@code ThrottledReadIsolationIT}). A client per cluster keeps one cluster's throttling its own.
     */
    public EksClient eks(String cluster) {
        return eksPerCluster.computeIfAbsent(cluster, k -> client(EksClient.builder(), "EKS"));
    }

    public AutoScalingClient autoScaling() {
        return autoScaling;
    }

    @Override
    public void close() {
        ec2.close();
        ec2Optional.close();
        eks.close();
        eksPerCluster.values().forEach(EksClient::close);
        autoScaling.close();
        if (ownsCredentials && credentials instanceof SdkAutoCloseable closeable) closeable.close();
        if (ownsHttpClient) httpClient.close();
    }
}
