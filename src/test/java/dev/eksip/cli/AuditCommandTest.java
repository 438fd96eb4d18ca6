package dev.eksip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCommandTest {
    /** Output, error output and exit code of one CLI run. */
    record Result(int code, String out, String err) {
    }

    static Result cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void auditWithNoSourceReportsTheEmbeddedSampleInAHundredColumns() {
        Result r = cli("audit");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("embedded sample", "critical", "free /28 blocks: 0", "fix:");
        assertThat(r.out().lines().filter(l -> l.length() > 100).toList()).isEmpty();
    }

    @Test
    void theCliReferencesExcerptOfTheSampleAuditIsWhatAuditPrints() throws IOException {
        String readme = Files.readString(Path.of("docs/cli.md"));
        int from = readme.indexOf("```", readme.indexOf("What the embedded sample shows")) + 4;
        List<String> excerpt = readme.substring(from, readme.indexOf("```", from)).lines().toList();

        assertThat(excerpt).hasSizeGreaterThan(5);
        assertThat(cli("audit").out()).contains(String.join("\n", excerpt));
    }

    @Test
    void jsonReportIsStableAndComplete() throws IOException {
        Result r = cli("audit", "--output", "json");

        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.path("reportVersion").asInt()).isEqualTo(1);
        assertThat(root.path("summary").path("subnetsAtRisk").asInt()).isPositive();
        JsonNode first = root.path("subnets").get(0);
        assertThat(first.path("severity").asText()).isEqualTo("critical");
        for (String field : List.of("subnetId", "vpcId", "availabilityZone", "cidr", "usableIps", "availableIps",
                "warmIps", "forecastAtDesired", "forecastAtMax", "reason", "fix", "nodeGroups"))
            assertThat(first.has(field)).as(field).isTrue();
        assertThat(first.path("forecastAtMax").has("baseline")).isTrue();
        assertThat(root.path("clusters").size()).isEqualTo(4);
        assertThat(root.path("pools").get(0).path("unbounded").asBoolean()).as("the Karpenter pool").isTrue();
    }

    @Test
    void failOnGivesExitOneOnlyWhenFindingsReachTheSeverity() {
        assertThat(cli("audit", "--fail-on", "critical").code()).isEqualTo(Main.FINDINGS);
        assertThat(cli("audit", "--cluster", "analytics", "--fail-on", "warning").code()).isEqualTo(Main.OK);
    }

    @Test
    void clusterFilterKeepsOnlyThatClustersSubnets() throws IOException {
        Result r = cli("audit", "--cluster", "search", "--output", "json");

        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.path("clusters").size()).isEqualTo(1);
        assertThat(root.path("clusters").get(0).path("cluster").asText()).isEqualTo("search");
        // every subnet counts every cluster's growth: the account-wide figures (issue 8 item 15). analytics' pod
        // subnets (tagged kubernetes.io/role/cni in the VPC search shares) are in search's view, and showed none
        // of analytics' growth before
        JsonNode all = new ObjectMapper().readTree(cli("audit", "--output", "json").out());
        for (JsonNode s : root.path("subnets"))
            for (JsonNode a : all.path("subnets"))
                if (a.path("subnetId").equals(s.path("subnetId")))
                    assertThat(s.path("forecastAtMax")).as(s.path("subnetId").asText()).isEqualTo(a.path("forecastAtMax"));
    }

    @Test
    void badInputNamesTheFieldAndExitsTwo(@TempDir Path dir) throws IOException {
        Result unknown = cli("audit", "--cluster", "nope");
        assertThat(unknown.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(unknown.err()).contains("--cluster", "nope", "checkout");

        assertThat(cli("audit", "--output", "yaml").err()).contains("--output", "table or json");
        assertThat(cli("audit", "--fail-on", "maybe").code()).isEqualTo(Main.BAD_INPUT);
        assertThat(cli("audit", "--publish").err()).contains("--publish", "--live");
        assertThat(cli("audit", "--live", "--inventory", "x.json").err()).contains("not both");
        assertThat(cli("audit", "--inventory", dir.resolve("missing.json").toString()).err())
                .contains("no such file");

        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"formatVersion\": 1, \"accountId\": 5");
        Result r = cli("audit", "--inventory", broken.toString());
        assertThat(r.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).startsWith("error: ");
    }

    @Test
    void auditOfAnExportedSnapshotEqualsAuditOfTheEmbeddedOne(@TempDir Path dir) throws IOException {
        Path copy = dir.resolve("inventory.json");
        try (var in = AuditCommand.class.getResourceAsStream(AuditCommand.EMBEDDED)) {
            Files.write(copy, in.readAllBytes());
        }
        JsonNode fromFile = new ObjectMapper().readTree(cli("audit", "--inventory", copy.toString(), "--output", "json").out());
        JsonNode embedded = new ObjectMapper().readTree(cli("audit", "--output", "json").out());

        assertThat(fromFile.path("subnets")).isEqualTo(embedded.path("subnets"));
        assertThat(fromFile.path("clusters")).isEqualTo(embedded.path("clusters"));
    }
}
