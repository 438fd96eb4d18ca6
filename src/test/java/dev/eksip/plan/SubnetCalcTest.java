package dev.eksip.plan;

import static dev.eksip.testing.inventory.InventoryFixtures.cni;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eksip.domain.CniSettings;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The spreadsheet model against the workbook's own displayed values and its edge cases (subnet-calc-model.md §2–§3). */
class SubnetCalcTest {
    private static final SubnetCalc SHEET = SubnetCalc.embedded();
    private static final List<SubnetCalc.Input> SHIPPED =
            List.of(new SubnetCalc.Input("m5.12xlarge", 2, 100), new SubnetCalc.Input("c5.2xlarge", 1, 30));

    @Test
    void shippedExampleOnTheWarmEniSheetGivesTheWorkbooksDisplayedTotals() {
        SubnetCalc.Result r = SHEET.calculate(SpreadsheetSheet.WARM_ENI, 23, 1, 2, SHIPPED);

        assertThat(r.availableIps()).isEqualTo(510);
        assertThat(r.ipsUsed()).isEqualTo(351);
        assertThat(r.podsHosted()).isEqualTo(230);
        assertThat(r.remaining()).isEqualTo(159);
        SubnetCalc.Row m5 = r.rows().get(0);
        assertThat(m5.inUseEnis()).isEqualTo(4);          // I = CEILING(100/30)
        assertThat(m5.enis()).isEqualTo(5);               // J = I + 1
        assertThat(m5.usedIps()).isEqualTo(152);          // L = 5*30 + 2
        assertThat(m5.ipsTotal()).isEqualTo(304);         // N = L*2
        assertThat(r.rows().get(1).usedIps()).isEqualTo(47); // c5.2xlarge: (2+1)*15 + 2
    }

    @Test
    void shippedExampleOnTheWarmIpSheetGivesTheWorkbooksDisplayedTotals() {
        SubnetCalc.Result r = SHEET.calculate(SpreadsheetSheet.WARM_IP, 23, 1, 2, SHIPPED);

        assertThat(List.of(r.availableIps(), r.ipsUsed(), r.podsHosted(), r.remaining()))
                .containsExactly(510L, 276L, 230L, 234L);
        SubnetCalc.Row c5 = r.rows().get(1);
        assertThat(c5.usedIps()).isEqualTo(32);           // hidden K = 2*15 + 2: what IPs Total sums
        assertThat(c5.warmEniFlag()).isEqualTo(1);        // L = IF(K−J < 1): display only, not counted
    }

    @ParameterizedTest(name = "WARM_IP_TARGET={0} leaves the WarmIP totals unchanged")
    @CsvSource({"1", "5", "20", "1000"})
    void warmIpTargetHasNoEffectOnTheTotals(int warmIpTarget) {
        SubnetCalc.Result r = SHEET.calculate(SpreadsheetSheet.WARM_IP, 23, warmIpTarget, 2, SHIPPED);
        SubnetCalc.Result warmEniZero = SHEET.calculate(SpreadsheetSheet.WARM_ENI, 23, 0, 2, SHIPPED);

        assertThat(r.ipsUsed()).isEqualTo(276).isEqualTo(warmEniZero.ipsUsed());
    }

    @ParameterizedTest(name = "{0} sheet, {1} at {2} pods, target {3}, host {4} → in use {5}, ENIs {6}, used IPs {7}")
    @CsvSource(delimiter = '|', textBlock = """
            # sheet  | type        | pods | target | host | in use | enis | used IPs
            # 0 pods: WarmENI still charges W ENIs + host IPs, WarmIP only the host IPs
            WARM_ENI | m5.large    | 0    | 1      | 2    | 0      | 1    | 12
            WARM_IP  | m5.large    | 0    | 1      | 2    | 0      | 0    | 2
            # pods above max pods (29) and ENIs above MaxENI (3): no caps
            WARM_ENI | m5.large    | 40   | 1      | 2    | 4      | 5    | 52
            # exact multiple of IPs per ENI: the ceiling is exact
            WARM_ENI | c5.2xlarge  | 30   | 0      | 2    | 2      | 2    | 32
            WARM_IP  | c5.2xlarge  | 30   | 1      | 2    | 2      | 2    | 32
            # used IPs above MaxENI x IPv4addr (750)
            WARM_ENI | c5.18xlarge | 737  | 1      | 2    | 15     | 16   | 802
            """)
    void edgeCasesFollowTheWorkbook(SpreadsheetSheet sheet, String type, int pods, int target, int host,
                                    int inUse, int enis, int usedIps) {
        SubnetCalc.Row row = SHEET.calculate(sheet, 23, target, host, List.of(new SubnetCalc.Input(type, 1, pods)))
                .rows().get(0);

        assertThat(row.inUseEnis()).isEqualTo(inUse);
        assertThat(row.enis()).isEqualTo(enis);
        assertThat(row.usedIps()).isEqualTo(usedIps);
    }

