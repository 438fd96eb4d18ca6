package dev.eksip.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The function's package carries nothing the managed {@code java21} runtime brings or the function never calls:
 * the runtime interface client (and its native libraries) and its serialization library (the runtime has its own,
 * under /var/runtime/lib), the SDK's Apache 5 HTTP client (the clients use url-connection-client), joda-time (pulled
 * in by aws-lambda-java-events, used by no event type the function reads) and the STS/SSO modules (credentials
 * come from the function's environment). Checked in both forms of deployment: the jar {@code make
 * build-ForecastFunction} copies (target/eks-ip-forecaster-lambda.jar), and what SAM's Maven builder would copy
 * (aws-lambda-builders, workflows/java_maven/maven.py {@code SubprocessMaven.copy_dependency}: {@code mvn
 * dependency:copy-dependencies -DincludeScope=runtime -Dmdep.prependGroupId=true}, then actions.py
 * {@code JavaMavenCopyArtifactsAction._copy_artifacts}: target/classes plus target/dependency as lib/). The CLI jar
 * keeps STS and SSO (profiles with role_arn or sso_session load them by reflection) but not the rest.
 */
class LeanPackageIT {
    static final Path LAMBDA_JAR = Path.of("target", "eks-ip-forecaster-lambda.jar");
    static final Path CLI_JAR = Path.of("target", "eks-ip-forecaster.jar");

    /** Jar entry prefixes of what neither artifact may carry. */
    private static final List<String> NEVER = List.of(
            "com/amazonaws/services/lambda/runtime/api/client/", "jni/",
            "com/amazonaws/services/lambda/runtime/serialization/", "org/joda/time/",
            "software/amazon/awssdk/http/apache5/", "org/apache/hc/");
    private static final List<String> NOT_IN_FUNCTION = List.of(
            "software/amazon/awssdk/services/sso/", "software/amazon/awssdk/services/ssooidc/");
    /** The organization-wide hub assumes its spoke roles (aws/TargetAccess): STS is in both jars. */
    private static final String STS = "software/amazon/awssdk/services/sts/auth/StsAssumeRoleCredentialsProvider";

    /** Artifact ids (file names prefixed by group id, as the builder names them) the builder must not copy. */
    private static final List<String> NEVER_COPIED = List.of("aws-lambda-java-runtime-interface-client",
            "aws-lambda-java-serialization", "apache5-client", "joda-time", "httpclient5", "httpcore5");

    @Test
    void theFunctionJarCarriesNoRuntimeClientNoApacheClientNoJodaNoSsoButSts() throws IOException {
        List<String> entries = entries(LAMBDA_JAR);
        assertThat(entries).as("handler").contains("dev/eksip/lambda/ForecastHandler.class");
        for (String prefix : NEVER) assertThat(entries).as(prefix).noneMatch(e -> e.startsWith(prefix));
        for (String prefix : NOT_IN_FUNCTION) assertThat(entries).as(prefix).noneMatch(e -> e.startsWith(prefix));
        assertThat(entries).as("the hub's assume-role provider").anyMatch(e -> e.startsWith(STS));
        System.out.printf("function jar %s: %,d bytes%n", LAMBDA_JAR, Files.size(LAMBDA_JAR));
    }

    @Test
    void theCliJarKeepsStsAndSsoButNotTheRest() throws IOException {
        List<String> entries = entries(CLI_JAR);
        for (String prefix : NEVER) assertThat(entries).as(prefix).noneMatch(e -> e.startsWith(prefix));
        for (String prefix : NOT_IN_FUNCTION) assertThat(entries).as(prefix).anyMatch(e -> e.startsWith(prefix));
        System.out.printf("CLI jar %s: %,d bytes%n", CLI_JAR, Files.size(CLI_JAR));
    }

    @Test
    void samsMavenBuilderWouldCopyNoneOfThem(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("dependency");
        // Online, as the builder runs it: offline, a machine that never resolved the 'dependency' prefix fails.
        ProcessBuilder pb = new ProcessBuilder("sh", "./mvnw", "-q", "-B", "dependency:copy-dependencies",
                "-DincludeScope=runtime", "-Dmdep.prependGroupId=true", "-DoutputDirectory=" + out.toAbsolutePath())
                .redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(600, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        List<String> copied;
        long bytes = 0;
        try (Stream<Path> files = Files.list(out)) {
            copied = files.map(f -> f.getFileName().toString()).sorted().toList();
        }
        for (String f : copied) bytes += Files.size(out.resolve(f));
        assertThat(copied).as("copied").anyMatch(f -> f.startsWith("software.amazon.awssdk.ec2-"));
        for (String artifact : NEVER_COPIED)
            assertThat(copied).as(artifact).noneMatch(f -> f.contains("." + artifact + "-"));
        System.out.printf("SAM Maven builder set: %d jars, %,d bytes (plus target/classes)%n", copied.size(), bytes);
    }

    private static List<String> entries(Path jar) throws IOException {
        assertThat(jar).as("run through Failsafe (mvn -Pit verify) so `package` runs first").isRegularFile();
        List<String> out = new ArrayList<>();
        try (JarFile j = new JarFile(jar.toFile())) {
            for (JarEntry e : (Iterable<JarEntry>) j.stream()::iterator) out.add(e.getName());
        }
        return out;
    }
}
