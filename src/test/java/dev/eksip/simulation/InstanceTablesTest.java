package dev.eksip.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The embedded tables are byte-identical to the test oracles and, where the shared reference checkout exists next to
 * the project, to their source of truth.
 */
class InstanceTablesTest {
    private static final Path REFERENCE = Path.of("..", "shared", "reference");

    @ParameterizedTest(name = "{0} = oracles/{1} (= reference/{2} when present)")
    @CsvSource({
            "/data/instance-limits.csv,    instance-limits.csv,     vpc-cni/instance-limits.csv",
            "/data/subnet-calc-2022.csv,   subnet-calc-2022.csv,    subnet-calc/instance-limits-2022.csv"})
    void embeddedTableIsIdenticalToItsSource(String resource, String oracle, String reference) throws IOException {
        byte[] embedded = resource(resource);
        byte[] oracleBytes = resource("/oracles/" + oracle);

        assertThat(embedded).isNotEmpty().isEqualTo(oracleBytes);
        Path source = REFERENCE.resolve(reference);
        if (Files.exists(source)) assertThat(embedded).isEqualTo(Files.readAllBytes(source));
    }

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
