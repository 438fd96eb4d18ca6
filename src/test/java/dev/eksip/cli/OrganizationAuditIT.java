package dev.eksip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eksip.testing.aws.CloudWatchWireRecorder;
import dev.eksip.testing.aws.FaultProxy;
import dev.eksip.testing.aws.FaultRule;
import dev.eksip.testing.aws.FaultRule.Fault;
import dev.eksip.testing.aws.MotoServer;
import dev.eksip.testing.aws.OrganizationFleet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code audit --live --organization --regions …} against moto in multi-account mode: an organization of 50 active
 * accounts (the management account and 49 members; one more member closed, so suspended) × 3 regions, each target
 * with a small fleet. Broken on purpose, at the wire (the fault proxy learns whose keys each AssumeRole handed out):
 * one account's spoke role is missing ({@code sts:AssumeRole} denied), one account's role denies EKS
 * ({@code eks:ListClusters} denied), one region of one account is not enabled (every first call there denied).
 * Every other target is audited exactly once, the broken ones are named, the metrics carry AccountId and Region.
 */
class OrganizationAuditIT {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer().withoutDefaultAmis();
    static final List<String> REGIONS = List.of("us-east-1", "eu-west-1", "ap-southeast-2");
    static FaultProxy proxy;
    static CloudWatchWireRecorder cloudWatch;
    static OrganizationFleet fleet;
    static String noRole;
    static String deniesEks;
    static String regionOff;
    static String suspended;

    @BeforeAll
    static void seed() {
        System.setProperty("aws.accessKeyId", "testing");   // the hub's credentials: the default chain reads these
        System.setProperty("aws.secretAccessKey", "testing");
        fleet = OrganizationFleet.seed(MOTO, 50, REGIONS);
        suspended = fleet.accounts().get(49);
        OrganizationFleet.close(MOTO, suspended);
        noRole = fleet.accounts().get(3);
        deniesEks = fleet.accounts().get(17);
        regionOff = fleet.accounts().get(31);
        proxy = new FaultProxy(MOTO.endpoint(), Duration.ofSeconds(30));
        proxy.rules(new FaultRule("sts:AssumeRole", Fault.ACCESS_DENIED, "iam::" + noRole + ":role/"),
                FaultRule.inAccount("eks:ListClusters", Fault.ACCESS_DENIED, deniesEks),
                new FaultRule("eks:ListClusters", Fault.ACCESS_DENIED,
                        "account=" + regionOff + "\nregion=ap-southeast-2"));
        cloudWatch = new CloudWatchWireRecorder();
    }

