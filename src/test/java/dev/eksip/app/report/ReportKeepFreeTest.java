package dev.eksip.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.GrowthForecast;
import dev.eksip.domain.Severity;
import dev.eksip.domain.SubnetForecast;
import dev.eksip.testing.forecast.Forecasts;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The report shows what a subnet must keep free: @UPDATE, the control plane, load balancers, leaked ENIs. */
class ReportKeepFreeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static SubnetForecast keepFree() {
        return new SubnetForecast("subnet-cp", "vpc-1", "us-east-1a", "10.0.9.0/27", 27, 2, 0, false, -1,
                new GrowthForecast(2, 2, 2), new GrowthForecast(1, 1, 1), 0, Severity.CRITICAL, List.of("c1"),
                List.of("c1/ng"), "EKS places the control plane of c1 here.", "Free addresses here.",
                java.util.Optional.empty(), new GrowthForecast(-3, -4, -5), Map.of("c1/ng", 2), List.of("c1"), true, 3, 12);
    }

    @Test
    void theLegendSaysEachThingOnce() {
        String table = ReportTable.render(Forecasts.forecast(keepFree()), "test");
        String legend = table.substring(table.indexOf("AVAIL: AvailableIpAddressCount")).replaceAll("\\s+", " ");

        assertThat(legend.split("addresses in free aligned /28 blocks", -1)).as(legend).hasSize(2);
        assertThat(legend).contains("@UPDATE: addresses left while managed node groups are updated");
    }

    @Test
    void theTableHasAnUpdateColumnAndSaysWhatTheSubnetKeepsFree() {
        Forecast f = Forecasts.forecast(keepFree());
        String table = ReportTable.render(f, "test");

        assertThat(table).contains("@UPDATE");
        String header = table.lines().filter(l -> l.startsWith("SUBNET")).findFirst().orElseThrow();
        assertThat(header.indexOf("@UPDATE")).isGreaterThan(header.indexOf("@MAX"));
        String row = table.lines().filter(l -> l.startsWith("subnet-cp")).findFirst().orElseThrow();
        assertThat(row.split("\\s+")).containsSequence("2", "1", "-4");
        assertThat(table.replaceAll("\\s+", " ")).contains("control plane of c1").contains("load balancers")
                .contains("update surge: c1/ng +2").contains("3 leaked CNI ENIs hold 12 reclaimable addresses");
    }

    @Test
    void theJsonCarriesTheUpdateForecastSurgeControlPlaneLoadBalancerAndLeakedEnis() {
        JsonNode s = JSON.valueToTree(ReportJson.subnet(keepFree()));

        assertThat(s.get("forecastAtUpdate").get("median").asInt()).isEqualTo(-4);
        assertThat(s.get("updateSurge").get("c1/ng").asInt()).isEqualTo(2);
        assertThat(s.get("controlPlaneOf").get(0).asText()).isEqualTo("c1");
        assertThat(s.get("loadBalancerSubnet").asBoolean()).isTrue();
        assertThat(s.get("leakedEnis").asInt()).isEqualTo(3);
        assertThat(s.get("reclaimableIps").asInt()).isEqualTo(12);
    }
}
