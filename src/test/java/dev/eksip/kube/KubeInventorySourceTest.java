package dev.eksip.kube;

import static dev.eksip.testing.inventory.InventoryFixtures.cluster;
import static dev.eksip.testing.inventory.InventoryFixtures.cni;
import static dev.eksip.testing.inventory.InventoryFixtures.node;
import static dev.eksip.testing.inventory.InventoryFixtures.nodeGroup;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.app.RunForecast;
import dev.eksip.app.port.InventorySource;
import dev.eksip.app.report.ReportJson;
import dev.eksip.domain.Cluster;
import dev.eksip.domain.CniSource;
import dev.eksip.domain.Inventory;
import dev.eksip.domain.InventoryGap;
import dev.eksip.domain.KubeNodePool;
import dev.eksip.domain.KubePart;
import dev.eksip.domain.KubeView;
import dev.eksip.simulation.Forecaster;
import dev.eksip.simulation.SubnetFigures;
import dev.eksip.testing.inventory.InventoryBuilder;
import dev.eksip.testing.kube.KubeApiServer;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Exact mode end to end on the Kubernetes side: a CRUD API server seeded with real objects, read by our client. */
class KubeInventorySourceTest {
    static final Instant AT = Instant.parse("2026-12-02T01:00:00Z");
    private final KubeApiServer api = new KubeApiServer();

    @AfterEach
    void stop() {
        api.close();
    }

    /** Three m5.large nodes: ENIs hold 9+9, 9 and 9+9 secondary IPs in subnets a, a and b. */
    static InventoryBuilder threeNodes(InventoryBuilder b) {
        return b.subnet("subnet-a", "vpc-1", "us-east-1a", "10.0.0.0/24")
                .subnet("subnet-b", "vpc-1", "us-east-1b", "10.0.1.0/24")
                .cluster(cluster("c1").groups(nodeGroup("ng").managed().type("m5.large").sizes(1, 3, 6)
                        .subnets("subnet-a", "subnet-b")))
                .node(node("c1").inGroup("ng").type("m5.large").subnet("subnet-a").secondaryIpsPerEni(9, 9))
                .node(node("c1").inGroup("ng").type("m5.large").subnet("subnet-a").secondaryIpsPerEni(9))
                .node(node("c1").inGroup("ng").type("m5.large").subnet("subnet-b").secondaryIpsPerEni(9, 9));
    }

    /** The nodes' pods: node 1 runs 7 pods + 2 hostNetwork + 1 branch-ENI pod, node 2 runs 9, node 3 runs 12. */
    void seedThreeNodes(Inventory inv) {
        KubeApiServer.Seed s = api.seed();
        for (int i = 0; i < 3; i++) {
            var n = inv.nodes().get(i);
            s.node("n" + (i + 1), n.instanceId(), n.availabilityZone(), "m5.large", 29,
                    "eks.amazonaws.com/nodegroup", "ng");
        }
        s.pods("default", "n1", 7, "pod").pods("kube-system", "n1", 2, "host").pods("default", "n1", 1, "branch")
                .pods("default", "n2", 9, "pod").pods("default", "n3", 12, "pod");
    }

    private KubeInventorySource exact(Inventory aws, Function<String, ClusterAccess> access) {
        InventorySource source = clusters -> aws;
        return new KubeInventorySource(source, name -> true, access,
                EksEndpoints.tokens(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")),
                        "us-east-1", Clock.fixed(AT, ZoneOffset.UTC)), Duration.ofSeconds(5), m -> { });
    }

    private KubeInventorySource exact(Inventory aws) {
        return exact(aws, name -> new ClusterAccess(name, api.endpoint(), ""));
    }

    private static Map<String, Integer> warm(Inventory inv) {
        return Forecaster.figures(inv).subnets().stream()
                .collect(Collectors.toMap(f -> f.subnet().subnetId(), SubnetFigures::warmIps));
    }

