package dev.eksip.testing.aws;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The moto AWS emulator as a child process on a free loopback port, for {@code *IT} tests.
 *
 * <p>Use it as a JUnit 5 extension ({@code @RegisterExtension static final MotoServer MOTO = new MotoServer();}:
 * started before the class's tests, stopped after them) or by hand ({@link #start()} / {@link #close()}).
 * It runs {@code moto_server} found via {@code $MOTO_SERVER}, on {@code PATH} or in {@code ~/.pyenv/shims}, else
 * {@code python3 -m moto.server}; if neither works it tries {@code python3 -m pip install --user
 * 'moto[server]==5.2.1'} once, then fails with a message saying what to install.
 *
 * <p>{@link #client(AwsClientBuilder)} configures any SDK v2 client builder for it: endpoint override, region
 * {@code us-east-1}, static dummy credentials, one shared {@link UrlConnectionHttpClient}.
 */
public final class MotoServer implements BeforeAllCallback, AfterAllCallback, AutoCloseable {
    public static final Region REGION = Region.US_EAST_1;
    public static final String ACCOUNT_ID = "123456789012";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final String MOTO_PIN = "moto[server]==5.2.1";
    private static volatile boolean installAttempted;

    private final java.util.Map<String, String> environment = new java.util.HashMap<>();
    private Process process;
    private URI endpoint;
    private SdkHttpClient httpClient;
    private Path log;

    /**
     * A server whose EC2 regions start without moto's default AMIs ({@code MOTO_EC2_LOAD_DEFAULT_AMIS=false}): every
     * account × region moto first sees then costs a fraction of the time, which matters for an organization of many
     * accounts and regions. The seeds that look up an Amazon AMI need the default server.
     */
    public MotoServer withoutDefaultAmis() {
        environment.put("MOTO_EC2_LOAD_DEFAULT_AMIS", "false");
        return this;
    }

    /** Starts the server (idempotent) and waits until it answers. */
    public synchronized MotoServer start() {
        if (process != null) return this;
        int port = freePort();
        List<String> command = new ArrayList<>(launcher());
        command.addAll(List.of("-H", "127.0.0.1", "-p", Integer.toString(port)));
        try {
            log = Files.createTempFile("moto-server-", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start moto server with " + command + ": " + e.getMessage(), e);
        }
        endpoint = URI.create("http://127.0.0.1:" + port);
        awaitReady();
        httpClient = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(Duration.ofSeconds(120))
                .build();
        return this;
    }

    /** {@code http://127.0.0.1:PORT}. */
    public URI endpoint() {
        requireStarted();
        return endpoint;
    }

    /** The server's process (for its CPU time: {@link ProcessCpu}). */
    public ProcessHandle process() {
        requireStarted();
        return process.toHandle();
    }

    /** Clears every service's state ({@code POST /moto-api/reset}). */
    public void reset() {
        requireStarted();
        int status = request("POST", "/moto-api/reset");
        if (status != 200) throw new IllegalStateException("moto reset answered HTTP " + status);
    }

    /** What seeds an account through the inventory services' clients, e.g. {@code TwoClusterAccount::seed}. */
    @FunctionalInterface
    public interface Seeder<T> {
        T seed(Ec2Client ec2, EksClient eks, AutoScalingClient autoScaling);
    }

    /** Runs {@code seeder} over fresh EC2, EKS and Auto Scaling clients of this server, closed after. */
    public <T> T seed(Seeder<T> seeder) {
        try (Ec2Client ec2 = client(Ec2Client.builder()); EksClient eks = client(EksClient.builder());
             AutoScalingClient autoScaling = client(AutoScalingClient.builder())) {
            return seeder.seed(ec2, eks, autoScaling);
        }
    }

    /** Configures {@code builder} for this server and builds the client. */
    public <B extends AwsClientBuilder<B, C>, C> C client(B builder) {
        return configure(builder).build();
    }

    /** Configures {@code builder} for this server (endpoint, region, dummy credentials, shared HTTP client). */
    public <B extends AwsClientBuilder<B, C>, C> B configure(B builder) {
        requireStarted();
        builder.endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")));
        if (builder instanceof software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<?, ?> sync)
            sync.httpClient(httpClient);
        return builder;
    }

    /** The shared HTTP client used by {@link #client(AwsClientBuilder)}. */
    public SdkHttpClient httpClient() {
        requireStarted();
        return httpClient;
    }

    /** Environment variables that point the default SDK chain at this server (for code built from the environment). */
    public java.util.Map<String, String> environment() {
        requireStarted();
        return java.util.Map.of(
                "AWS_ENDPOINT_URL", endpoint.toString(),
                "AWS_REGION", REGION.id(),
                "AWS_ACCESS_KEY_ID", "testing",
                "AWS_SECRET_ACCESS_KEY", "testing");
    }

    /** Stops the server and its child processes. */
    @Override
    public synchronized void close() {
        if (httpClient != null) httpClient.close();
        httpClient = null;
        if (process == null) return;
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private void requireStarted() {
        if (process == null) throw new IllegalStateException("moto server not started");
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive())
                throw new IllegalStateException("moto server exited with %d before answering; output:%n%s"
                        .formatted(process.exitValue(), logText()));
            try {
                if (request("GET", "/moto-api/") > 0) return;
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            sleep(100);
        }
        close();
        throw new IllegalStateException("moto server did not answer within " + START_TIMEOUT + "; output:\n" + logText());
    }

    private int request(String method, String path) {
        try {
            HttpURLConnection c = (HttpURLConnection) endpoint.resolve(path).toURL().openConnection();
            c.setRequestMethod(method);
            c.setConnectTimeout(1000);
            c.setReadTimeout(30_000);
            if (method.equals("POST")) {
                c.setDoOutput(true);
                c.getOutputStream().close();
            }
            int status = c.getResponseCode();
            (status >= 400 ? c.getErrorStream() : c.getInputStream()).readAllBytes();
            c.disconnect();
            return status;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String logText() {
        try {
            return log == null ? "" : Files.readString(log);
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static List<String> launcher() {
        String explicit = System.getenv("MOTO_SERVER");
        if (explicit != null && !explicit.isBlank()) return List.of(explicit);
        Path onPath = findOnPath("moto_server");
        if (onPath != null) return List.of(onPath.toString());
        Path shim = Path.of(System.getProperty("user.home"), ".pyenv", "shims", "moto_server");
        if (Files.isExecutable(shim)) return List.of(shim.toString());
        Path python = findOnPath("python3");
        if (python != null && runs(python.toString(), "-c", "import moto.server, flask"))
            return List.of(python.toString(), "-m", "moto.server");
        if (python != null && !installAttempted) {
            installAttempted = true;
            if (runs(python.toString(), "-m", "pip", "install", "--user", MOTO_PIN)
                    && runs(python.toString(), "-c", "import moto.server, flask"))
                return List.of(python.toString(), "-m", "moto.server");
        }
        throw new IllegalStateException("""
                moto server not found: put moto_server on PATH or set MOTO_SERVER to its path \
                (install with: python3 -m pip install '%s'; Debian: apt-get install python3-moto >= 5.2)"""
                .formatted(MOTO_PIN));
    }

    private static Path findOnPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) return candidate;
        }
        return null;
    }

    private static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for moto server", e);
        }
    }
}
