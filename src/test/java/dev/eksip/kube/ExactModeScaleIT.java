package dev.eksip.kube;

import static dev.eksip.testing.inventory.InventoryFixtures.cluster;
import static dev.eksip.testing.inventory.InventoryFixtures.node;
import static dev.eksip.testing.inventory.InventoryFixtures.nodeGroup;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.domain.Inventory;
import dev.eksip.domain.KubeNode;
import dev.eksip.domain.KubeView;
import dev.eksip.simulation.Forecaster;
import dev.eksip.testing.inventory.InventoryBuilder;
import dev.eksip.testing.kube.KubeApiServer;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * What exact mode costs on a 1,000-node, 20,000-pod cluster (docs/benchmarks.md "Exact mode"): the requests it
 * makes to the API server and its wall time, the AWS inventory being given (in memory). The mock API server is
 * seeded without HTTP ({@link KubeApiServer#preload}); the reader goes through HTTP, JSON and its own paging.
 */
class ExactModeScaleIT {
    static final int NODES = 1_000;
    static final int PODS_PER_NODE = 20;
    static final Instant AT = Instant.parse("2026-12-02T01:00:00Z");

    @Test
    void oneThousandNodesAndTwentyThousandPods() {
        InventoryBuilder b = new InventoryBuilder();
        String[] zones = {"us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d"};
        for (int z = 0; z < 4; z++) b.subnet("subnet-" + z, "vpc-1", zones[z], "10.%d.0.0/17".formatted(z));
        b.cluster(cluster("big").groups(nodeGroup("ng").managed().type("m5.2xlarge").sizes(0, NODES, 1_500)
                .subnets("subnet-0", "subnet-1", "subnet-2", "subnet-3")));
        for (int i = 0; i < NODES; i++)
            b.node(node("big").inGroup("ng").type("m5.2xlarge").subnet("subnet-" + i % 4).secondaryIpsPerEni(14, 14));
        Inventory aws = b.build(AT);

        try (KubeApiServer api = new KubeApiServer()) {
            for (int i = 0; i < NODES; i++) {
                var n = aws.nodes().get(i);
                api.preload("/api/v1/nodes", new NodeBuilder().withNewMetadata().withName("n" + i)
                        .addToLabels("topology.kubernetes.io/zone", n.availabilityZone())
                        .addToLabels("node.kubernetes.io/instance-type", "m5.2xlarge").endMetadata()
                        .withNewSpec().withProviderID("aws:///%s/%s".formatted(n.availabilityZone(), n.instanceId()))
                        .endSpec().withNewStatus().addToCapacity("pods", new Quantity("58")).endStatus().build());
                for (int p = 0; p < PODS_PER_NODE; p++)
                    api.preload("/api/v1/namespaces/default/pods", new PodBuilder().withNewMetadata()
                            .withName("p-%d-%d".formatted(i, p)).withNamespace("default").endMetadata()
                            .withNewSpec().withNodeName("n" + i).addToContainers(new ContainerBuilder().withName("c")
                                    .withImage("app").build()).endSpec()
                            .withNewStatus().withPhase("Running").endStatus().build());
            }
            KubeInventorySource exact = new KubeInventorySource(clusters -> aws, name -> true,
                    name -> new ClusterAccess(name, api.endpoint(), ""),
                    EksEndpoints.tokens(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "s")),
                            "us-east-1", Clock.fixed(AT, ZoneOffset.UTC)), Duration.ofSeconds(60), m -> { });

            exact.load(List.of());                     // warm-up: class loading, JIT
            int before = api.requests().size();
            long start = System.nanoTime();
            Inventory inv = exact.load(List.of());
            Duration wall = Duration.ofNanos(System.nanoTime() - start);
            int requests = api.requests().size() - before;
            long forecastStart = System.nanoTime();
            Forecaster.figures(inv);
            Duration forecast = Duration.ofNanos(System.nanoTime() - forecastStart);

            KubeView view = inv.kubeView("big").orElseThrow();
            assertThat(view.nodes()).hasSize(NODES);
            assertThat(view.nodes().stream().mapToInt(KubeNode::pods).sum()).isEqualTo(NODES * PODS_PER_NODE);
            assertThat(requests).isBetween(7, 7 + (NODES + NODES * PODS_PER_NODE) / (int) KubeReader.PAGE);
            System.out.printf("exact mode, %d nodes / %d pods: %d Kubernetes API requests (+1 eks:DescribeCluster),"
                    + " %d ms wall; forecast with exact figures %d ms%n", NODES, NODES * PODS_PER_NODE, requests,
                    wall.toMillis(), forecast.toMillis());
        }
    }
}
