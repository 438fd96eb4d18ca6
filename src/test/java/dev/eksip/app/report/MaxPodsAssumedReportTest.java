package dev.eksip.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eksip.app.RunForecast;
import dev.eksip.domain.Cluster;
import dev.eksip.domain.CniSettings;
import dev.eksip.domain.CniSource;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.Inventory;
import dev.eksip.domain.IpFamily;
import dev.eksip.domain.NodeGroup;
import dev.eksip.domain.Subnet;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Issue 11 item 8: a self-managed or custom-AMI group whose max pods is not in its user data is reported as "max pods
 * assumed" (cluster note, table line, JSON {@code clusters[].maxPodsAssumed}); one whose user data set it says where
 * from; a managed group on an EKS AMI is neither.
 */
class MaxPodsAssumedReportTest {
    private static final Instant NOW = Instant.parse("2026-12-02T04:00:00Z");

    private static Forecast forecast() {
        Subnet subnet = new Subnet("subnet-1", "vpc-1", "eu-west-1a", "10.0.0.0/22", 1000, Map.of(), List.of());
        NodeGroup assumed = new NodeGroup("self", false, false, List.of("m5.large"), 0, 1, 4, List.of("subnet-1"),
                "self", 0).withMaxPods(0, "launch template lt-1 version 2 user data sets no --max-pods or maxPods");
        NodeGroup read = new NodeGroup("custom", true, true, List.of("m5.large"), 0, 1, 4, List.of("subnet-1"),
                "eks-custom", 0).withMaxPods(110, "launch template lt-2 version 1 user data: nodeadm NodeConfig "
                + "spec.kubelet.config.maxPods");
        NodeGroup eksAmi = new NodeGroup("managed", true, false, List.of("m5.large"), 0, 1, 4, List.of("subnet-1"),
                "eks-managed", 0);
        Cluster cluster = new Cluster("prod", "vpc-1", IpFamily.IPV4, CniSettings.DEFAULTS.withPrefixDelegation(true),
                CniSource.DEFAULT, Map.of(), List.of(assumed, read, eksAmi));
        return RunForecast.forecast(new Inventory("123456789012", "eu-west-1", NOW, List.of(subnet),
                List.of(cluster), List.of(), List.of(), List.of(), List.of()), NOW);
    }

    @Test
    void theJsonNamesTheGroupsAndTheNotesSayWhy() throws Exception {
        JsonNode cluster = new ObjectMapper().readTree(ReportJson.render(forecast(), "test")).path("clusters").get(0);

        assertThat(cluster.path("maxPodsAssumed")).hasSize(1);
        assertThat(cluster.path("maxPodsAssumed").get(0).asText()).isEqualTo("self");
        List<String> notes = new ObjectMapper().convertValue(cluster.path("notes"),
                new com.fasterxml.jackson.core.type.TypeReference<List<String>>() { });
        assertThat(notes).contains(
                "Max pods assumed for node group self (self-managed): nodeadm's standard formula for its type (ENIs × "
                + "(IPv4 per ENI − 1) + 2, e.g. 29 for m5.large, even with prefix delegation); launch template lt-1 "
                + "version 2 user data sets no --max-pods or maxPods. Set --max-pods or NodeConfig maxPods in its "
                + "user data (a snapshot: maxPods).",
                "Max pods 110 for node group custom: launch template lt-2 version 1 user data: nodeadm NodeConfig "
                + "spec.kubelet.config.maxPods.");
        assertThat(notes).noneMatch(n -> n.contains("node group managed"));
    }

    @Test
    void theTableHasALineUnderTheCluster() {
        assertThat(ReportTable.render(forecast(), "test"))
                .contains("  max pods assumed (not in user data; nodeadm's standard formula): self\n");
    }
}