    @Test
    void hostNetworkingIpsAreAddedOncePerInstance() {
        assertThat(SHEET.calculate(SpreadsheetSheet.WARM_ENI, 23, 1, 0, SHIPPED).ipsUsed()).isEqualTo(345);
    }

    @Test
    void overSubscribedSubnetGivesNegativeRemaining() {
        SubnetCalc.Result r = SHEET.calculate(SpreadsheetSheet.WARM_ENI, 28, 1, 2, SHIPPED);

        assertThat(r.availableIps()).isEqualTo(14);
        assertThat(r.remaining()).isEqualTo(14 - 351);
    }

    @ParameterizedTest(name = "/{0} → {1}")
    @CsvSource({"16,65534", "19,8190", "20,4094", "22,1022", "23,510", "24,254", "28,14", "30,2"})
    void availableIpsAreTheCidrDataTable(int prefix, long ips) {
        assertThat(SubnetCalc.availableIps(prefix)).isEqualTo(ips);
    }

    @Test
    void prefixOutsideTheCidrDataTableIsNotAvailable() {
        assertThatThrownBy(() -> SubnetCalc.availableIps(31)).hasMessageContaining("/31");
    }

    @Test
    void typesAreLookedUpCaseInsensitively() {
        assertThat(SHEET.find("M5.12XLarge")).hasValueSatisfying(t -> {
            assertThat(t.ipsPerEni()).hasValue(30);
            assertThat(t.maxEnis()).hasValue(8);
            assertThat(t.maxPods()).hasValue(234);
        });
    }

    @ParameterizedTest(name = "{0} is #N/A in the 2022 table")
    @CsvSource({"m7i.large", "c5a.metal"})
    void typeMissingFromTheWorkbooksEniTableIsAnErrorNamingIt(String type) {
        assertThatThrownBy(() -> SHEET.calculate(SpreadsheetSheet.WARM_ENI, 23, 1, 2,
                List.of(new SubnetCalc.Input(type, 1, 10))))
                .isInstanceOf(SubnetCalc.MissingTypeException.class)
                .hasMessageContaining(type).hasMessageContaining("#N/A");
    }

    @Test
    void typeOnlyInTheMaxEniTableHasNoMaxPodsButIsComputed() {
        SubnetCalc.Row row = SHEET.calculate(SpreadsheetSheet.WARM_ENI, 23, 1, 2,
                List.of(new SubnetCalc.Input("c6a.metal", 1, 10))).rows().get(0);

        assertThat(row.maxPods()).isEmpty();
        assertThat(row.usedIps()).isEqualTo(2 * row.ipsPerEni() + 2);
    }

    @Test
    void sheetIsChosenByWhetherWarmIpTargetIsSet() {
        CniSettings d = CniSettings.DEFAULTS;
        CniSettings warmIp = cni().warmIpTarget(3).build();
        CniSettings minOnly = cni().minimumIpTarget(10).build();

        assertThat(SubnetCalc.sheetFor(d)).isEqualTo(SpreadsheetSheet.WARM_ENI);
        assertThat(SubnetCalc.sheetFor(warmIp)).isEqualTo(SpreadsheetSheet.WARM_IP);
        assertThat(SubnetCalc.sheetFor(minOnly)).isEqualTo(SpreadsheetSheet.WARM_ENI);
        assertThat(SubnetCalc.targetFor(SpreadsheetSheet.WARM_IP, warmIp)).isEqualTo(3);
    }
}
