package dev.eksip.plan;

import static org.assertj.core.api.Assertions.assertThat;


import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;


/** Invariants of the spreadsheet model over the workbook's types (subnet-calc-model.md §3). */
class SubnetCalcPropertiesTest {
    private static final SubnetCalc SHEET = SubnetCalc.embedded();

    private static final List<String> TYPES = List.of("t3.micro", "t3.small", "t3.medium", "t3.large", "m5.large",
            "m5.xlarge", "m5.2xlarge", "c5.2xlarge", "m5.4xlarge", "m5.12xlarge", "c5.9xlarge", "m5.24xlarge",
            "c5.18xlarge", "m6i.32xlarge");

    /** Seeded random cases (reproducible): type, pods 0..800, count 0..50, a target 1..100, host IPs 0..5. */
    static List<Arguments> cases() {
        Random random = new Random(230L);
        List<Arguments> out = new ArrayList<>();
        for (int i = 0; i < 300; i++)
            out.add(Arguments.of(TYPES.get(random.nextInt(TYPES.size())), random.nextInt(801), random.nextInt(51),
                    1 + random.nextInt(100), random.nextInt(6)));
        return out;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void warmIpSheetTotalsEqualWarmEniSheetWithTargetZero(String type, int pods, int count, int target, int host) {
        List<SubnetCalc.Input> in = List.of(new SubnetCalc.Input(type, count, pods));

        assertThat(SHEET.calculate(SpreadsheetSheet.WARM_IP, 20, target, host, in).ipsUsed())
                .isEqualTo(SHEET.calculate(SpreadsheetSheet.WARM_ENI, 20, 0, host, in).ipsUsed());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void usedIpsAreWholeEnisPlusHostIpsAndCoverThePods(String type, int pods, int count, int target, int host) {
        SubnetCalc.Row row = SHEET.calculate(SpreadsheetSheet.WARM_ENI, 20, target % 4, host,
                List.of(new SubnetCalc.Input(type, 1, pods))).rows().get(0);

        assertThat(row.usedIps()).isEqualTo(row.enis() * row.ipsPerEni() + host);
        assertThat(row.inUseEnis() * row.ipsPerEni()).isGreaterThanOrEqualTo(pods)
                .isLessThan(pods + row.ipsPerEni());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void usedIpsAreMonotoneInPods(String type, int pods, int count, int target, int host) {
        long fewer = SHEET.calculate(SpreadsheetSheet.WARM_ENI, 20, 1, 2,
                List.of(new SubnetCalc.Input(type, 3, pods))).ipsUsed();
        long more = SHEET.calculate(SpreadsheetSheet.WARM_ENI, 20, 1, 2,
                List.of(new SubnetCalc.Input(type, 3, pods + 1))).ipsUsed();

        assertThat(more).isGreaterThanOrEqualTo(fewer);
    }
}
