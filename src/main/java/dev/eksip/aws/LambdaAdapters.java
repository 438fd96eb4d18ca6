package dev.eksip.aws;

import dev.eksip.app.port.AlertSink;
import dev.eksip.app.port.AlertStateStore;
import dev.eksip.app.port.ClusterLookup;
import dev.eksip.app.port.InventorySource;
import dev.eksip.app.port.MetricsSink;
import dev.eksip.domain.CniSettings;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;

import java.util.List;
import java.util.Map;

/**
 * The function's SDK clients, built once at INIT with {@link AwsClients#fromEnvironment} (region from
 * {@code AWS_REGION}, one shared URL-connection HTTP client, the default credentials chain, standard retries,
 * endpoints from {@code AWS_ENDPOINT_URL} / {@code AWS_ENDPOINT_URL_<SERVICE>}), and the adapters on top of them.
 */
public final class LambdaAdapters {
    private final AwsClients clients;
    private final CloudWatchClient cloudWatch;
    private final SnsClient sns;
    private final DynamoDbClient dynamoDb;

    public LambdaAdapters(Map<String, String> env) {
        this(AwsClients.fromEnvironment(env));
    }

    /**
     * The adapters over {@code http} (the SnapStart priming's {@link CannedHttpClient}) with fixed, fake credentials:
     * nothing of the real credentials chain is resolved and nothing unique is kept. Region and settings from
     * {@code env}.
     */
    public static LambdaAdapters canned(CannedHttpClient http, Map<String, String> env) {
        return new LambdaAdapters(AwsClients.over(AwsClients.region(env), http,
                software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("PRIMING", "priming")),
                env, CannedHttpClient.operationTagger()));
    }

    /** The adapters over given clients (the SnapStart priming's canned ones; tests' recording ones). */
    public LambdaAdapters(AwsClients clients) {
        this.clients = clients;
        this.cloudWatch = clients.client(CloudWatchClient.builder(), "CLOUDWATCH");
        this.sns = clients.client(SnsClient.builder(), "SNS");
        this.dynamoDb = clients.client(DynamoDbClient.builder(), "DYNAMODB");
    }

    public MetricsSink metricsSink(String namespace) {
        return new CloudWatchMetricsSink(cloudWatch, namespace);
    }

    public AlertSink alertSink(String topicArn) {
        return new SnsAlertSink(sns, topicArn);
    }

    public AlertStateStore alertStateStore(String table) {
        return new DynamoDbAlertStateStore(dynamoDb, table);
    }

    public ClusterLookup clusterLookup() {
        return new AutoScalingClusterLookup(clients.autoScaling());
    }

    /** The spoke role of every organization-wide target, assumed from this (the hub's) account. */
    public TargetAccess targetAccess(String roleName, java.util.Optional<String> externalId) {
        return TargetAccess.using(clients, roleName, externalId);
    }

    /** The organization's accounts (organizations:ListAccounts …). */
    public dev.eksip.app.fleet.AccountDirectory accountDirectory() {
        return OrganizationsDirectory.using(clients, message -> { });
    }

    /** The fan-out queue of organization-wide targets. */
    public dev.eksip.app.fleet.TargetQueue targetQueue(String queueUrl) {
        return new SqsTargetQueue(clients.client(software.amazon.awssdk.services.sqs.SqsClient.builder(), "SQS"),
                queueUrl);
    }

    /** When each target was last audited, in the alert state table. */
    public dev.eksip.app.fleet.AuditLedger auditLedger(String table) {
        return new DynamoDbAuditLedger(dynamoDb, table);
    }

    /** The alert state of one organization-wide target (its keys prefixed with the target's). */
    public AlertStateStore alertStateStore(String table, String targetKey) {
        return new DynamoDbAlertStateStore(dynamoDb, table).forTarget(targetKey);
    }

    /** A target's live inventory, read with {@code clients} (its assumed role, its region). */
    public static InventorySource inventorySource(AwsClients clients, Map<String, CniSettings> configuredCni) {
        return AwsInventorySource.using(clients, configuredCni, message -> { });
    }

    /** The live inventory of the region (CNI settings from each cluster's vpc-cni add-on, else configured, else ipamd's defaults). */
    /**
     * The function's runway history ({@code RunwayAddOn}): its own series in {@code namespace}, else the region's
     * scaling activities ({@link AwsRunway#IAM_ACTIONS}).
     */
    public dev.eksip.app.ReadRunway runwayHistory(String namespace) {
        return new dev.eksip.app.ReadRunway(new CloudWatchMetricHistory(cloudWatch, namespace),
                new AutoScalingScalingHistory(clients.autoScaling()));
    }

    /**
     * A hub target's runway history: its series as the hub published them (with {@code AccountId}, {@code Region}
     * in front, {@code TargetTagging}), else its scaling activities read through its spoke role ({@code target}).
     */
    public dev.eksip.app.ReadRunway runwayHistory(String namespace, AwsClients target, String accountId, String region) {
        List<software.amazon.awssdk.services.cloudwatch.model.Dimension> prefix = List.of(
                software.amazon.awssdk.services.cloudwatch.model.Dimension.builder()
                        .name(dev.eksip.app.fleet.TargetTagging.ACCOUNT_ID).value(accountId).build(),
                software.amazon.awssdk.services.cloudwatch.model.Dimension.builder()
                        .name(dev.eksip.app.fleet.TargetTagging.REGION).value(region).build());
        return new dev.eksip.app.ReadRunway(new CloudWatchMetricHistory(cloudWatch, namespace,
                CloudWatchMetricHistory.API_MAX_DATAPOINTS, prefix), new AutoScalingScalingHistory(target.autoScaling()));
    }

    /** The shared clients (exact mode reads endpoints and signs tokens with them). */
    public AwsClients clients() {
        return clients;
    }

    public InventorySource inventorySource(Map<String, CniSettings> configuredCni) {
        return AwsInventorySource.using(clients, configuredCni, message -> { });
    }
}