    @Test
    void warmAddressesAreHeldMinusAssignedPerNode() {
        Inventory aws = threeNodes(new InventoryBuilder()).build(AT);
        seedThreeNodes(aws);

        Inventory inv = exact(aws).load(List.of());

        // hand-derived: held − pods that take an ipamd address (hostNetwork and branch-ENI pods do not)
        //   node 1: 18 − 7 = 11 (subnet-a)   node 2: 9 − 9 = 0 (subnet-a)   node 3: 18 − 12 = 6 (subnet-b)
        assertThat(warm(inv)).isEqualTo(Map.of("subnet-a", 11, "subnet-b", 6));
        assertThat(warm(aws)).as("the AWS-only lower bound differs").isNotEqualTo(warm(inv));
        KubeView view = inv.kubeView("c1").orElseThrow();
        assertThat(view.read()).containsExactlyInAnyOrder(KubePart.values());
        assertThat(view.nodes()).extracting(n -> n.pods()).containsExactlyInAnyOrder(10 - 3, 9, 12);
        assertThat(inv.gaps()).isEmpty();
        // real max pods (capacity.pods 29) replace the calculator's for the group
        assertThat(inv.clusters().getFirst().nodeGroups().getFirst().maxPods()).isEqualTo(29);
    }

    @Test
    void everyRequestCarriesAnEksTokenForTheClusterAndListsPageFromTheWatchCache() {
        Inventory aws = threeNodes(new InventoryBuilder()).build(AT);
        seedThreeNodes(aws);

        exact(aws).load(List.of());

        List<KubeApiServer.Request> requests = api.requests();
        assertThat(requests).isNotEmpty().allSatisfy(r -> {
            assertThat(r.authorization()).startsWith("Bearer k8s-aws-v1.");
            String url = new String(Base64.getUrlDecoder().decode(r.authorization()
                    .substring("Bearer k8s-aws-v1.".length())), StandardCharsets.UTF_8);
            assertThat(URI.create(url).getHost()).isEqualTo("sts.us-east-1.amazonaws.com");
            assertThat(url).contains("X-Amz-SignedHeaders=host%3Bx-k8s-aws-id").contains("X-Amz-Expires=60");
        });
        assertThat(requests).filteredOn(r -> !r.path().contains("/daemonsets/"))
                .allSatisfy(r -> assertThat(r.path()).contains("limit=500").contains("resourceVersion=0"));
        assertThat(requests).extracting(r -> r.path().replaceAll("\\?.*", "")).containsExactly(
                "/api/v1/nodes", "/api/v1/pods", "/apis/apps/v1/namespaces/kube-system/daemonsets/aws-node",
                "/apis/crd.k8s.amazonaws.com/v1alpha1/eniconfigs", "/apis/karpenter.sh/v1/nodepools",
                "/apis/karpenter.k8s.aws/v1/ec2nodeclasses", "/apis/eks.amazonaws.com/v1/nodeclasses");
    }

    @Test
    void theAwsNodeEnvWinsOverTheAddonConfiguration() {
        Inventory aws = threeNodes(new InventoryBuilder()).build(AT);
        Cluster addon = new Cluster("c1", "vpc-1", aws.clusters().getFirst().ipFamily(),
                cni().warmEniTarget(1).build(), CniSource.ADDON, Map.of(), aws.clusters().getFirst().nodeGroups());
        aws = new Inventory(aws.accountId(), aws.region(), aws.capturedAt(), aws.subnets(), List.of(addon),
                aws.nodes(), aws.otherEnis(), aws.instanceLimits(), aws.gaps());
        seedThreeNodes(aws);
        api.seed().awsNode(Map.of("WARM_IP_TARGET", "5", "MINIMUM_IP_TARGET", "10", "WARM_ENI_TARGET", "1"));

        Cluster c = exact(aws).load(List.of()).clusters().getFirst();

        assertThat(c.cniSource()).isEqualTo(CniSource.AWS_NODE);
        assertThat(c.cni()).isEqualTo(cni().warmIpTarget(5).minimumIpTarget(10).build());
        assertThat(c.cni()).isNotEqualTo(addon.cni());
    }

