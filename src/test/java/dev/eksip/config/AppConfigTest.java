package dev.eksip.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eksip.app.MetricMapping;
import dev.eksip.domain.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

class AppConfigTest {
    static Map<String, String> minimal() {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_REGION", "eu-west-1");
        env.put("ALERT_TOPIC_ARN", "arn:aws:sns:eu-west-1:123456789012:alerts");
        env.put("ALERT_STATE_TABLE", "alert-state");
        return env;
    }

    @Test
    void optionalVariablesTakeTheirDocumentedDefaults() {
        AppConfig c = AppConfig.from(minimal());
        assertThat(c.metricNamespace()).isEqualTo("EksIpForecast");
        assertThat(c.clusterNames()).isEmpty();
        assertThat(c.alertRepeatInterval()).isEqualTo(Duration.ofHours(24));
        assertThat(c.alertMinSeverity()).isEqualTo(Severity.WARNING);
        assertThat(c.metricDetail()).isEqualTo(MetricMapping.Detail.LEAN);
    }

    @Test
    void readsEveryVariable() {
        Map<String, String> env = minimal();
        env.put("METRIC_NAMESPACE", "Team/IpForecast");
        env.put("CLUSTER_NAMES", " web-prod, batch-jobs ,,web-prod");
        env.put("ALERT_REPEAT_INTERVAL", "PT6H");
        env.put("ALERT_MIN_SEVERITY", "CRITICAL");
        env.put("METRIC_DETAIL", " Full ");
        AppConfig c = AppConfig.from(env);
        assertThat(c.metricNamespace()).isEqualTo("Team/IpForecast");
        assertThat(c.clusterNames()).containsExactly("web-prod", "batch-jobs");
        assertThat(c.alertRepeatInterval()).isEqualTo(Duration.ofHours(6));
        assertThat(c.alertMinSeverity()).isEqualTo(Severity.CRITICAL);
        assertThat(c.metricDetail()).isEqualTo(MetricMapping.Detail.FULL);
    }

    @ParameterizedTest
    @CsvSource({"AWS_REGION", "ALERT_TOPIC_ARN", "ALERT_STATE_TABLE"})
    void aMissingRequiredVariableFailsNamingIt(String name) {
        Map<String, String> env = minimal();
        env.remove(name);
        assertThatThrownBy(() -> AppConfig.from(env)).isInstanceOf(IllegalStateException.class)
                .hasMessage("missing required environment variable " + name);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "AWS_REGION|Ireland",
            "METRIC_NAMESPACE|AWS/EC2",
            "ALERT_TOPIC_ARN|alerts",
            "ALERT_STATE_TABLE|a b",
            "CLUSTER_NAMES|web prod",
            "ALERT_REPEAT_INTERVAL|24h",
            "ALERT_REPEAT_INTERVAL|PT0S",
            "ALERT_MIN_SEVERITY|info",
            "METRIC_DETAIL|minimal",
            "READ_CONCURRENCY|0",
            "READ_CONCURRENCY|many",
            "READ_CONCURRENCY|257",
            "RUNWAY_HISTORY_DAYS|5",
            "RUNWAY_HISTORY_DAYS|two weeks",
            "RUNWAY_HISTORY_DAYS|456"})
    void anInvalidValueFailsNamingTheVariableAndWhatWasExpected(String name, String value) {
        Map<String, String> env = minimal();
        env.put(name, value);
        assertThatThrownBy(() -> AppConfig.from(env)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("invalid environment variable " + name + "=")
                .hasMessageContaining("expected");
    }

    @Test
    void clusterNamesListIsImmutable() {
        assertThat(AppConfig.from(minimal()).clusterNames()).isEqualTo(List.of());
    }

    @Test
    void aMetricNamespaceValueDefaultsWhenUnsetOrBlankAndIsTrimmed() {
        assertThat(AppConfig.metricNamespace((String) null)).isEqualTo(AppConfig.DEFAULT_NAMESPACE);
        assertThat(AppConfig.metricNamespace(" ")).isEqualTo(AppConfig.DEFAULT_NAMESPACE);
        assertThat(AppConfig.metricNamespace(" Team/Ip ")).isEqualTo("Team/Ip");
        assertThat(AppConfig.metricNamespace(Map.of("METRIC_NAMESPACE", "Team/Ip"))).isEqualTo("Team/Ip");
    }

    @Test
    void runwayHistoryDaysDefaultsTo14AndIsTrimmed() {
        assertThat(AppConfig.runwayHistoryDays(Map.of())).isEqualTo(AppConfig.DEFAULT_RUNWAY_HISTORY_DAYS).isEqualTo(14);
        assertThat(AppConfig.runwayHistoryDays(Map.of("RUNWAY_HISTORY_DAYS", " "))).isEqualTo(14);
        assertThat(AppConfig.runwayHistoryDays(Map.of("RUNWAY_HISTORY_DAYS", " 6 "))).isEqualTo(6);
        assertThat(AppConfig.runwayHistoryDays(Map.of("RUNWAY_HISTORY_DAYS", "455"))).isEqualTo(455);
    }

    @Test
    void readConcurrencyDefaultsTo16AndIsTrimmed() {
        assertThat(AppConfig.readConcurrency(Map.of())).isEqualTo(AppConfig.DEFAULT_READ_CONCURRENCY).isEqualTo(16);
        assertThat(AppConfig.readConcurrency(Map.of("READ_CONCURRENCY", " "))).isEqualTo(16);
        assertThat(AppConfig.readConcurrency(Map.of("READ_CONCURRENCY", " 1 "))).isEqualTo(1);
        assertThat(AppConfig.readConcurrency(Map.of("READ_CONCURRENCY", "64"))).isEqualTo(64);
    }
}
