package dev.eksip.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eksip.app.RunForecast;
import dev.eksip.domain.Cluster;
import dev.eksip.domain.CniSettings;
import dev.eksip.domain.CniSource;
import dev.eksip.domain.Eni;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.InterfaceType;
import dev.eksip.domain.Inventory;
import dev.eksip.domain.InventoryGap;
import dev.eksip.domain.IpFamily;
import dev.eksip.domain.Node;
import dev.eksip.domain.NodeGroup;
import dev.eksip.domain.Scope;
import dev.eksip.domain.Subnet;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Issue 8 item 13: names from AWS with newlines, tabs, ANSI escapes or bidi controls are escaped in the table (a
 * forged line, a colour or reordered text cannot appear), and the JSON report keeps them exact.
 */
class ReportTableEscapeTest {
    private static final Instant NOW = Instant.parse("2026-11-25T13:00:00Z");
    private static final String GROUP = "web\n[critical] subnet-ok \u001B[32mall fine\u001B[0m";
    private static final String CLUSTER = "prod\t\u202Eyrtne";
    private static final String ZONE = "us-east-1a\u0085";

    private static Forecast forecast() {
        Subnet subnet = new Subnet("subnet-1\r", "vpc-1\u2066", ZONE, "10.0.0.0/24", 20, Map.of(), List.of());
        NodeGroup group = new NodeGroup(GROUP, false, false, List.of("m5.large"), 1, 1, 30, List.of("subnet-1\r"),
                GROUP, 0);
        Cluster cluster = new Cluster(CLUSTER, "vpc-1\u2066", IpFamily.IPV4, CniSettings.DEFAULTS, CniSource.DEFAULT,
                Map.of(), List.of(group));
        Eni eni = new Eni("eni-1", "subnet-1\r", "i-1", InterfaceType.INTERFACE, 0, "10.0.0.10", List.of("10.0.0.11"),
                List.of(), false);
        Node node = new Node("i-1", CLUSTER, GROUP, "m5.large", "subnet-1\r", ZONE, List.of(eni));
        InventoryGap gap = new InventoryGap(Scope.nodeGroup(CLUSTER, "asg\nx"), "autoscaling:DescribeAutoScalingGroups",
                "Throttling\u001B[2J", "group asg\nx could not be read\u200F");
        return RunForecast.forecast(new Inventory("123456789012", "us-east-1", NOW, List.of(subnet),
                List.of(cluster), List.of(node), List.of(), List.of(), List.of(gap)), NOW);
    }

    @Test
    void theTableShowsNoRawControlOrBidiCharacter() {
        String table = ReportTable.render(forecast(), "snapshot\u001B]0;title\u0007.json");

        String withoutLineBreaks = table.replace("\n", "");
        assertThat(withoutLineBreaks.chars().filter(c -> Character.isISOControl(c)
                || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)))
                .as("raw control or bidi characters in\n" + table).isEmpty();
        assertThat(table).contains("web\\u000A[critical] subnet-ok \\u001B[32mall fine\\u001B[0m")
                .contains("prod\\u0009\\u202Eyrtne").contains("subnet-1\\u000D").contains("us-east-1a\\u0085")
                .contains("vpc-1\\u2066").contains("asg\\u000Ax could not be read\\u200F")
                .contains("Throttling\\u001B[2J").contains("snapshot\\u001B]0;title\\u0007.json");
        assertThat(table.lines()).noneMatch(l -> l.startsWith("[critical] subnet-ok"));
    }

    @Test
    void theJsonReportKeepsTheExactNames() throws Exception {
        JsonNode json = new ObjectMapper().readTree(ReportJson.render(forecast(), "snapshot.json"));

        assertThat(json.path("subnets").get(0).path("subnetId").asText()).isEqualTo("subnet-1\r");
        assertThat(json.toString()).contains("\\u001B[32mall fine");   // JSON's own escape of ESC, decoded exact
        assertThat(json.path("clusters").get(0).path("cluster").asText()).isEqualTo(CLUSTER);
    }
}
