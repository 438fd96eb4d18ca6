package dev.eksip.simulation;

import dev.eksip.plan.SubnetCalc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;

/**
 * The embedded tables load completely and answer lookups. Their content is checked against independent oracles
 * elsewhere: every type's limits against upstream's {@code eni-max-pods.txt} (MaxPodsTest), the spreadsheet table
 * against the spreadsheet's own worked examples (SubnetCalcTest); equality with the team's shared originals is the
 * opt-in {@code SharedOriginalsCheck} ({@code ./mvnw -Pshared-check test}).
 */
class InstanceTablesTest {
    @Test
    void catalogHasEveryRowOfItsTable() throws IOException {
        long rows = new String(resource("/data/instance-limits.csv")).lines().filter(l -> !l.isBlank()).count() - 1;

        assertThat(InstanceCatalog.embedded().size()).isEqualTo((int) rows);
    }

    @Test
    void lookupsAreCaseInsensitive() {
        assertThat(InstanceCatalog.embedded().require("M5.Large").instanceType()).isEqualTo("m5.large");
        assertThat(SubnetCalc.embedded().find("C5.2XLARGE")).isPresent();
    }

    @Test
    void unknownTypeIsAClearError() {
        assertThatThrownBy(() -> InstanceCatalog.embedded().require("m5.gigantic"))
                .isInstanceOf(InstanceCatalog.UnknownInstanceTypeException.class)
                .hasMessageContaining("unknown instance type 'm5.gigantic'");
        assertThat(SubnetCalc.embedded().find("m5.gigantic")).isEmpty();
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = InstanceTablesTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        }
    }
}
