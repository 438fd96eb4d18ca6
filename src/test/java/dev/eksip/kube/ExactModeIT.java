package dev.eksip.kube;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eksip.cli.Main;
import dev.eksip.testing.aws.MotoServer;
import dev.eksip.testing.aws.SeededAccount;
import dev.eksip.testing.kube.KubeApiServer;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.eks.EksClient;

/**
 * {@code audit --live --kube}: AWS from moto ({@link SeededAccount}), the cluster's Kubernetes API from the CRUD
 * mock ({@link KubeApiServer}), seeded with the nodes moto launched. moto's {@code DescribeCluster} answers an
 * endpoint of its own that nothing serves, so the run sets {@code KUBERNETES_ENDPOINT_URL} to the mock server (the
 * override the CLI and the function take for tunnels); the CA and token paths are the production ones.
 */
class ExactModeIT {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();
    static SeededAccount account;
    static Ec2Client ec2;

    @BeforeAll
    static void seed() {
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
        ec2 = MOTO.client(Ec2Client.builder());
        account = SeededAccount.seed(ec2, MOTO.client(EksClient.builder()), MOTO.client(AutoScalingClient.builder()));
    }

    @AfterAll
    static void close() {
        ec2.close();
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    private static Instance instance(String id) {
        return ec2.describeInstances(r -> r.instanceIds(id)).reservations().get(0).instances().get(0);
    }

    /**
     * The seeded m5.large nodes of ng-general (g0 in subnet a, g1 in b, g2 in c) each hold 9 secondary IPs on the
     * primary ENI and 9 on a second ENI (10 addresses, one its primary): held 18. Pods seeded per node: 5, 12 and
     * 17 that take addresses, plus 3 hostNetwork and 2 branch-ENI pods each, which do not. Exact warm = held −
     * assigned, reported on the node's ENI holding most pod addresses (a tie goes to the first, the primary):
     *
     * <pre>
     *   node   reported on   held   pods   warm
     *   g0     subnet a       18      5     13
     *   g1     subnet b       18     12      6
     *   g2     subnet c       18     17      1
     * </pre>
     * The other nodes (ng-batch, self-managed) hold no secondary IPs, so warm 0: each subnet's figure is the
     * table's alone, and the pod subnet (g0's second ENI) shows 0. Without --kube the same nodes show the
     * AWS-only lower bound instead.
     */
    @Test
    void exactWarmFiguresEqualTheHandDerivedTable() throws Exception {
        try (KubeApiServer api = new KubeApiServer()) {
            KubeApiServer.Seed s = api.seed();
            int[] pods = {5, 12, 17};
            for (int i = 0; i < 3; i++) {
                Instance g = instance(account.generalNodes().get(i));
                String name = "ip-general-" + i;
                s.node(name, g.instanceId(), g.placement().availabilityZone(), "m5.large", 29,
                        "eks.amazonaws.com/nodegroup", SeededAccount.NG_GENERAL);
                s.pods("default", name, pods[i], "pod").pods("kube-system", name, 3, "host")
                        .pods("default", name, 2, "branch");
            }
            s.awsNode(Map.of("WARM_ENI_TARGET", "1"));

            JsonNode report = new ObjectMapper().readTree(audit(api, "audit", "--live", "--kube", "--output", "json"));

            Map<String, Integer> warm = new HashMap<>();
            for (JsonNode subnet : report.get("subnets")) warm.put(subnet.get("subnetId").asText(),
                    subnet.get("warmIps").asInt());
            assertThat(warm).containsEntry(account.subnetA(), 13).containsEntry(account.subnetB(), 6)
                    .containsEntry(account.subnetC(), 1).containsEntry(account.podSubnet(), 0);
            JsonNode estimated = new ObjectMapper().readTree(audit(api, "audit", "--live", "--output", "json"));
            assertThat(estimated.get("subnets").findValues("warmIps").stream().mapToInt(JsonNode::asInt).sum())
                    .as("the AWS-only estimate differs").isNotEqualTo(13 + 6 + 1);
            JsonNode prod = StreamSupport.stream(report.get("clusters").spliterator(), false)
                    .filter(c -> c.get("cluster").asText().equals(SeededAccount.CLUSTER)).findFirst().orElseThrow();
            assertThat(prod.get("cniSource").asText()).isEqualTo("aws-node");
            assertThat(prod.get("exact").toString()).isEqualTo(
                    "[\"warmIps\",\"maxPods\",\"cni\",\"podSubnets\",\"nodePools\"]");
            assertThat(prod.get("estimated")).isEmpty();
            assertThat(api.requests()).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.authorization()).startsWith("Bearer k8s-aws-v1."));
        }
    }

    @Test
    void withoutAccessTheRunSucceedsWithAGapNamingTheClusterAndStatus() throws Exception {
        try (KubeApiServer api = new KubeApiServer()) {
            api.deny("/", 403);

            JsonNode report = new ObjectMapper().readTree(audit(api, "audit", "--live", "--kube", "--output", "json"));

            assertThat(StreamSupport.stream(report.get("gaps").spliterator(), false)
                    .filter(g -> g.get("errorCode").asText().equals("HTTP 403")).toList())
                    .isNotEmpty().allSatisfy(g -> {
                        assertThat(g.get("scope").asText()).isEqualTo("cluster/prod");
                        assertThat(g.get("message").asText()).contains("cluster prod").contains("HTTP 403");
                    });
        }
    }

    private static String audit(KubeApiServer api, String... args) {
        Map<String, String> env = Map.of("AWS_REGION", "us-east-1", "AWS_ENDPOINT_URL", MOTO.endpoint().toString(),
                "KUBERNETES_ENDPOINT_URL", api.endpoint());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(List.of(args), env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isIn(Main.OK, Main.FINDINGS);
        return out.toString(StandardCharsets.UTF_8);
    }
}
