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
        this.clients = AwsClients.fromEnvironment(env);
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

    /** The live inventory of the region (CNI settings from each cluster's vpc-cni add-on, else configured, else ipamd's defaults). */
    /** The shared clients (exact mode reads endpoints and signs tokens with them). */
    public AwsClients clients() {
        return clients;
    }

    public InventorySource inventorySource(Map<String, CniSettings> configuredCni) {
        return AwsInventorySource.using(clients, configuredCni, message -> { });
    }
}
