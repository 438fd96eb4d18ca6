package dev.eksip.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

/** {@link AwsClients.Timing}: production timeouts by default, shorter ones where a test asks (same attempts). */
class AwsClientsTimingTest {
    @Test
    void theDefaultIsTheProductionTimeouts() {
        try (AwsClients clients = AwsClients.fromEnvironment(Map.of("AWS_REGION", "us-east-1"))) {
            var config = clients.ec2().serviceClientConfiguration().overrideConfiguration();
            assertThat(config.apiCallTimeout()).contains(AwsClients.API_CALL_TIMEOUT);
            assertThat(config.apiCallAttemptTimeout()).contains(AwsClients.API_CALL_ATTEMPT_TIMEOUT);
        }
    }

    @Test
    void aTimingShortensTheTimeoutsButNotTheAttempts() {
        var timing = new AwsClients.Timing(Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ofMillis(10));
        try (AwsClients clients = AwsClients.fromEnvironment(Map.of("AWS_REGION", "us-east-1"), timing)) {
            var config = clients.eks().serviceClientConfiguration().overrideConfiguration();
            assertThat(config.apiCallTimeout()).contains(Duration.ofSeconds(3));
            assertThat(config.apiCallAttemptTimeout()).contains(Duration.ofSeconds(1));
            assertThat(config.retryStrategy()).hasValueSatisfying(
                    r -> assertThat(r.maxAttempts()).isEqualTo(AwsClients.MAX_ATTEMPTS));
        }
    }
}
