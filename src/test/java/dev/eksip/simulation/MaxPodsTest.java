package dev.eksip.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.domain.InstanceLimits;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** vpc-cni-model.md §8: the standard formula, max-pods-calculator.sh and the managed-node-group cap. */
class MaxPodsTest {
    private static final InstanceCatalog CATALOG = InstanceCatalog.embedded();

    @ParameterizedTest(name = "{0} pd={1} custom={2} maxEni={3} cap={4} → {5}")
    @CsvSource(delimiter = '|', textBlock = """
            # type        | pd    | custom | maxEni | cap   | expected
            # §8 standard formula E_type × (L − 1) + 2 (the doc's examples; p5 counts card 0 only)
            m5.large      | false | false  | 0      | false | 29
            t3.small      | false | false  | 0      | false | 11
            p5.48xlarge   | false | false  | 0      | false | 100
            t3.nano       | false | false  | 0      | false | 4
            # §8 max-pods-calculator.sh: custom networking one ENI fewer; PD ×16; capped 110 (≤ 30 vCPUs) / 250
            m5.large      | false | true   | 0      | true  | 20
            m5.large      | true  | false  | 0      | false | 434
            m5.large      | true  | false  | 0      | true  | 110
            m5.large      | true  | true   | 0      | false | 290
            m5.large      | true  | true   | 0      | true  | 110
            m5.12xlarge   | false | false  | 0      | true  | 234
            m5.12xlarge   | true  | false  | 0      | true  | 250
            m5.4xlarge    | false | false  | 0      | true  | 110
            # --cni-max-eni only lowers the ENI count
            m5.large      | false | false  | 2      | false | 20
            m5.large      | false | false  | 7      | false | 29
            # §1 fallback: PD on a Xen type uses the secondary-IP formula
            m4.large      | true  | false  | 0      | false | 20
            # E = 1 with custom networking: no pod ENI left, only the host-network pods
            hpc6id.32xlarge | false | true | 0      | false | 2
            """)
    void computesAsTheCalculatorDoes(String type, boolean pd, boolean custom, int maxEni, boolean cap, int expected) {
        InstanceLimits limits = CATALOG.require(type);

        assertThat(MaxPods.compute(limits, new MaxPods.Options(pd, custom, maxEni, cap))).isEqualTo(expected);
    }

    @Test
    void standardFormulaAndPrefixFormulaMatchEveryRowOfTheLimitsTable() throws IOException {
        // instance-limits.csv: max_pods_secondary_ip (= eni-max-pods.txt) and max_pods_prefix (uncapped).
        List<String> rows = rows();
        for (String row : rows) {
            String[] c = row.split(",", -1);
            InstanceLimits limits = CATALOG.require(c[0]);
            assertThat(MaxPods.standard(limits)).as("%s max_pods_secondary_ip", c[0]).isEqualTo(Integer.parseInt(c[9]));
            // the calculator's prefix formula needs the nitro hypervisor: bare metal keeps the secondary-IP value
            if (!c[10].isEmpty())
                assertThat(MaxPods.compute(limits, new MaxPods.Options(true, false, 0, false)))
                        .as("%s max_pods_prefix", c[0])
                        .isEqualTo(Integer.parseInt(limits.nitro() ? c[10] : c[9]));
        }
        assertThat(rows).hasSize(CATALOG.size());
    }

    @Test
    void standardFormulaReproducesTheUpstreamEniMaxPodsFile() throws IOException {
        // §13: misc/eni-max-pods.txt of v1.23.1, verbatim ("TYPE MAXPODS", '#' comments).
        int n = 0;
        try (InputStream in = MaxPodsTest.class.getResourceAsStream("/oracles/eni-max-pods.txt")) {
            assertThat(in).isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] c = line.trim().split("\\s+");
                assertThat(MaxPods.standard(CATALOG.require(c[0]))).as(c[0]).isEqualTo(Integer.parseInt(c[1]));
                n++;
            }
        }
        assertThat(n).isEqualTo(CATALOG.size());
    }

    @Test
    void managedCapIs110UpToThirtyVcpusAnd250Above() {
        assertThat(MaxPods.managedCap(CATALOG.require("m5.large"))).isEqualTo(110);
        assertThat(MaxPods.managedCap(CATALOG.require("m5.8xlarge"))).as("32 vCPUs").isEqualTo(250);
        assertThat(MaxPods.managedCap(CATALOG.require("c5.9xlarge"))).as("36 vCPUs").isEqualTo(250);
    }

    private static List<String> rows() throws IOException {
        try (InputStream in = MaxPodsTest.class.getResourceAsStream("/data/instance-limits.csv")) {
            assertThat(in).isNotNull();
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank()).toList();
            return lines.subList(1, lines.size());
        }
    }
}
