package dev.eksip.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.util.Map;

class AwsClientsTest {
    @Test
    void aServiceSpecificEndpointWinsOverTheGeneralOne() {
        Map<String, String> env = Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:5000",
                "AWS_ENDPOINT_URL_EKS", "http://127.0.0.1:6000");
        assertThat(AwsClients.endpoint(env, "EKS")).isEqualTo(URI.create("http://127.0.0.1:6000"));
        assertThat(AwsClients.endpoint(env, "EC2")).isEqualTo(URI.create("http://127.0.0.1:5000"));
        assertThat(AwsClients.endpoint(Map.of(), "EC2")).isNull();
        assertThat(AwsClients.endpoint(Map.of("AWS_ENDPOINT_URL", " "), "EC2")).isNull();
    }

    @Test
    void regionComesFromAwsRegionThenAwsDefaultRegion() {
        assertThat(AwsClients.region(Map.of("AWS_REGION", "eu-west-1", "AWS_DEFAULT_REGION", "us-west-2")))
                .isEqualTo(Region.EU_WEST_1);
        assertThat(AwsClients.region(Map.of("AWS_DEFAULT_REGION", "us-west-2"))).isEqualTo(Region.US_WEST_2);
    }

    @Test
    void clientsAreBuiltForTheRegionWithTheCounterInstalled() {
        ApiCallCounter counter = new ApiCallCounter();
        try (AwsClients clients = AwsClients.fromEnvironment(Map.of("AWS_REGION", "ap-southeast-2"), counter)) {
            assertThat(clients.region()).isEqualTo(Region.AP_SOUTHEAST_2);
            assertThat(clients.ec2().serviceClientConfiguration().region()).isEqualTo(Region.AP_SOUTHEAST_2);
            assertThat(clients.eks().serviceClientConfiguration().overrideConfiguration().executionInterceptors())
                    .contains(counter);
            assertThat(clients.autoScaling().serviceClientConfiguration().overrideConfiguration().retryStrategy())
                    .hasValueSatisfying(r -> assertThat(r.maxAttempts()).isEqualTo(AwsClients.MAX_ATTEMPTS));
            // adaptive mode: throttling slows the client's own request rate, so concurrent reads respect rate limits
            assertThat(clients.ec2().serviceClientConfiguration().overrideConfiguration().retryStrategy())
                    .hasValueSatisfying(r -> assertThat(r)
                            .isInstanceOf(software.amazon.awssdk.retries.AdaptiveRetryStrategy.class));
            assertThat(clients.readConcurrency()).isEqualTo(16);
        }
        assertThat(counter.total()).isZero();
    }

    @Test
    void theReadConcurrencyComesFromTheEnvironmentMap() {
        try (AwsClients clients = AwsClients.fromEnvironment(Map.of("AWS_REGION", "eu-west-1",
                "READ_CONCURRENCY", "4"))) {
            assertThat(clients.readConcurrency()).isEqualTo(4);
        }
    }

    @Test
    void otherServicesGetTheSameSettingsAndTheirOwnEndpoint() {
        ApiCallCounter counter = new ApiCallCounter();
        try (AwsClients clients = AwsClients.fromEnvironment(Map.of("AWS_REGION", "eu-central-1",
                "AWS_ENDPOINT_URL_STS", "http://127.0.0.1:4566"), counter);
             var sts = clients.client(software.amazon.awssdk.services.sts.StsClient.builder(), "STS")) {
            var config = sts.serviceClientConfiguration();
            assertThat(config.region()).isEqualTo(Region.EU_CENTRAL_1);
            assertThat(config.endpointOverride()).contains(URI.create("http://127.0.0.1:4566"));
            assertThat(config.overrideConfiguration().executionInterceptors()).contains(counter);
        }
    }
}
