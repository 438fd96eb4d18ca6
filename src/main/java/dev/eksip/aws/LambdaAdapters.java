package dev.eksip.aws;

import dev.eksip.app.AlertSink;
import dev.eksip.app.AlertStateStore;
import dev.eksip.app.ClusterLookup;
import dev.eksip.app.InventorySource;
import dev.eksip.app.MetricsSink;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;

import java.time.Duration;

/**
 * Builds the SDK clients the function needs once (at INIT) and the adapters on top of them. Region explicit,
 * one shared URL-connection HTTP client, the default credentials chain, the SDK's standard retries; endpoints
 * follow {@code AWS_ENDPOINT_URL} / {@code AWS_ENDPOINT_URL_<SERVICE>} (the SDK reads them itself).
 */
public final class LambdaAdapters {
    /** Fits the template's function timeout (60 s) with room for retries of a slow call. */
    static final ClientOverrideConfiguration CALLS = ClientOverrideConfiguration.builder()
            .apiCallTimeout(Duration.ofSeconds(25))
            .apiCallAttemptTimeout(Duration.ofSeconds(8))
            .build();

    private final SdkHttpClient http;
    private final Region region;
    private final CloudWatchClient cloudWatch;
    private final SnsClient sns;
    private final DynamoDbClient dynamoDb;
    private final AutoScalingClient autoScaling;

    public LambdaAdapters(String region) {
        this.region = Region.of(region);
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(3))
                .socketTimeout(Duration.ofSeconds(8))
                .build();
        this.cloudWatch = CloudWatchClient.builder().region(this.region).httpClient(http).overrideConfiguration(CALLS).build();
        this.sns = SnsClient.builder().region(this.region).httpClient(http).overrideConfiguration(CALLS).build();
        this.dynamoDb = DynamoDbClient.builder().region(this.region).httpClient(http).overrideConfiguration(CALLS).build();
        this.autoScaling = AutoScalingClient.builder().region(this.region).httpClient(http).overrideConfiguration(CALLS).build();
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
        return new AutoScalingClusterLookup(autoScaling);
    }

    /** The live inventory of this region. */
    public InventorySource inventorySource() {
        return clusters -> {
            throw new UnsupportedOperationException("live inventory is not available in this build yet");
        };
    }
}