    @Test
    void theAwsNodeEnvGivesClusterNameForSubnetDiscoverysClusterTags() {
        // ValidSubnetTagsMatchingClusterName reads os.Getenv("CLUSTER_NAME") of the aws-node container.
        Inventory aws = threeNodes(new InventoryBuilder()).build(AT);
        seedThreeNodes(aws);
        api.seed().awsNode(Map.of("CLUSTER_NAME", "prod-east"));

        Cluster c = exact(aws).load(List.of()).clusters().getFirst();

        assertThat(c.cniSource()).isEqualTo(CniSource.AWS_NODE);
        assertThat(c.cni().clusterName()).isEqualTo("prod-east");
    }

    @Test
    void eniConfigsGiveThePodSubnetOfAZoneWithNoPodEniYet() {
        Inventory aws = new InventoryBuilder()
                .subnet("subnet-a", "vpc-1", "us-east-1a", "10.0.0.0/24")
                .subnet("subnet-b", "vpc-1", "us-east-1b", "10.0.1.0/24")
                .subnet("subnet-pa", "vpc-1", "us-east-1a", "100.64.0.0/24")
                .subnet("subnet-pb", "vpc-1", "us-east-1b", "100.64.1.0/24")
                .cluster(cluster("c1").cni(cni().customNetworking()).podSubnet("us-east-1a", "subnet-pa")
                        .groups(nodeGroup("ng").managed().type("m5.large").sizes(1, 1, 4)
                                .subnets("subnet-a", "subnet-b")))
                .node(node("c1").inGroup("ng").type("m5.large").subnet("subnet-a").podSubnet("subnet-pa")
                        .secondaryIpsPerEni(0, 9))
                .build(AT);
        KubeApiServer.Seed s = api.seed();
        s.node("n1", aws.nodes().getFirst().instanceId(), "us-east-1a", "m5.large", 20);
        s.awsNode(Map.of("AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG", "true"));
        s.eniConfig("us-east-1a", "subnet-pa").eniConfig("us-east-1b", "subnet-pb");

        Inventory inv = exact(aws).load(List.of());

        assertThat(inv.clusters().getFirst().podSubnets())
                .isEqualTo(Map.of("us-east-1a", "subnet-pa", "us-east-1b", "subnet-pb"));
        Map<String, SubnetFigures> f = Forecaster.figures(inv).subnets().stream()
                .collect(Collectors.toMap(x -> x.subnet().subnetId(), x -> x));
        Map<String, SubnetFigures> before = Forecaster.figures(aws).subnets().stream()
                .collect(Collectors.toMap(x -> x.subnet().subnetId(), x -> x));
        assertThat(f.get("subnet-pb").atMax().full()).as("growth in 1b takes pod addresses from subnet-pb")
                .isLessThan(f.get("subnet-pb").freeNow());
        assertThat(before.get("subnet-pb").atMax().full()).isEqualTo(before.get("subnet-pb").freeNow());
    }

