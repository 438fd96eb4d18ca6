package dev.eksip.aws;

import dev.eksip.testing.forecast.Forecasts;

import static dev.eksip.testing.forecast.Forecasts.forecast;
import static dev.eksip.testing.forecast.Forecasts.subnet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eksip.app.alert.Alert;
import dev.eksip.app.alert.AlertPolicy;
import dev.eksip.app.port.AlertSink;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.Severity;
import dev.eksip.domain.SubnetForecast;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.PublishResponse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Issue 8 item 2: a cluster with 500 subnets at risk still gets one SNS message, under SNS's 256 KiB. */
class SnsAlertSizeTest {
    static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:alerts";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** 500 subnets at risk in one cluster: 100 critical (the worst: subnet-…0 to …99), then 400 warnings. */
    static Forecast fiveHundredAtRisk() {
        List<SubnetForecast> subnets = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            var b = subnet("subnet-%017d".formatted(i)).nodeGroups("web-spot", "web-on-demand", "web-arm64");
            subnets.add((i < 100 ? b.critical() : b.warning()).build());
        }
        return forecast(subnets);
    }

    /** SNS's count, written out independently of {@link SnsAlertSink#bytes}. */
    private static long snsBytes(PublishRequest r) {
        long n = r.subject().getBytes(StandardCharsets.UTF_8).length + r.message().getBytes(StandardCharsets.UTF_8).length;
        for (var a : r.messageAttributes().entrySet())
            n += a.getKey().length() + a.getValue().dataType().length()
                    + a.getValue().stringValue().getBytes(StandardCharsets.UTF_8).length;
        return n;
    }

    private static int listed(Alert a) {
        try {
            return JSON.readTree(a.json()).path("subnets").size();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Alert decide(Forecast f, java.util.function.Predicate<Alert> fits) {
        return AlertPolicy.decide(AlertPolicy.findings(f, Severity.WARNING).getFirst(), Optional.empty(),
                Duration.ofHours(24), fits).alert().orElseThrow();
    }

    @Test
    void everySubnetListedWouldBeFarOverTheLimitAndIsNotPublished() {
        Alert all = decide(fiveHundredAtRisk(), a -> true);
        long bytes = snsBytes(SnsAlertSink.request(TOPIC, all));
        System.out.printf("500 subnets at risk, all listed: %,d bytes (limit %,d)%n", bytes, SnsAlertSink.MAX_BYTES);
        assertThat(bytes).isGreaterThan(SnsAlertSink.MAX_BYTES);
        SnsClient neverCalled = new SnsClient() {
            @Override
            public PublishResponse publish(PublishRequest r) {
                throw new AssertionError("published a message SNS refuses");
            }

            @Override
            public String serviceName() {
                return "sns";
            }

            @Override
            public void close() {
            }
        };
        assertThatThrownBy(() -> new SnsAlertSink(neverCalled, TOPIC).send(all))
                .isInstanceOf(AlertSink.NotSentException.class).hasMessageContaining("over SNS's 262144");
    }

    @Test
    void theWorstSubnetsThatFitAreListedAndTheRestCounted() throws Exception {
        SnsAlertSink sink = new SnsAlertSink(SnsClient.builder().region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider.create())
                .build(), TOPIC);
        Alert fitted = decide(fiveHundredAtRisk(), sink::fits);
        PublishRequest request = SnsAlertSink.request(TOPIC, fitted);
        long bytes = snsBytes(request);
        JsonNode json = JSON.readTree(fitted.json());
        int listed = json.path("subnets").size();
        System.out.printf("500 subnets at risk, fitted: %,d bytes, %d subnets listed, %d more counted%n", bytes,
                listed, json.path("subnetsOmitted").asInt());

        assertThat(bytes).isEqualTo(SnsAlertSink.bytes(request)).isLessThanOrEqualTo(SnsAlertSink.MAX_BYTES);
        assertThat(listed).isBetween(50, 499);
        assertThat(json.path("subnetsAtRisk").asInt()).isEqualTo(500);
        assertThat(json.path("subnetsOmitted").asInt()).isEqualTo(500 - listed);
        assertThat(json.path("subnets").get(0).path("severity").asText()).isEqualTo("critical");
        assertThat(fitted.subject()).isEqualTo("[CRITICAL] web-prod: 500 EKS subnets at risk of IP exhaustion");
        assertThat(fitted.text()).contains("and %d more subnets at risk, less urgent than those above".formatted(500 - listed))
                .contains("subnet-%017d".formatted(listed - 1)).doesNotContain("subnet-%017d".formatted(listed));
        // the largest number that fits: one more subnet would not
        Alert oneMore = decide(fiveHundredAtRisk(), a -> listed(a) <= listed + 1);
        assertThat(listed(oneMore)).isEqualTo(listed + 1);
        assertThat(sink.fits(oneMore)).isFalse();
    }

    @Test
    void multiByteNamesAreCountedInBytesNotCharacters() {
        Alert a = decide(forecast(subnet("subnet-a").nodeGroups("東京".repeat(1000)).critical().build()), x -> true);
        PublishRequest r = SnsAlertSink.request(TOPIC, a);
        assertThat(SnsAlertSink.bytes(r)).isEqualTo(snsBytes(r)).isGreaterThan(r.message().length() + 1000L);
    }
}
