package dev.eksip.testing.lambda;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar in a child JVM started the way Lambda's java21 runtime starts it: main class
 * {@code com.amazonaws.services.lambda.runtime.api.client.AWSLambda}, the handler as argument, the runtime's JVM
 * flags (serial GC, C1 only, heap ~85% of the function memory, the CRaC context), the Lambda environment variables.
 * With {@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start} in the environment the runtime client runs the SnapStart
 * hooks after init and asks the runtime API for {@code /runtime/restore/next} ({@link LambdaRuntimeStub#restored()}).
 */
public final class LambdaProcess implements AutoCloseable {
    /** The function's jar, as {@code make build-ForecastFunction} deploys it. */
    public static final Path JAR = Path.of("target", "eks-ip-forecaster-lambda.jar");
    public static final int MEMORY_MB = 1024;

    public final long startNanos;
    public final Path log;
    private final Process process;

    private LambdaProcess(Process process, long startNanos, Path log) {
        this.process = process;
        this.startNanos = startNanos;
        this.log = log;
    }

    public static LambdaProcess start(String classpath, String handler, Map<String, String> env) {
        if (!Files.isRegularFile(JAR))
            throw new IllegalStateException(JAR + " missing: run through Failsafe (mvn -Pit verify) so `package` runs first");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java,
                "-Xmx" + (MEMORY_MB * 85 / 100) + "m", "-XX:+UseSerialGC",
                "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                // as the java21 runtime starts it: org.crac forwards to the runtime client's CRaC context, whose
                // hooks run when AWS_LAMBDA_INITIALIZATION_TYPE=snap-start (SnapStartIT)
                "-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac",
                "-cp", classpath + File.pathSeparator + runtimeClasspath(),
                "com.amazonaws.services.lambda.runtime.api.client.AWSLambda", handler));
        try {
            Path log = Files.createTempFile("lambda-child-", ".log");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().clear();
            pb.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
            pb.environment().put("HOME", System.getProperty("java.io.tmpdir"));
            pb.environment().put("_HANDLER", handler);
            pb.environment().put("AWS_LAMBDA_FUNCTION_NAME", "ForecastFunction");
            pb.environment().put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
            pb.environment().put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(MEMORY_MB));
            pb.environment().put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/ForecastFunction");
            pb.environment().put("AWS_LAMBDA_LOG_STREAM_NAME", "2026/11/20/[$LATEST]it");
            pb.environment().put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
            pb.environment().put("AWS_EC2_METADATA_DISABLED", "true");
            pb.environment().putAll(env);
            long start = System.nanoTime();
            return new LambdaProcess(pb.start(), start, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The runtime interface client and its serialization library, from the test class path: the managed runtime
     * brings its own (/var/runtime/lib), so the packaged jars carry neither (LeanPackageIT).
     */
    static String runtimeClasspath() {
        return String.join(File.pathSeparator, jarOf("com.amazonaws.services.lambda.runtime.api.client.AWSLambda"),
                jarOf("com.amazonaws.services.lambda.runtime.serialization.PojoSerializer"));
    }

    private static String jarOf(String className) {
        try {
            return Path.of(Class.forName(className, false, LambdaProcess.class.getClassLoader())
                    .getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (ReflectiveOperationException | java.net.URISyntaxException e) {
            throw new IllegalStateException(className + " is not on the test class path", e);
        }
    }

    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Peak resident set size of the child in MB (Linux), -1 when unknown. */
    public long peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status")))
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