    @Test
    void aForbiddenCrdFallsBackAloneWithAGapNamingClusterAndStatus() {
        Inventory aws = threeNodes(new InventoryBuilder()).build(AT);
        seedThreeNodes(aws);
        api.deny("/apis/crd.k8s.amazonaws.com", 403).deny("/apis/karpenter.sh", 403)
                .deny("/apis/karpenter.k8s.aws", 403).deny("/apis/eks.amazonaws.com", 403);

        Inventory inv = exact(aws).load(List.of());

        KubeView view = inv.kubeView("c1").orElseThrow();
        assertThat(view.read()).containsExactlyInAnyOrder(KubePart.NODES, KubePart.PODS, KubePart.AWS_NODE);
        assertThat(view.exact()).containsExactly(KubeView.Figure.WARM_IPS, KubeView.Figure.MAX_PODS,
                KubeView.Figure.CNI);
        assertThat(warm(inv)).isEqualTo(Map.of("subnet-a", 11, "subnet-b", 6));
        assertThat(inv.gaps()).hasSize(4).allSatisfy(g -> {
            assertThat(g.scope().id()).isEqualTo("cluster/c1");
            assertThat(g.errorCode()).isEqualTo("HTTP 403");
            assertThat(g.message()).contains("cluster c1").contains("HTTP 403");
        });
        assertThat(inv.gaps()).extracting(InventoryGap::operation).containsExactly(
                "kubernetes:list eniconfigs.crd.k8s.amazonaws.com/v1alpha1",
                "kubernetes:list nodepools.karpenter.sh/v1", "kubernetes:list ec2nodeclasses.karpenter.k8s.aws/v1",
                "kubernetes:list nodeclasses.eks.amazonaws.com/v1");
    }

    @Test
    void anUnreachableEndpointIsAGapAndTheAwsEstimatesStand() {
        Inventory aws = threeNodes(new InventoryBuilder()).build(AT);

        long start = System.nanoTime();
        Inventory inv = exact(aws, name -> new ClusterAccess(name, "http://127.0.0.1:1", "")).load(List.of());

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        assertThat(inv.clusters()).isEqualTo(aws.clusters());
        assertThat(warm(inv)).isEqualTo(warm(aws));
        assertThat(inv.gaps()).singleElement().satisfies(g -> {
            assertThat(g.scope().id()).isEqualTo("cluster/c1");
            assertThat(g.errorCode()).isEqualTo("unreachable");
            assertThat(g.message()).contains("cluster c1").contains("could not be reached");
        });
        String json = ReportJson.render(RunForecast.forecast(inv, AT), "live");
        assertThat(json).contains("\"exact\" : [ ]")
                .contains("\"estimated\" : [ \"warmIps\", \"maxPods\", \"cni\", \"podSubnets\", \"nodePools\" ]");
    }

    @Test
    void karpenterAndAutoModePoolsAreReadWithLimitsAndSubnetSelectors() {
        Inventory aws = threeNodes(new InventoryBuilder()).build(AT);
        api.seed().nodePool("general", "karpenter.k8s.aws", "default", Map.of("cpu", "1000", "memory", "1000Gi"),
                        List.of("m5.large", "m5.xlarge"))
                .nodePool("batch", "karpenter.k8s.aws", "default", Map.of("cpu", "64"), List.of())
                .nodePool("system", "eks.amazonaws.com", "auto", Map.of(), List.of())
                .nodePool("dense", "eks.amazonaws.com", "ips", Map.of(), List.of())
                .ec2NodeClass("default", "karpenter.sh/discovery", "c1")
                .autoNodeClass("auto", "subnet-a", "subnet-b")
                .autoNodeClassSecondaryIps("ips", "subnet-c");

        List<KubeNodePool> pools = exact(aws).load(List.of()).kubeView("c1").orElseThrow().nodePools();

        assertThat(pools).containsExactly(
                new KubeNodePool("batch", KubeNodePool.Kind.KARPENTER, Map.of("cpu", "64"), List.of(), "default",
                        List.of("tag:karpenter.sh/discovery=c1"), List.of()),
                new KubeNodePool("dense", KubeNodePool.Kind.AUTO_MODE, Map.of(), List.of(), "ips",
                        List.of("id=subnet-c"), List.of(), true),
                new KubeNodePool("general", KubeNodePool.Kind.KARPENTER, Map.of("cpu", "1000", "memory", "1000Gi"),
                        List.of("m5.large", "m5.xlarge"), "default", List.of("tag:karpenter.sh/discovery=c1"),
                        List.of()),
                new KubeNodePool("system", KubeNodePool.Kind.AUTO_MODE, Map.of(), List.of(), "auto",
                        List.of("id=subnet-a"), List.of("id=subnet-b")));
    }
}
