package dev.eksip.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.domain.SpreadsheetSheet;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the spreadsheet model over the workbook's types (subnet-calc-model.md §3). */
class SubnetCalcPropertiesTest {
    private static final SubnetCalc SHEET = SubnetCalc.embedded();

    @Provide
    Arbitrary<String> sheetTypes() {
        return Arbitraries.of("t3.micro", "t3.small", "t3.medium", "t3.large", "m5.large", "m5.xlarge", "m5.2xlarge",
                "c5.2xlarge", "m5.4xlarge", "m5.12xlarge", "c5.9xlarge", "m5.24xlarge", "c5.18xlarge", "m6i.32xlarge");
    }

    @Property
    void warmIpSheetTotalsEqualWarmEniSheetWithTargetZero(@ForAll("sheetTypes") String type,
                                                          @ForAll @IntRange(max = 800) int pods,
                                                          @ForAll @IntRange(max = 50) int count,
                                                          @ForAll @IntRange(min = 1, max = 100) int warmIpTarget,
                                                          @ForAll @IntRange(max = 5) int host) {
        List<SubnetCalc.Input> in = List.of(new SubnetCalc.Input(type, count, pods));

        assertThat(SHEET.calculate(SpreadsheetSheet.WARM_IP, 20, warmIpTarget, host, in).ipsUsed())
                .isEqualTo(SHEET.calculate(SpreadsheetSheet.WARM_ENI, 20, 0, host, in).ipsUsed());
    }

    @Property
    void usedIpsAreWholeEnisPlusHostIpsAndCoverThePods(@ForAll("sheetTypes") String type,
                                                        @ForAll @IntRange(max = 800) int pods,
                                                        @ForAll @IntRange(max = 3) int warmEniTarget,
                                                        @ForAll @IntRange(max = 5) int host) {
        SubnetCalc.Row row = SHEET.calculate(SpreadsheetSheet.WARM_ENI, 20, warmEniTarget, host,
                List.of(new SubnetCalc.Input(type, 1, pods))).rows().get(0);

        assertThat(row.usedIps()).isEqualTo(row.enis() * row.ipsPerEni() + host);
        assertThat(row.inUseEnis() * row.ipsPerEni()).isGreaterThanOrEqualTo(pods)
                .isLessThan(pods + row.ipsPerEni());
    }

    @Property
    void usedIpsAreMonotoneInPods(@ForAll("sheetTypes") String type, @ForAll @IntRange(max = 800) int pods) {
        long fewer = SHEET.calculate(SpreadsheetSheet.WARM_ENI, 20, 1, 2,
                List.of(new SubnetCalc.Input(type, 3, pods))).ipsUsed();
        long more = SHEET.calculate(SpreadsheetSheet.WARM_ENI, 20, 1, 2,
                List.of(new SubnetCalc.Input(type, 3, pods + 1))).ipsUsed();

        assertThat(more).isGreaterThanOrEqualTo(fewer);
    }
}
