package dev.eksip.lambda;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The AWS operations the adapters call, found by scanning the {@code aws} package's source: in each file, every
 * {@code .method(} whose name is an operation (or {@code …Paginator}) of an SDK sync client that the file imports,
 * mapped to its IAM action {@code service:Operation}.
 */
public final class AwsOperations {
    /**
     * Actions the function's role needs that are not calls of our code: publishing to the KMS-encrypted topic uses
     * its key; the SQS event source mapping polls the change queue with the function's role.
     */
    public static final Set<String> IMPLIED_ACTIONS = Set.of("kms:GenerateDataKey", "kms:Decrypt",
            "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes");
    /** Batch operations authorised by their single-item action (SQS has no {@code SendMessageBatch} action). */
    static final Map<String, String> BATCH_ACTIONS = Map.of("sqs:SendMessageBatch", "sqs:SendMessage");
    /**
     * Calls made without an SDK client method the scan can see: the SDK's assume-role credentials provider
     * ({@code TargetAccess}) and the hand-signed Organizations requests ({@code OrganizationsDirectory}).
     */
    public static final Set<String> DECLARED_ACTIONS = new java.util.TreeSet<>(java.util.stream.Stream.concat(
            dev.eksip.aws.TargetAccess.IAM_ACTIONS.stream(),
            dev.eksip.aws.OrganizationsDirectory.IAM_ACTIONS.stream()).toList());

    /** Calls that need no IAM permission. */
    static final Set<String> UNGUARDED = Set.of("sts:GetCallerIdentity");
    private static final Pattern CLIENT_IMPORT =
            Pattern.compile("import software\\.amazon\\.awssdk\\.services\\.(\\w+)\\.(\\w+Client);");
    private static final Pattern CALL = Pattern.compile("\\.(\\w+)\\(");
    /** SDK package → IAM service prefix, where they differ. */
    private static final Map<String, String> PREFIX = Map.of("cloudwatch", "cloudwatch", "autoscaling", "autoscaling");

    private AwsOperations() {
    }

    public static Set<String> iamActionsCalledIn(Path sourceDir) throws IOException {
        Set<String> actions = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sourceDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Map<String, String> operationToAction = new HashMap<>();
                Matcher imports = CLIENT_IMPORT.matcher(source);
                while (imports.find()) {
                    String pkg = imports.group(1);
                    Class<?> client = load("software.amazon.awssdk.services.%s.%s".formatted(pkg, imports.group(2)));
                    if (client == null || !client.isInterface()) continue;
                    String prefix = PREFIX.getOrDefault(pkg, pkg);
                    for (Method m : client.getMethods()) {
                        if (m.getParameterCount() != 1 || !m.getParameterTypes()[0].getSimpleName().endsWith("Request"))
                            continue;
                        String op = m.getName().endsWith("Paginator")
                                ? m.getName().substring(0, m.getName().length() - "Paginator".length()) : m.getName();
                        String action = prefix + ":" + Character.toUpperCase(op.charAt(0)) + op.substring(1);
                        operationToAction.put(m.getName(), action);
                    }
                }
                Matcher calls = CALL.matcher(source);
                while (calls.find()) {
                    String action = operationToAction.get(calls.group(1));
                    if (action != null && !UNGUARDED.contains(action)) actions.add(BATCH_ACTIONS.getOrDefault(action, action));
                }
            }
        }
        if (Files.exists(sourceDir.resolve("TargetAccess.java"))) actions.addAll(DECLARED_ACTIONS);
        return actions;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }
}
