package dev.eksip.app.alert;

import dev.eksip.testing.forecast.Forecasts;

import static dev.eksip.testing.forecast.Forecasts.forecast;
import static dev.eksip.testing.forecast.Forecasts.subnet;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eksip.domain.Severity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

/** Issue 8 item 13 (e-mail half): names from AWS are escaped in the subject and text, exact in the JSON. */
class AlertEscapingTest {
    private static final String CLUSTER = "web\u001b[31m\nprod\u202e";
    private static final String NODE_GROUP = "ng\ttab\u2066";

    private static Alert alert() {
        return AlertPolicy.decide(AlertPolicy.findings(forecast(subnet("subnet-a").clusters(CLUSTER)
                        .nodeGroups(NODE_GROUP).warning().build()), Severity.WARNING).getFirst(), Optional.empty(),
                Duration.ofHours(24)).alert().orElseThrow();
    }

    @Test
    void theTextShowsControlAndBidiCharactersAsEscapes() {
        Alert a = alert();
        assertThat(a.text()).doesNotContain("\u001b", "\u202e", "\t", "\u2066")
                .startsWith("EKS IP forecast for cluster web\\u001B[31m\\u000Aprod\\u202E (account")
                .contains("Node groups: ng\\u0009tab\\u2066");
        assertThat(a.text().lines().filter(l -> l.startsWith("prod"))).isEmpty();   // no injected line
    }

    @Test
    void theSubjectIsOneAsciiLineWithTheEscapesVisible() {
        assertThat(alert().subject()).isEqualTo("[WARNING] web\\u001B[31m\\u000Aprod\\u202E: 1 EKS subnet at risk of IP exhaustion");
    }

    @Test
    void theJsonAndTheAlertsClusterKeepTheExactName() throws Exception {
        Alert a = alert();
        JsonNode json = new ObjectMapper().readTree(a.json());
        assertThat(json.path("cluster").asText()).isEqualTo(CLUSTER);
        assertThat(json.path("subnets").get(0).path("nodeGroups").get(0).asText()).isEqualTo(NODE_GROUP);
        assertThat(a.cluster()).isEqualTo(CLUSTER);
    }
}
