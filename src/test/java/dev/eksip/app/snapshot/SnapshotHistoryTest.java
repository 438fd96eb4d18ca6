package dev.eksip.app.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eksip.domain.Inventory;
import dev.eksip.sample.SampleAccount;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The snapshot's optional {@code history} (docs/inventory-format.md, "history"): optional, round-trips, strict. */
class SnapshotHistoryTest {
    private static final Inventory INV = SampleAccount.build();
    private static final String SUBNET = INV.subnets().getFirst().subnetId();
    private static final Instant T0 = INV.capturedAt().minusSeconds(2 * 86_400);

    private static SubnetSeries series(String subnet, String metric, Instant... at) {
        double free = 100;
        List<SubnetSeries.Point> points = new java.util.ArrayList<>();
        for (Instant t : at) points.add(new SubnetSeries.Point(t, free--));
        return new SubnetSeries(subnet, metric, points);
    }

    @Test
    void aSnapshotWithoutHistoryReadsAsNoneAndWritesNoField() {
        String json = InventoryFile.toJson(INV);

        assertThat(json).doesNotContain("\"history\"");
        assertThat(InventoryFile.parseSnapshot(json, "f.json").history()).isEmpty();
    }

    @Test
    void historyRoundTripsAfterTheGaps() {
        SubnetSeries s = series(SUBNET, SubnetSeries.AVAILABLE_IPS, T0, T0.plusSeconds(3600), INV.capturedAt());
        String json = InventoryFile.toJson(INV, List.of(s));

        Snapshot back = InventoryFile.parseSnapshot(json, "f.json");

        assertThat(json.indexOf("\"history\"")).isGreaterThan(json.indexOf("\"gaps\""));
        assertThat(back.history()).containsExactly(s);
        assertThat(back.inventory()).isEqualTo(InventoryFile.parse(InventoryFile.toJson(INV), "g.json"));
    }

    @Test
    void aSeriesOfAnUnknownSubnetIsRejectedAtItsPath() {
        String json = InventoryFile.toJson(INV, List.of(series("subnet-nope", SubnetSeries.AVAILABLE_IPS, T0)));

        assertThatThrownBy(() -> InventoryFile.parseSnapshot(json, "f.json"))
                .hasMessage("f.json: invalid field at $.history[0].subnetId: expected a subnet id of $.subnets, "
                        + "got \"subnet-nope\"");
    }

    @Test
    void anUnknownMetricIsRejected() {
        String json = InventoryFile.toJson(INV, List.of(series(SUBNET, "FreeIps", T0)));

        assertThatThrownBy(() -> InventoryFile.parseSnapshot(json, "f.json"))
                .hasMessage("f.json: invalid field at $.history[0].metric: expected \"AvailableIps\" or "
                        + "\"FreePrefixBlocks\", got \"FreeIps\"");
    }

    @Test
    void twoSeriesForOneSubnetAreRejected() {
        SubnetSeries s = series(SUBNET, SubnetSeries.AVAILABLE_IPS, T0);
        String json = InventoryFile.toJson(INV, List.of(s, s));

        assertThatThrownBy(() -> InventoryFile.parseSnapshot(json, "f.json"))
                .hasMessageContaining("$.history[1].subnetId: expected one series per subnet not used before");
    }

    @Test
    void pointsOutOfOrderOrAfterTheCaptureAreRejected() {
        String unordered = InventoryFile.toJson(INV, List.of(series(SUBNET, SubnetSeries.AVAILABLE_IPS,
                T0.plusSeconds(60), T0)));
        String future = InventoryFile.toJson(INV, List.of(series(SUBNET, SubnetSeries.AVAILABLE_IPS,
                INV.capturedAt().plusSeconds(1))));

        assertThatThrownBy(() -> InventoryFile.parseSnapshot(unordered, "f.json"))
                .hasMessageContaining("$.history[0].points[1].at: expected later than the point before");
        assertThatThrownBy(() -> InventoryFile.parseSnapshot(future, "f.json"))
                .hasMessageContaining("$.history[0].points[0].at: expected no later than capturedAt");
    }

    @Test
    void aNegativeFreeCountOrANumericInstantIsRejected() {
        String negative = InventoryFile.toJson(INV, List.of(new SubnetSeries(SUBNET, SubnetSeries.AVAILABLE_IPS,
                List.of(new SubnetSeries.Point(T0, -1)))));
        String numeric = InventoryFile.toJson(INV, List.of(series(SUBNET, SubnetSeries.AVAILABLE_IPS, T0)))
                .replace("\"" + T0 + "\"", "1700000000");

        assertThatThrownBy(() -> InventoryFile.parseSnapshot(negative, "f.json"))
                .hasMessageContaining("$.history[0].points[0].free: expected a finite number >= 0, got -1.0");
        assertThatThrownBy(() -> InventoryFile.parseSnapshot(numeric, "f.json"))
                .hasMessageContaining("history");
    }
}
