package dev.eksip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayInputStream;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code plan} end to end through {@link Main#run}: the spreadsheet's numbers, the JSON contract, bad input. */
class PlanCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SHIPPED_WARM_IP = """
            { "subnet": "10.0.0.0/23", "cni": { "WARM_IP_TARGET": 1 }, "hostNetworkIps": 2,
              "instances": [ { "instanceType": "m5.12xlarge", "count": 2, "podsPerNode": 100 },
                             { "instanceType": "c5.2xlarge", "count": 1, "podsPerNode": 30 } ] }
            """;

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }

    private static Run run(List<String> args, String stdin) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of("plan"));
        all.addAll(args);
        int code = Main.run(all, CliEnvironment.EMPTY, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Run main(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static List<Long> totals(JsonNode plan) {
        return List.of(plan.at("/subnet/usableIps").asLong(), plan.at("/totals/subnetIpsUsed").asLong(),
                plan.at("/totals/podsHosted").asLong(), plan.at("/totals/subnetIpsRemaining").asLong());
    }

    @Test
    void withoutAScenarioTheSpreadsheetModelGivesTheWorkbooksShippedTotals() throws IOException {
        Run r = main(List.of("plan", "--model", "subnet-calc", "--output", "json"));

        assertThat(r.code()).isEqualTo(Main.OK);
        assertThat(r.err()).isEmpty();
        JsonNode plan = r.json();
        assertThat(plan.get("model").asText()).isEqualTo("subnet-calc");
        assertThat(plan.get("sheet").asText()).isEqualTo("WarmENI");
        assertThat(totals(plan)).containsExactly(510L, 351L, 230L, 159L);
        assertThat(plan.at("/subnet/prefixLength").asInt()).isEqualTo(23);
        assertThat(plan.at("/instances/0/subnetIpsPerNode").asInt()).isEqualTo(152);
        assertThat(plan.at("/instances/0/activeEnisPerNode").asInt()).isEqualTo(4);
        assertThat(plan.at("/instances/0/enisPerNode").asInt()).isEqualTo(5);
        assertThat(plan.get("notes")).isNotEmpty();
    }

    @Test
    void warmIpTargetScenarioGivesTheWarmIpSheetsTotals() throws IOException {
        Path file = dir.resolve("warm-ip.json");
        Files.writeString(file, SHIPPED_WARM_IP);

        Run r = main(List.of("plan", "--model", "subnet-calc", "--output", "json", file.toString()));

        assertThat(r.code()).isEqualTo(Main.OK);
        assertThat(r.json().get("sheet").asText()).isEqualTo("WarmIP");
        assertThat(totals(r.json())).containsExactly(510L, 276L, 230L, 234L);
    }

    @Test
    void jsonCarriesEveryDocumentedField() throws IOException {
        JsonNode plan = main(List.of("plan", "--output", "json")).json();

        assertThat(plan.get("model").asText()).isEqualTo("vpc-cni");
        assertThat(plan.at("/subnet/usableIps").asLong()).isEqualTo(507);
        assertThat(plan.at("/subnet/totalIps").asLong()).isEqualTo(512);
        for (String field : List.of("instanceType", "count", "podsPerNode", "maxPods", "enisPerNode",
                "activeEnisPerNode", "warmEnisPerNode", "secondaryIpsPerNode", "prefixesPerNode", "warmIpsPerNode",
                "subnetIpsPerNode", "subnetIpsTotal", "podsTotal", "podsWithoutIp"))
            assertThat(plan.at("/instances/0").has(field)).as(field).isTrue();
        long sum = 0;
        for (JsonNode row : plan.get("instances")) sum += row.get("subnetIpsTotal").asLong();
        assertThat(plan.at("/totals/subnetIpsUsed").asLong()).isEqualTo(sum);
        assertThat(plan.at("/totals/subnetIpsRemaining").asLong()).isEqualTo(507 - sum);
    }

    @Test
    void scenarioFromStdinAndProductMdExampleWithCommentsParses() throws IOException {
        String productExample = """
                {
                  "subnet": "10.0.0.0/23",                 // or a prefix length: "/23" or 23
                  "cni": { "WARM_ENI_TARGET": 1, "WARM_IP_TARGET": 0, "MINIMUM_IP_TARGET": 0,
                           "ENABLE_PREFIX_DELEGATION": false, "WARM_PREFIX_TARGET": 1, "MAX_ENI": null,
                           "AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG": false, "ENABLE_POD_ENI": false },
                  "hostNetworkIps": 2,                      // subnet-calc model only (the spreadsheet's input)
                  "instances": [ { "instanceType": "m5.12xlarge", "count": 2, "podsPerNode": 100, "maxPods": null } ]
                }
                """;

        Run r = run(List.of("--model", "subnet-calc", "--output", "json", "-"), productExample);

        assertThat(r.code()).as(r.err()).isEqualTo(Main.OK);
        assertThat(r.json().at("/totals/subnetIpsUsed").asLong()).isEqualTo(304);
    }

    @ParameterizedTest(name = "subnet {0} → /23")
    @CsvSource(delimiter = '|', textBlock = """
            "10.0.0.0/23"
            "/23"
            23
            23.0
            """)
    void subnetAcceptsCidrPrefixOrNumber(String subnet) throws IOException {
        String scenario = "{\"subnet\": %s, \"instances\": [{\"instanceType\": \"m5.large\", \"count\": 1, \"podsPerNode\": 1}]}"
                .formatted(subnet);

        Run r = run(List.of("--output", "json", "-"), scenario);

        assertThat(r.code()).as(r.err()).isEqualTo(Main.OK);
        assertThat(r.json().at("/subnet/prefixLength").asInt()).isEqualTo(23);
    }

    @Test
    void tableFitsIn100ColumnsAndFootnotesTheNotes() {
        Run r = main(List.of("plan"));

        assertThat(r.code()).isEqualTo(Main.OK);
        assertThat(r.out().lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(100));
        assertThat(r.out()).contains("m5.12xlarge", "c5.2xlarge", "notes:", " 1. ", "remaining");
    }

    @ParameterizedTest(name = "[{index}] {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            # scenario                                                                                        | field in the message           | and what was expected
            {"subnet": 23, "instances": [{"instanceType": "m5.large", "count": 1, "podsPerNode": 1}], "foo": 1} | foo: unknown key               | expected one of
            {"subnet": 23, "cni": {"WARM_ENI": 1}, "instances": [{"instanceType": "m5.large", "count": 1, "podsPerNode": 1}]} | cni.WARM_ENI: unknown key | WARM_ENI_TARGET
            {"subnet": 23, "instances": [{"instanceType": "m5.large", "count": 1, "podsPerNode": 1, "pods": 3}]} | instances[0].pods: unknown key | podsPerNode
            {"subnet": 23, "instances": [{"instanceType": "m5.large", "count": 1, "podsPerNode": 1}, {"instanceType": "m5.gigantic", "count": 1, "podsPerNode": 1}]} | instances[1].instanceType | unknown instance type 'm5.gigantic'
            {"subnet": 23, "instances": [{"instanceType": "m5.large", "count": 1, "podsPerNode": 1}, {"instanceType": "m5.large", "count": -1, "podsPerNode": 1}]} | instances[1].count | negative number -1
            {"subnet": 23, "instances": [{"instanceType": "m5.large", "count": 1, "podsPerNode": 1}, {"instanceType": "m5.large", "count": 1.5, "podsPerNode": 1}]} | instances[1].count | fractional number 1.5
            {"subnet": 23, "instances": [{"instanceType": "m5.large", "count": 1, "podsPerNode": 2.5}]}        | instances[0].podsPerNode       | fractional number 2.5
            {"subnet": "10.0.0.0/15", "instances": [{"instanceType": "m5.large", "count": 1, "podsPerNode": 1}]} | subnet                        | /15 is outside AWS's subnet sizes /16../28
            {"subnet": "/29", "instances": [{"instanceType": "m5.large", "count": 1, "podsPerNode": 1}]}      | subnet                         | /29 is outside
            {"subnet": 23, "instances": [{"instanceType": "m5.large", "count": "2", "podsPerNode": 1}]}       | instances[0].count             | got the string "2"
            {"subnet": 23, "cni": {"ENABLE_PREFIX_DELEGATION": "true"}, "instances": [{"instanceType": "m5.large", "count": 1, "podsPerNode": 1}]} | cni.ENABLE_PREFIX_DELEGATION | expected true or false
            {"subnet": 23, "cni": {"WARM_IP_TARGET": -3}, "instances": [{"instanceType": "m5.large", "count": 1, "podsPerNode": 1}]} | cni.WARM_IP_TARGET | negative number -3
            {"subnet": 23, "cni": {"MAX_ENI": 0}, "instances": [{"instanceType": "m5.large", "count": 1, "podsPerNode": 1}]} | cni.MAX_ENI           | from 1 to
            {"subnet": 23, "instances": [{"instanceType": "m5.large", "count": 1, "podsPerNode": 1, "maxPods": 0}]} | instances[0].maxPods        | from 1 to
            {"subnet": 23, "instances": [{"instanceType": "m5.large", "count": 1}]}                            | instances[0].podsPerNode       | missing
            {"subnet": 23, "instances": {"instanceType": "m5.large"}}                                          | instances                      | expected an array
            {"subnet": 23, "instances": []}                                                                    | instances                      | at least one
            {"instances": [{"instanceType": "m5.large", "count": 1, "podsPerNode": 1}]}                        | subnet                         | missing
            {"subnet": "10.0.1.0/23", "instances": [{"instanceType": "m5.large", "count": 1, "podsPerNode": 1}]} | subnet                        | expected the network address 10.0.0.0/23
            {"subnet": "big", "instances": [{"instanceType": "m5.large", "count": 1, "podsPerNode": 1}]}       | subnet                         | expected a subnet like
            {"subnet": 23, "cni": 1, "instances": [{"instanceType": "m5.large", "count": 1, "podsPerNode": 1}]} | cni                          | expected a JSON object, got the number 1
            {"subnet": 23, "instances": [{"instanceType": "m5.large", "count": 1, "podsPerNode": 1, "branchPodsPerNode": 2}]} | instances[0].branchPodsPerNode | ENABLE_POD_ENI
            [1, 2]                                                                                             | expected a JSON object         | an array
            {"subnet": 23, "subnet": 24, "instances": []}                                                      | malformed JSON at line 1       | Duplicate field 'subnet'
            """)
    void badScenarioExitsWith2NamingTheFieldAndWhatWasExpected(String scenario, String field, String expected) {
        Run r = run(List.of("-"), scenario);

        assertThat(r.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).contains(field.trim()).contains(expected.trim());
        assertThat(r.out()).isEmpty();
    }

    @Test
    void malformedJsonReportsLineAndColumn() {
        String broken = """
                {
                  "subnet": 23,
                  "instances": [ { "instanceType": "m5.large" "count": 1 } ]
                }
                """;

        Run r = run(List.of("-"), broken);

        assertThat(r.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).contains("malformed JSON at line 3, column 47");
    }

    @Test
    void typeMissingFromTheSpreadsheetsTableIsBadInputForSubnetCalcOnly() {
        String scenario = "{\"subnet\": 23, \"instances\": [{\"instanceType\": \"m7i.large\", \"count\": 1, \"podsPerNode\": 5}]}";

        Run sheet = run(List.of("--model", "subnet-calc", "-"), scenario);
        Run real = run(List.of("--model", "vpc-cni", "-"), scenario);

        assertThat(sheet.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(sheet.err()).contains("instances[0].instanceType").contains("m7i.large").contains("#N/A");
        assertThat(real.code()).isEqualTo(Main.OK);
    }

    @ParameterizedTest(name = "{0} → exit 2: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            --model excel               | --model: expected vpc-cni or subnet-calc, got 'excel'
            --output yaml               | --output: expected table or json, got 'yaml'
            --fast                      | unknown option '--fast'
            a.json b.json               | expected one scenario file
            missing-file.json           | cannot read scenario file 'missing-file.json': no such file
            --model                     | --model needs a value
            """)
    void badArgumentsExitWith2(String args, String message) {
        List<String> all = new ArrayList<>(List.of(args.trim().split("\\s+")));
        Run r = run(all, "");

        assertThat(r.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).contains(message);
    }
}
