package dev.eksip.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * What {@code sam build} does with the function's {@code BuildMethod: makefile} (aws-lambda-builders'
 * {@code CustomMakeWorkflow}): copy the project, less {@code .git} and {@code .aws-sam}, to a scratch directory and
 * run {@code make build-ForecastFunction} there with {@code ARTIFACTS_DIR} set. Then the artefact is checked the way
 * the {@code java21} runtime reads it: class path {@code /var/task} plus {@code /var/task/lib/*.jar}, handler from
 * {@code template.yaml}. Slow (a clean package), hence an IT.
 */
class BuildArtifactIT {
    private static final Set<String> NOT_COPIED = Set.of(".git", ".aws-sam", "target");

    @Test
    void theMakefileTargetBuildsAnArtifactFromWhichTheJava21RuntimeLoadsTheHandler(@TempDir Path tmp) throws Exception {
        Path scratch = tmp.resolve("scratch");
        Path artifacts = Files.createDirectories(tmp.resolve("artifacts"));
        copyProject(Path.of(""), scratch);   // SAM copies target/ too; the target starts with clean anyway

        ProcessBuilder pb = new ProcessBuilder("make", "build-ForecastFunction").directory(scratch.toFile())
                .redirectErrorStream(true);
        pb.environment().put("ARTIFACTS_DIR", artifacts.toAbsolutePath().toString());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(900, TimeUnit.SECONDS)).as("make finished").isTrue();
        assertThat(p.exitValue()).as(output).isZero();

        // no test compiled or run
        assertThat(scratch.resolve("target/test-classes")).doesNotExist();
        assertThat(scratch.resolve("target/surefire-reports")).doesNotExist();
        // layout: lib/eks-ip-forecaster.jar and nothing else
        try (Stream<Path> all = Files.walk(artifacts)) {
            assertThat(all.filter(Files::isRegularFile).map(f -> artifacts.relativize(f).toString()))
                    .containsExactly("lib/eks-ip-forecaster.jar");
        }
        Path jar = artifacts.resolve("lib/eks-ip-forecaster.jar");
        try (JarFile j = new JarFile(jar.toFile())) {
            var main = j.getManifest().getMainAttributes();
            assertThat(main.getValue("Implementation-Version")).isEqualTo(Template.pomVersion());
            assertThat(main.getValue("Implementation-Title")).isEqualTo("eks-ip-forecaster");
            assertThat(j.getEntry("META-INF/LICENSE")).isNotNull();
        }

        String handler = Template.load().resource("ForecastFunction").path("Properties").path("Handler").asText();
        String className = handler.substring(0, handler.indexOf("::"));
        String method = handler.substring(handler.indexOf("::") + 2);
        URL[] classPath = {artifacts.toUri().toURL(), jar.toUri().toURL()};
        try (URLClassLoader runtime = new URLClassLoader(classPath, ClassLoader.getPlatformClassLoader())) {
            Class<?> cls = Class.forName(className, false, runtime);
            Class<?> streamHandler = runtime.loadClass("com.amazonaws.services.lambda.runtime.RequestStreamHandler");
            assertThat(streamHandler.isAssignableFrom(cls)).as(className + " is a RequestStreamHandler").isTrue();
            assertThat(cls.getConstructor()).isNotNull();
            assertThat(cls.getMethods()).anySatisfy(m -> assertThat(m.getName()).isEqualTo(method));
            assertThat(runtime.getResource("data/instance-limits.csv")).as("embedded data").isNotNull();
            assertThat(runtime.getResource("dev/eksip/lambda/HandlerHarness.class")).as("test classes").isNull();
        }
    }

    /** The recipe lines of a Makefile target, trimmed. */
    static List<String> recipe(String target) {
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of("Makefile"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = lines.indexOf(target + ":");
        if (start < 0) throw new AssertionError("Makefile has no target " + target);
        List<String> out = new ArrayList<>();
        for (int i = start + 1; i < lines.size() && lines.get(i).startsWith("\t"); i++) out.add(lines.get(i).trim());
        return out;
    }

    private static void copyProject(Path from, Path to) throws IOException {
        Path root = from.toAbsolutePath();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path rel = root.relativize(f);
                if (rel.getNameCount() > 0 && NOT_COPIED.contains(rel.getName(0).toString())) continue;
                Path dest = to.resolve(rel.toString());
                if (Files.isDirectory(f)) Files.createDirectories(dest);
                else Files.copy(f, dest, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }
}
