package dev.eksip.config;

import static java.util.Objects.requireNonNull;

import dev.eksip.app.MetricMapping;
import dev.eksip.domain.CniSettings;
import dev.eksip.domain.Severity;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The function's configuration, read once at INIT from the environment ({@code template.yaml} sets every variable;
 * the README lists them). {@link #from} fails fast with a message naming the variable.
 *
 * <p>{@code AWS_REGION} (set by Lambda) is required and checked here, so a missing or malformed region fails at INIT
 * naming the variable; it is not kept, because the SDK clients take it from the same environment
 * ({@code AwsClients.fromEnvironment}) and a copy here would be one nobody reads.
 *
 * @param metricNamespace     {@code METRIC_NAMESPACE}, default {@value #DEFAULT_NAMESPACE}
 * @param alertTopicArn       {@code ALERT_TOPIC_ARN}, required
 * @param alertStateTable     {@code ALERT_STATE_TABLE}, required: DynamoDB table keeping alert state across runs
 * @param clusterNames        {@code CLUSTER_NAMES}, comma list; empty = every cluster in the region
 * @param alertRepeatInterval {@code ALERT_REPEAT_INTERVAL}, ISO-8601 duration, default {@code PT24H}: an unchanged
 *                            finding is not re-sent more often than this
 * @param alertMinSeverity    {@code ALERT_MIN_SEVERITY}, {@code warning} (default) or {@code critical}
 * @param configuredCni       {@code CNI_SETTINGS}, see {@link ConfiguredCni} (default: none)
 * @param metricDetail        {@code METRIC_DETAIL}, {@code lean} (default) or {@code full}: which metrics are
 *                            published ({@link MetricMapping.Detail})
 *                            <p>{@code READ_CONCURRENCY} is validated here but not kept: {@link #readConcurrency}.
 */
public record AppConfig(String metricNamespace, String alertTopicArn, String alertStateTable,
                        List<String> clusterNames, Duration alertRepeatInterval, Severity alertMinSeverity,
                        Map<String, CniSettings> configuredCni, MetricMapping.Detail metricDetail) {
    public static final String METRIC_NAMESPACE = "METRIC_NAMESPACE";
    public static final String METRIC_DETAIL = "METRIC_DETAIL";
    /** Exact mode's opt-in ({@link KubernetesRead}). */
    public static final String KUBERNETES_READ = "KUBERNETES_READ";
    public static final String DEFAULT_NAMESPACE = "EksIpForecast";
    /** The most AWS read calls in flight at once during an inventory read (the CLI's {@code --read-concurrency}). */
    public static final String READ_CONCURRENCY = "READ_CONCURRENCY";
    public static final int DEFAULT_READ_CONCURRENCY = 16;
    public static final int MAX_READ_CONCURRENCY = 256;
    public static final Duration DEFAULT_REPEAT = Duration.ofHours(24);
    /** Days of history the function's runway reads ({@code RunwayAddOn}); kept out of the record like READ_CONCURRENCY. */
    public static final String RUNWAY_HISTORY_DAYS = "RUNWAY_HISTORY_DAYS";
    public static final int DEFAULT_RUNWAY_HISTORY_DAYS = 14;
    /** As the CLI's {@code --history}: 6 days (RunwayEstimator.MIN_DAYS, a bounded interval) to 455 (hourly points kept). */
    public static final int MIN_RUNWAY_HISTORY_DAYS = 6;
    public static final int MAX_RUNWAY_HISTORY_DAYS = 455;

    private static final Pattern CLUSTER_NAME = Pattern.compile("[0-9A-Za-z][A-Za-z0-9\\-_]{0,99}");
    private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.\\-]{3,255}|arn:aws[a-z\\-]*:dynamodb:.+");
    private static final Pattern TOPIC_ARN = Pattern.compile("arn:aws[a-z\\-]*:sns:[a-z0-9\\-]+:\\d{12}:[A-Za-z0-9_\\-.]{1,256}");

    public AppConfig {
        requireNonNull(metricNamespace, "metricNamespace");
        requireNonNull(alertTopicArn, "alertTopicArn");
        requireNonNull(alertStateTable, "alertStateTable");
        clusterNames = List.copyOf(clusterNames);
        requireNonNull(alertRepeatInterval, "alertRepeatInterval");
        requireNonNull(alertMinSeverity, "alertMinSeverity");
        configuredCni = Map.copyOf(configuredCni);
        requireNonNull(metricDetail, "metricDetail");
    }

    /** Reads and validates the configuration; throws {@link IllegalStateException} naming the bad variable. */
    public static AppConfig from(Map<String, String> env) {
        String region = required(env, "AWS_REGION");
        if (!region.matches("[a-z]{2}(-[a-z]+)+-\\d"))
            throw invalid("AWS_REGION", region, "a region code such as eu-west-1");
        String namespace = metricNamespace(env);
        String topic = required(env, "ALERT_TOPIC_ARN");
        if (!TOPIC_ARN.matcher(topic).matches())
            throw invalid("ALERT_TOPIC_ARN", topic, "an SNS topic ARN (arn:aws:sns:REGION:ACCOUNT:NAME)");
        String table = required(env, "ALERT_STATE_TABLE");
        if (!TABLE_NAME.matcher(table).matches())
            throw invalid("ALERT_STATE_TABLE", table, "a DynamoDB table name or ARN");
        List<String> clusters = Arrays.stream(optional(env, "CLUSTER_NAMES", "").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
        for (String c : clusters)
            if (!CLUSTER_NAME.matcher(c).matches())
                throw invalid("CLUSTER_NAMES", c, "comma-separated EKS cluster names");
        KubernetesRead.from(env);   // exact mode's variables fail here, naming themselves (Wiring reads them)
        String repeatText = optional(env, "ALERT_REPEAT_INTERVAL", DEFAULT_REPEAT.toString());
        Duration repeat;
        try {
            repeat = Duration.parse(repeatText);
        } catch (DateTimeParseException e) {
            throw invalid("ALERT_REPEAT_INTERVAL", repeatText, "an ISO-8601 duration such as PT24H");
        }
        if (repeat.isNegative() || repeat.isZero())
            throw invalid("ALERT_REPEAT_INTERVAL", repeatText, "a positive duration");
        String severityText = optional(env, "ALERT_MIN_SEVERITY", "warning");
        Severity severity = switch (severityText.toLowerCase(Locale.ROOT)) {
            case "warning" -> Severity.WARNING;
            case "critical" -> Severity.CRITICAL;
            default -> throw invalid("ALERT_MIN_SEVERITY", severityText, "warning or critical");
        };
        String cniSettings = optional(env, "CNI_SETTINGS", "");
        readConcurrency(env);   // validated at INIT; the SDK clients read it from the same environment
        runwayHistoryDays(env);   // validated at INIT; Wiring reads it
        return new AppConfig(namespace, topic, table, clusters, repeat, severity,
                cniSettings.isEmpty() ? Map.of() : ConfiguredCni.parse(cniSettings), metricDetail(env.get(METRIC_DETAIL)));
    }

    /**
     * {@code READ_CONCURRENCY} (unset or blank: {@value #DEFAULT_READ_CONCURRENCY}): how many AWS read calls an
     * inventory read makes at once, 1 (one after another) to {@value #MAX_READ_CONCURRENCY}. Like the region, it is
     * taken by the SDK clients from the environment ({@code AwsClients.fromEnvironment}), not kept here.
     */
    public static int readConcurrency(Map<String, String> env) {
        return boundedInt(env, READ_CONCURRENCY, DEFAULT_READ_CONCURRENCY, 1, MAX_READ_CONCURRENCY,
                "a whole number from 1 to " + MAX_READ_CONCURRENCY);
    }

    /**
     * {@code RUNWAY_HISTORY_DAYS} (unset or blank: {@value #DEFAULT_RUNWAY_HISTORY_DAYS}): the window of history the
     * function's runway reads, {@value #MIN_RUNWAY_HISTORY_DAYS} to {@value #MAX_RUNWAY_HISTORY_DAYS} (CloudWatch keeps hourly points 455 days:
     * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch_concepts.html#Metric; the
     * scaling-activity fallback reads at most the six weeks Auto Scaling keeps).
     */
    public static int runwayHistoryDays(Map<String, String> env) {
        return boundedInt(env, RUNWAY_HISTORY_DAYS, DEFAULT_RUNWAY_HISTORY_DAYS, MIN_RUNWAY_HISTORY_DAYS,
                MAX_RUNWAY_HISTORY_DAYS, daysExpected());
    }

    /** A whole number from {@code min} to {@code max} in {@code name}; unset or blank: {@code fallback}. */
    private static int boundedInt(Map<String, String> env, String name, int fallback, int min, int max,
                                  String expected) {
        String value = env.get(name);
        if (value == null || value.isBlank()) return fallback;
        int n;
        try {
            n = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw invalid(name, value, expected);
        }
        if (n < min || n > max) throw invalid(name, value, expected);
        return n;
    }

    private static String daysExpected() {
        return "a whole number of days from %d to %d".formatted(MIN_RUNWAY_HISTORY_DAYS, MAX_RUNWAY_HISTORY_DAYS);
    }

    /**
     * A {@code METRIC_DETAIL} value ({@code null} or blank: {@code lean}), validated; the CLI's
     * {@code audit --publish} reads it too.
     */
    public static MetricMapping.Detail metricDetail(String value) {
        if (value == null || value.isBlank()) return MetricMapping.Detail.LEAN;
        try {
            return MetricMapping.Detail.parse(value);
        } catch (IllegalArgumentException e) {
            throw invalid(METRIC_DETAIL, value.trim(), "lean or full");
        }
    }

    /** {@code METRIC_NAMESPACE} from {@code env}, validated. */
    public static String metricNamespace(Map<String, String> env) {
        return metricNamespace(env.get(METRIC_NAMESPACE));
    }

    /**
     * A {@code METRIC_NAMESPACE} value ({@code null} or blank: the default), validated; the CLI's
     * {@code audit --publish} reads it too.
     */
    public static String metricNamespace(String value) {
        String namespace = value == null || value.isBlank() ? DEFAULT_NAMESPACE : value.trim();
        if (namespace.length() > 255 || namespace.startsWith("AWS/") || !namespace.matches("[A-Za-z0-9.\\-_/#:]+"))
            throw invalid(METRIC_NAMESPACE, namespace,
                    "1-255 characters of A-Z a-z 0-9 . - _ / # :, not starting with AWS/");
        return namespace;
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank())
            throw new IllegalStateException("missing required environment variable " + name);
        return value.trim();
    }

    private static String optional(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static IllegalStateException invalid(String name, String value, String expected) {
        return new IllegalStateException("invalid environment variable %s='%s': expected %s"
                .formatted(name, value, expected));
    }
}