    @AfterAll
    static void close() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        proxy.close();
        cloudWatch.close();
    }

    @Test
    void everyTargetIsAuditedOnceTheBrokenOnesAreNamedAndMetricsCarryAccountAndRegion() throws Exception {
        proxy.clearSeen();
        Map<String, String> env = new HashMap<>(MOTO.environment());
        env.put("AWS_ENDPOINT_URL", proxy.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_CLOUDWATCH", cloudWatch.endpoint().toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = Main.run(List.of("audit", "--live", "--organization", "--regions", String.join(",", REGIONS),
                        "--output", "json", "--publish", "--target-concurrency", "8"), env,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode report = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        List<String> active = new ArrayList<>(fleet.accounts().subList(0, 49));
        active.add(MotoServer.ACCOUNT_ID);   // the management account is a member of its organization
        assertThat(report.path("targets")).hasSize(active.size() * REGIONS.size());
        assertThat(report.path("skippedAccounts").path(suspended).asText()).isEqualTo("SUSPENDED");

        Map<String, JsonNode> byTarget = new HashMap<>();
        report.path("targets").forEach(t -> byTarget.put(t.path("accountId").asText() + "/"
                + t.path("region").asText(), t));
        Set<String> failed = new HashSet<>();
        byTarget.forEach((key, t) -> {
            if (t.path("status").asText().equals("failed")) failed.add(key);
        });
        Set<String> expectedFailed = new HashSet<>();
        for (String region : REGIONS) {
            expectedFailed.add(noRole + "/" + region);
            expectedFailed.add(deniesEks + "/" + region);
        }
        expectedFailed.add(regionOff + "/ap-southeast-2");
        assertThat(failed).isEqualTo(expectedFailed);
        assertThat(byTarget.get(noRole + "/us-east-1").path("reason").asText())
                .contains("sts:AssumeRole", "AccessDenied", noRole + ":role/" + OrganizationFleet.ROLE);
        assertThat(byTarget.get(deniesEks + "/eu-west-1").path("reason").asText())
                .contains("eks:ListClusters", "AccessDeniedException");
        // every other target: its own cluster, forecast (the fleet's one node group in its one subnet)
        byTarget.forEach((key, t) -> {
            if (failed.contains(key)) return;
            if (key.startsWith(MotoServer.ACCOUNT_ID)) {   // the management account runs no cluster
                assertThat(t.path("report").path("clusters")).as(key).isEmpty();
                return;
            }
            assertThat(t.path("report").path("clusters")).as(key).hasSize(1);
            assertThat(t.path("report").path("clusters").get(0).path("cluster").asText())
                    .as(key).isEqualTo("c-" + t.path("region").asText());
            assertThat(t.path("report").path("accountId").asText()).as(key).isEqualTo(t.path("accountId").asText());
        });
        // exactly once: one ListClusters per target that got keys (the role-less account never gets that far)
        int withKeys = active.size() * REGIONS.size() - REGIONS.size();
        assertThat(proxy.seen().get("eks:ListClusters")).isEqualTo(withKeys);
        assertThat(proxy.seen().get("sts:AssumeRole")).isEqualTo(active.size() * REGIONS.size());

        // metrics: every audited target's account-level figures under its own AccountId and Region
        Set<String> tagged = new HashSet<>();
        for (JsonNode datum : cloudWatch.datums()) {
            if (!datum.path("MetricName").asText().equals("SubnetsAtRisk")) continue;
            Map<String, String> dims = new HashMap<>();
            datum.path("Dimensions").forEach(d -> dims.put(d.path("Name").asText(), d.path("Value").asText()));
            if (dims.containsKey("AccountId")) tagged.add(dims.get("AccountId") + "/" + dims.get("Region"));
        }
        Set<String> audited = new HashSet<>(byTarget.keySet());
        audited.removeAll(failed);
        assertThat(tagged).isEqualTo(audited);
    }

    @Test
    void theWholeSetExportsOneSnapshotPerTargetAndAuditsOfflineAsOneReport(@org.junit.jupiter.api.io.TempDir
                                                                            java.nio.file.Path dir) throws Exception {
        Map<String, String> env = new HashMap<>(MOTO.environment());
        env.put("AWS_ENDPOINT_URL", proxy.endpoint().toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = Main.run(List.of("inventory", "export", "--organization", "--regions", String.join(",", REGIONS),
                        "--output", dir.toString()), env,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        int targets = 50 * REGIONS.size();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("wrote %d of %d target snapshot(s)"
                .formatted(targets - 7, targets));
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("target-failed: " + noRole + "/us-east-1",
                "target-failed: " + regionOff + "/ap-southeast-2", "skipped: " + suspended + " (SUSPENDED)");
        String member = fleet.accounts().get(0);
        assertThat(dir.resolve(member + "-eu-west-1.json")).exists();

        ByteArrayOutputStream report = new ByteArrayOutputStream();
        int audit = Main.run(List.of("audit", "--inventory", dir.toString(), "--output", "json"), Map.of(),
                new PrintStream(report, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(audit).isZero();
        JsonNode json = new ObjectMapper().readTree(report.toString(StandardCharsets.UTF_8));
        assertThat(json.path("targets")).hasSize(targets - 7)
                .allSatisfy(t -> assertThat(t.path("status").asText()).isEqualTo("audited"));
        JsonNode one = null;
        for (JsonNode t : json.path("targets"))
            if (t.path("accountId").asText().equals(member) && t.path("region").asText().equals("eu-west-1")) one = t;
        assertThat(one).isNotNull();
        assertThat(one.path("report").path("clusters").get(0).path("cluster").asText()).isEqualTo("c-eu-west-1");
    }
}
