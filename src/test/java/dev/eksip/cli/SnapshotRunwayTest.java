package dev.eksip.cli;

import static dev.eksip.cli.AuditCommandTest.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eksip.app.snapshot.InventoryFile;
import dev.eksip.cli.AuditCommandTest.Result;
import dev.eksip.domain.Inventory;
import dev.eksip.sample.SampleAccount;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A snapshot's recorded {@code history} gives {@code audit} a runway with no AWS access (source "snapshot"). */
class SnapshotRunwayTest {
    private static final String DECLINING = "subnet-0b1c0000000000002";
    private static final String FLAT = "subnet-0a7b0000000000031";

    @Test
    void plainAuditShowsTheEmbeddedSamplesRunwayOutOfTheBox() throws IOException {
        Result r = cli("audit", "--output", "json");

        JsonNode runway = new ObjectMapper().readTree(r.out()).path("runway");
        assertThat(runway).hasSize(2);
        JsonNode declining = entry(runway, DECLINING);
        double expected = available(DECLINING) / (double) SampleAccount.CHECKOUT_LOSS_PER_DAY;
        assertThat(declining.path("source").asText()).isEqualTo("snapshot");
        assertThat(declining.path("trend").asText()).isEqualTo("declining");
        assertThat(declining.path("daysLow").asDouble()).isLessThanOrEqualTo(expected);
        assertThat(declining.path("daysHigh").asDouble()).isGreaterThanOrEqualTo(expected);
        assertThat(declining.path("historyDays").asInt()).as("14 days, one missed").isEqualTo(13);
        assertThat(entry(runway, FLAT).path("trend").asText()).isEqualTo("none");
    }

    @Test
    void theTableNamesTheSnapshotAsTheSource() {
        String out = cli("audit").out();

        assertThat(out).contains("Runway (days until no free");
        java.util.List<String> lines = out.lines().toList();
        int row = lines.indexOf(lines.stream().filter(l -> l.startsWith(DECLINING + " ") && l.contains("snapshot"))
                .findFirst().orElseThrow());
        assertThat(lines.get(row)).contains("snapshot 13 d");
        assertThat(lines.get(row + 1)).startsWith("  runs dry in");
    }

    @Test
    void anInventoryFileWithHistoryReproducesTheRunwayAndOneWithoutHasNone(@TempDir Path dir) throws IOException {
        Path with = dir.resolve("with.json");
        Path without = dir.resolve("without.json");
        InventoryFile.write(SampleAccount.build(), SampleAccount.history(), with);
        InventoryFile.write(SampleAccount.build(), without);

        ObjectMapper json = new ObjectMapper();
        JsonNode fromFile = json.readTree(cli("audit", "--inventory", with.toString(), "--output", "json").out());
        JsonNode embedded = json.readTree(cli("audit", "--output", "json").out());
        assertThat(fromFile.path("runway")).hasSize(2).isEqualTo(embedded.path("runway"));
        assertThat(cli("audit", "--inventory", without.toString()).out()).doesNotContain("Runway");
    }

    private static JsonNode entry(JsonNode runway, String subnet) {
        for (JsonNode e : runway) if (e.path("subnetId").asText().equals(subnet)) return e;
        throw new AssertionError("no runway for " + subnet + " in " + runway);
    }

    private static int available(String subnet) {
        Inventory inv = SampleAccount.build();
        return inv.subnets().stream().filter(s -> s.subnetId().equals(subnet)).findFirst().orElseThrow()
                .availableIps();
    }
}
