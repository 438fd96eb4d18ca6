package dev.eksip.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.app.snapshot.InventoryFile;
import dev.eksip.domain.Forecast;
import dev.eksip.domain.Inventory;
import dev.eksip.domain.NodeGroup;
import dev.eksip.domain.Severity;
import dev.eksip.domain.Subnet;
import dev.eksip.domain.SubnetForecast;
import dev.eksip.app.RunForecast;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The embedded snapshot is reproducible and shows what the tool is for. */
class SampleAccountTest {
    private static final Path EMBEDDED = Path.of("src/main/resources/sample/inventory.json");

    @Test
    void embeddedSnapshotIsExactlyWhatTheGeneratorWrites() throws IOException {
        assertThat(Files.readString(EMBEDDED, StandardCharsets.UTF_8))
                .as("regenerate with SampleAccount#main after changing SampleAccount")
                .isEqualTo(InventoryFile.toJson(SampleAccount.build(), SampleAccount.history()));
    }

    @Test
    void sampleCoversClustersNodeGroupsAndZones() {
        Inventory inv = InventoryFile.read(EMBEDDED);

        assertThat(inv.clusters()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(inv.clusters().stream().mapToInt(c -> c.nodeGroups().size()).sum()).isGreaterThanOrEqualTo(4);
        assertThat(inv.subnets().stream().map(Subnet::availabilityZone).collect(Collectors.toSet())).hasSize(3);
        assertThat(inv.clusters()).anySatisfy(c -> assertThat(c.cni().customNetworking()).isTrue());
        assertThat(inv.clusters()).anySatisfy(c -> assertThat(c.cni().prefixDelegation()).isTrue());
        assertThat(inv.clusters().stream().flatMap(c -> c.nodeGroups().stream()).anyMatch(NodeGroup::managed))
                .isTrue();
        assertThat(inv.clusters().stream().flatMap(c -> c.nodeGroups().stream()).anyMatch(g -> !g.managed()))
                .isTrue();
    }

    @Test
    void auditShowsASubnetTheNextScaleOutExhaustsAndAFragmentedPrefixSubnet() {
        Forecast f = RunForecast.forecast(InventoryFile.read(EMBEDDED), Instant.parse("2026-11-25T00:00:00Z"));

        SubnetForecast nextScaleOut = f.subnets().stream()
                .filter(s -> !s.prefixMode() && s.atDesired().headline() < 0).findFirst().orElseThrow();
        assertThat(nextScaleOut.availableIps()).isPositive();
        assertThat(nextScaleOut.severity()).isEqualTo(Severity.CRITICAL);

        SubnetForecast fragmented = f.subnets().stream()
                .filter(s -> s.prefixMode() && s.freePrefixBlocks() == 0).findFirst().orElseThrow();
        assertThat(fragmented.availableIps()).as("plenty of loose addresses").isGreaterThan(500);
        assertThat(fragmented.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(fragmented.fix()).contains("prefix-type subnet CIDR reservation");

        assertThat(f.clusters()).anySatisfy(c -> assertThat(c.severity()).isEqualTo(Severity.OK));
    }

    @Test
    void auditShowsTheKarpenterClustersNodePoolUnboundedWithNodesUntilExhaustionPerSubnet() {
        Forecast f = RunForecast.forecast(InventoryFile.read(EMBEDDED), Instant.parse("2026-11-25T00:00:00Z"));

        assertThat(f.unattributedNodes()).isZero();
        assertThat(f.pools()).singleElement().satisfies(p -> {
            assertThat(p.pool().toString()).isEqualTo("mobile/default");
            assertThat(p.provisioner()).isEqualTo(dev.eksip.domain.Provisioner.KARPENTER);
            assertThat(p.nodes()).isEqualTo(3);
            assertThat(p.unbounded()).isTrue();
            assertThat(p.subnets()).hasSize(2).allSatisfy(r -> assertThat(r.nodesThatFit()).isPositive());
        });
        String table = dev.eksip.app.report.ReportTable.render(f, "sample");
        assertThat(table).contains("karpenter node pool default: 3 nodes (c5.large, m5.large); max unbounded");
    }
}
