package dev.eksip.aws;

import static dev.eksip.testing.inventory.InventoryFixtures.cni;
import dev.eksip.domain.Scope;

import dev.eksip.domain.ReservationType;
import dev.eksip.domain.IpFamily;
import dev.eksip.domain.CniSource;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.app.snapshot.InventoryFile;
import dev.eksip.cli.Main;
import dev.eksip.domain.Cluster;
import dev.eksip.domain.CniSettings;
import dev.eksip.domain.Eni;
import dev.eksip.domain.Inventory;
import dev.eksip.domain.Node;
import dev.eksip.domain.NodeGroup;
import dev.eksip.domain.Subnet;
import dev.eksip.testing.aws.MotoServer;
import dev.eksip.testing.aws.SeededAccount;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.eks.EksClient;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@link AwsInventorySource} against moto server seeded with {@link SeededAccount}. */
class AwsInventoryIT {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();
    static SeededAccount account;
    static Ec2Client ec2;
    static AwsClients clients;
    static final ApiCallCounter COUNTER = new ApiCallCounter();

    @BeforeAll
    static void seed() {
        // the default credentials chain reads these (the process environment cannot be changed from Java)
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
        ec2 = MOTO.client(Ec2Client.builder());
        account = SeededAccount.seed(ec2, MOTO.client(EksClient.builder()), MOTO.client(AutoScalingClient.builder()));
        clients = AwsClients.fromEnvironment(Map.of("AWS_REGION", "us-east-1",
                "AWS_ENDPOINT_URL", MOTO.endpoint().toString()), COUNTER);
    }

    @AfterAll
    static void close() {
        clients.close();
        ec2.close();
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    static Inventory load(Map<String, CniSettings> configured, List<String> clusters) {
        return AwsInventorySource.using(clients, configured, m -> { }).load(clusters);
    }

    @Test
    void subnetsAreReadWithTheAvailableCountsMotoReports() {
        Inventory inventory = load(Map.of(), List.of());

        Map<String, Integer> moto = ec2.describeSubnetsPaginator(r -> r.filters(f -> f.name("vpc-id")
                        .values(account.vpcId()))).subnets().stream()
                .collect(Collectors.toMap(s -> s.subnetId(), s -> s.availableIpAddressCount()));
        assertThat(inventory.subnets()).extracting(Subnet::subnetId).containsExactlyInAnyOrder(
                account.subnetA(), account.subnetB(), account.subnetC(), account.podSubnet());
        for (Subnet s : inventory.subnets()) {
            assertThat(s.availableIps()).as(s.subnetId()).isEqualTo(moto.get(s.subnetId()));
            assertThat(s.vpcId()).isEqualTo(account.vpcId());
            // and it is what the ENIs read + the prefix reservation take from the usable addresses
            int prefix = Integer.parseInt(s.cidr().substring(s.cidr().indexOf('/') + 1));
            int usable = (1 << (32 - prefix)) - 5;
            int held = allEnis(inventory).stream().filter(e -> e.subnetId().equals(s.subnetId()))
                    .mapToInt(e -> e.take().addresses()).sum();
            int reserved = s.reservations().stream().filter(r -> r.type() == ReservationType.PREFIX).mapToInt(r -> 16).sum();
            assertThat(s.availableIps()).as(s.subnetId()).isEqualTo(usable - held - reserved);
        }
        Subnet c = subnet(inventory, account.subnetC());
        assertThat(c.availabilityZone()).isEqualTo("us-east-1c");
        assertThat(c.reservations()).containsExactly(
                new Subnet.CidrReservation(account.reservationId(), "10.20.2.128/28", ReservationType.PREFIX));
        assertThat(subnet(inventory, account.podSubnet()).tags()).containsEntry("kubernetes.io/role/cni", "1");
        assertThat(inventory.accountId()).isEqualTo(MotoServer.ACCOUNT_ID);
        assertThat(inventory.region()).isEqualTo("us-east-1");
        assertThat(inventory.gaps()).isEmpty();
        assertThat(inventory.instanceLimits()).isEmpty(); // every type in use is in the embedded table
    }

    @Test
    void everyEniAndAddressIsAttributedToTheNodeItIsAttachedTo() {
        Inventory inventory = load(Map.of(), List.of());

        List<NetworkInterface> motoEnis = ec2.describeNetworkInterfacesPaginator(r -> r.filters(f -> f.name("vpc-id")
                .values(account.vpcId()))).networkInterfaces().stream().toList();
        assertThat(allEnis(inventory)).extracting(Eni::eniId).containsExactlyInAnyOrderElementsOf(
                motoEnis.stream().map(NetworkInterface::networkInterfaceId).toList());
        for (NetworkInterface n : motoEnis) {
            Eni eni = allEnis(inventory).stream().filter(e -> e.eniId().equals(n.networkInterfaceId())).findFirst()
                    .orElseThrow();
            List<String> addresses = new ArrayList<>(eni.secondaryIps());
            addresses.add(eni.primaryIp());
            assertThat(addresses).containsExactlyInAnyOrderElementsOf(
                    n.privateIpAddresses().stream().map(p -> p.privateIpAddress()).toList());
            if (n.attachment() != null) {
                Node node = node(inventory, n.attachment().instanceId());
                assertThat(node.enis()).contains(eni);
                assertThat(eni.deviceIndex()).isEqualTo(n.attachment().deviceIndex());
            } else {
                assertThat(inventory.otherEnis()).contains(eni);
            }
        }

        for (String id : account.generalNodes()) {
            Node n = node(inventory, id);
            assertThat(n.nodeGroup()).isEqualTo(SeededAccount.NG_GENERAL);
            assertThat(n.instanceType()).isEqualTo("m5.large");
            assertThat(n.enis()).extracting(Eni::deviceIndex).containsExactly(0, 1);
            assertThat(n.enis()).allSatisfy(e -> assertThat(e.secondaryIps()).hasSize(9));
            assertThat(n.enis().get(0).subnetId()).isEqualTo(n.subnetId());
        }
        Node first = node(inventory, account.generalNodes().get(0));
        assertThat(first.availabilityZone()).isEqualTo("us-east-1a");
        assertThat(first.enis().get(1).subnetId()).isEqualTo(account.podSubnet());

        for (String id : account.batchNodes()) {
            assertThat(node(inventory, id).nodeGroup()).isEqualTo(SeededAccount.NG_BATCH);
            assertThat(node(inventory, id).instanceType()).isEqualTo("c5.xlarge");
        }
        Eni noManage = node(inventory, account.batchNodes().get(0)).enis().get(1);
        assertThat(noManage.eniId()).isEqualTo(account.noManageEni());
        assertThat(noManage.noManage()).isTrue();

        assertThat(account.selfManagedNodes()).hasSize(2);
        for (String id : account.selfManagedNodes()) {
            Node n = node(inventory, id);
            assertThat(n.nodeGroup()).isEqualTo(SeededAccount.ASG_SELF);
            assertThat(n.instanceType()).isEqualTo("t3.large");
            assertThat(n.enis()).hasSize(1);
        }
        // the other cluster's instance in the default VPC is not read
        assertThat(inventory.nodes()).hasSize(7).allSatisfy(n -> assertThat(n.cluster()).isEqualTo("prod"));
        assertThat(inventory.otherEnis()).extracting(Eni::eniId).containsExactly(account.loadBalancerEni());
        assertThat(inventory.otherEnis().get(0).instanceId()).isEmpty();
        assertThat(inventory.otherEnis().get(0).deviceIndex()).isEqualTo(-1);
    }

    @Test
    void nodeGroupsHaveTheirSizesSubnetsAndInstanceTypes() {
        Inventory inventory = load(Map.of(), List.of());

        assertThat(inventory.clusters()).hasSize(1);
        Cluster prod = inventory.clusters().get(0);
        assertThat(prod.name()).isEqualTo(SeededAccount.CLUSTER);
        assertThat(prod.vpcId()).isEqualTo(account.vpcId()); // moto gives none: taken from the cluster's subnets
        assertThat(prod.ipFamily()).isEqualTo(IpFamily.IPV4);
        // moto has no EKS add-ons: DescribeAddon answers 404, the cluster falls back to ipamd's defaults
        assertThat(prod.cniSource()).isEqualTo(CniSource.DEFAULT);
        assertThat(prod.cni()).isEqualTo(CniSettings.DEFAULTS);
        assertThat(prod.podSubnets()).isEmpty();
        assertThat(prod.nodeGroups()).extracting(NodeGroup::name)
                .containsExactly(SeededAccount.NG_BATCH, SeededAccount.NG_GENERAL, SeededAccount.ASG_SELF);

        NodeGroup general = group(prod, SeededAccount.NG_GENERAL);
        assertThat(general.managed()).isTrue();
        assertThat(general.customAmi()).isFalse();
        assertThat(general.instanceTypes()).containsExactly("m5.large");
        assertThat(List.of(general.minSize(), general.desiredSize(), general.maxSize())).containsExactly(2, 3, 6);
        assertThat(general.subnetIds()).containsExactly(account.subnetA(), account.subnetB(), account.subnetC());
        assertThat(general.autoScalingGroup()).startsWith("eks-");

        NodeGroup batch = group(prod, SeededAccount.NG_BATCH);
        assertThat(batch.instanceTypes()).containsExactly("c5.xlarge");
        assertThat(List.of(batch.minSize(), batch.desiredSize(), batch.maxSize())).containsExactly(0, 2, 4);
        assertThat(batch.subnetIds()).containsExactly(account.subnetA(), account.subnetB());

        NodeGroup self = group(prod, SeededAccount.ASG_SELF);
        assertThat(self.managed()).isFalse();
        assertThat(self.instanceTypes()).containsExactly("t3.large"); // from the launch template
        assertThat(List.of(self.minSize(), self.desiredSize(), self.maxSize())).containsExactly(1, 2, 4);
        assertThat(self.subnetIds()).containsExactly(account.subnetB(), account.subnetC());
        assertThat(self.autoScalingGroup()).isEqualTo(SeededAccount.ASG_SELF);
    }

    @Test
    void configuredSettingsApplyWithoutAnAddonAndCustomNetworkingPodSubnetsAreInferred() {
        CniSettings custom = cni().customNetworking().build();
        Inventory inventory = load(Map.of("prod", custom), List.of("prod"));

        Cluster prod = inventory.clusters().get(0);
        assertThat(prod.cniSource()).isEqualTo(CniSource.CONFIGURED);
        assertThat(prod.cni()).isEqualTo(custom);
        // the one pod ENI outside its node's subnet: us-east-1a → the pod subnet
        assertThat(prod.podSubnets()).containsExactly(Map.entry("us-east-1a", account.podSubnet()));
    }

    @Test
    void anUnknownClusterIsAGapNotAFailure() {
        Inventory inventory = load(Map.of(), List.of("nope"));

        assertThat(inventory.clusters()).isEmpty();
        assertThat(inventory.nodes()).isEmpty();
        assertThat(inventory.gaps()).singleElement().satisfies(g -> {
            assertThat(g.scope()).isEqualTo(Scope.cluster("nope"));
            assertThat(g.operation()).isEqualTo("eks:DescribeCluster");
            assertThat(g.errorCode()).isEqualTo("ResourceNotFoundException");
        });
    }

    @Test
    void apiCallsGrowWithPagesNotNodesAndAreAllDocumentedIamActions() {
        COUNTER.reset();
        load(Map.of(), List.of());

        Map<String, Integer> calls = COUNTER.calls();
        System.out.printf("API calls for the seeded account (1 cluster, 3 node groups, 7 nodes, 12 ENIs, 4 subnets): "
                + "%d %s%n", calls.values().stream().mapToInt(Integer::intValue).sum(), calls);
        // 1 page each, except the per-cluster / per-node-group / per-subnet EKS and reservation calls
        assertThat(calls).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("Eks:ListClusters", 1), Map.entry("Eks:DescribeCluster", 1),
                Map.entry("Eks:ListNodegroups", 1), Map.entry("Eks:DescribeNodegroup", 2),
                Map.entry("Eks:DescribeAddon", 1), Map.entry("AutoScaling:DescribeAutoScalingGroups", 1),
                Map.entry("Ec2:DescribeLaunchTemplateVersions", 1), Map.entry("Ec2:DescribeInstances", 1),
                Map.entry("Ec2:DescribeSubnets", 2), Map.entry("Ec2:GetSubnetCidrReservations", 4),
                Map.entry("Ec2:DescribeNetworkInterfaces", 1)));
        for (String call : calls.keySet())
            assertThat(AwsInventorySource.IAM_ACTIONS).contains(iamAction(call));
    }

    @Test
    void inventoryExportWritesASnapshotThatReadsBackAsTheLiveInventory(@TempDir Path dir) {
        Path file = dir.resolve("prod.json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // the SDK's own endpoint and region settings (system-property form of AWS_ENDPOINT_URL / AWS_REGION)
        System.setProperty("aws.endpointUrl", MOTO.endpoint().toString());
        System.setProperty("aws.region", "us-east-1");
        int code;
        try {
            code = Main.run(List.of("inventory", "export", "--output", file.toString(), "--cluster", "prod"),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        } finally {
            System.clearProperty("aws.endpointUrl");
            System.clearProperty("aws.region");
        }

        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(code).isEqualTo(Main.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("wrote " + file)
                .contains("1 cluster(s), 3 node group(s), 7 node(s), 4 subnet(s), 12 ENI(s), 0 gap(s)");
        Inventory read = InventoryFile.read(file);
        Inventory live = load(Map.of(), List.of("prod"));
        // the file carries everything the live read has, the clusters' own subnets included (KeepFreeSnapshotTest)
        assertThat(live.clusters().get(0).subnetIds()).hasSize(3);
        assertThat(read).usingRecursiveComparison().ignoringFields("capturedAt").isEqualTo(live);
        assertThat(new Inventory(read.accountId(), read.region(), live.capturedAt(), read.subnets(), read.clusters(),
                read.nodes(), read.otherEnis(), read.instanceLimits(), read.gaps())).isEqualTo(live);
    }

    @Test
    void auditLiveReportsTheAddressesMotoReportsAndTheSameForecastAsItsExport(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("prod.json");
        String live;
        String offline;
        System.setProperty("aws.endpointUrl", MOTO.endpoint().toString());
        System.setProperty("aws.region", "us-east-1");
        try {
            live = run("audit", "--live", "--output", "json");
            run("inventory", "export", "--output", file.toString());
        } finally {
            System.clearProperty("aws.endpointUrl");
            System.clearProperty("aws.region");
        }
        offline = run("audit", "--inventory", file.toString(), "--output", "json");

        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var liveReport = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(live);
        var offlineReport = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(offline);
        Map<String, Integer> moto = ec2.describeSubnetsPaginator(r -> r.filters(f -> f.name("vpc-id")
                        .values(account.vpcId()))).subnets().stream()
                .collect(Collectors.toMap(s -> s.subnetId(), s -> s.availableIpAddressCount()));
        assertThat(liveReport.get("subnets")).hasSize(4);
        for (var subnet : liveReport.get("subnets"))
            assertThat(subnet.get("availableIps").asInt()).as(subnet.get("subnetId").asText())
                    .isEqualTo(moto.get(subnet.get("subnetId").asText()));
        for (var report : List.of(liveReport, offlineReport)) {
            report.remove("asOf");
            report.remove("source");
        }
        assertThat(liveReport.get("subnets").get(0).has("forecastAtUpdate")).isTrue();
        assertThat(liveReport.get("subnets")).anySatisfy(s -> assertThat(s.get("controlPlaneOf")).isNotEmpty());
        assertThat(offlineReport).isEqualTo(liveReport);
    }

    /**
     * The forecast for subnet c worked out by hand from the seeded configuration (vpc-cni-model.md §6, §8, §9):
     * at max, ng-general (m5.large, 3 → 6, one node per zone) adds one node in c and the self-managed group
     * (t3.large, 2 → 4 over b and c) one more; ng-batch does not launch in c. Median holdings: an m5.large node
     * holds 2 ENIs x (1 + 9) = 20, a self-managed node its primary IP = 1. Baseline (0 pods): m5.large 1 + 9,
     * t3.large 1 + 11. Full: m5.large at 29 max pods (managed cap 110 does not bite) → 27 pods → 3 ENIs x 10;
     * t3.large self-managed at 3 x 11 + 2 = 35 max pods → 33 pods → 3 ENIs x 12. Pod ENIs stay in c: it is the
     * only subnet-discovery candidate of us-east-1c. At desired nothing grows (desired = running nodes).
     */
    @Test
    void auditLiveForecastsSubnetCAsTheModelRulesPredict() throws Exception {
        System.setProperty("aws.endpointUrl", MOTO.endpoint().toString());
        System.setProperty("aws.region", "us-east-1");
        String json;
        try {
            json = run("audit", "--live", "--output", "json");
        } finally {
            System.clearProperty("aws.endpointUrl");
            System.clearProperty("aws.region");
        }
        var report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        var c = java.util.stream.StreamSupport.stream(report.get("subnets").spliterator(), false)
                .filter(s -> s.get("subnetId").asText().equals(account.subnetC())).findFirst().orElseThrow();
        int available = c.get("availableIps").asInt();
        // moto picks the zones of the Auto Scaling group's two instances; Auto Scaling then fills the emptier zone
        long selfInC = account.selfManagedNodes().stream().filter(id -> ec2.describeInstances(r -> r.instanceIds(id))
                .reservations().get(0).instances().get(0).subnetId().equals(account.subnetC())).count();
        int newSelfInC = switch ((int) selfInC) {
            case 0 -> 2;    // b:2 c:0 → both new nodes go to c
            case 1 -> 1;    // b:1 c:1 → one each
            default -> 0;   // b:0 c:2 → both go to b
        };

        assertThat(c.get("forecastAtDesired").get("median").asInt()).isEqualTo(available);
        assertThat(c.get("forecastAtMax").get("baseline").asInt()).isEqualTo(available - 10 - 12 * newSelfInC);
        assertThat(c.get("forecastAtMax").get("median").asInt()).isEqualTo(available - 20 - newSelfInC);
        // under full the existing nodes in c grow to a full node too: the managed node (20 → 30) and each
        // self-managed one (its primary IP → 36)
        assertThat(c.get("forecastAtMax").get("full").asInt())
                .isEqualTo(available - 30 - 10 - 36 * newSelfInC - 35 * (int) selfInC);
        assertThat(c.get("usableIps").asInt()).isEqualTo(251);
    }

    /** {@code audit --live} and {@code inventory export} agree: exit 2, naming the cluster and the ones that exist. */
    @Test
    void aClusterTheAccountDoesNotHaveIsBadInputForAuditLiveAndInventoryExport(@TempDir Path dir) {
        System.setProperty("aws.endpointUrl", MOTO.endpoint().toString());
        System.setProperty("aws.region", "us-east-1");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream exportErr = new ByteArrayOutputStream();
        Path file = dir.resolve("nope.json");
        int code;
        int exportCode;
        try {
            code = Main.run(List.of("audit", "--live", "--cluster", "nope"), new PrintStream(new ByteArrayOutputStream()),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            exportCode = Main.run(List.of("inventory", "export", "-o", file.toString(), "-c", "nope"),
                    new PrintStream(new ByteArrayOutputStream()), new PrintStream(exportErr, true, StandardCharsets.UTF_8));
        } finally {
            System.clearProperty("aws.endpointUrl");
            System.clearProperty("aws.region");
        }
        assertThat(code).isEqualTo(Main.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--cluster", "nope", "us-east-1")
                .contains("the region has ").contains("prod");
        assertThat(exportCode).isEqualTo(Main.BAD_INPUT);
        assertThat(exportErr.toString(StandardCharsets.UTF_8)).isEqualTo(err.toString(StandardCharsets.UTF_8));
        assertThat(file).doesNotExist();
    }

    private static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(String.join(" ", args) + ": " + err.toString(StandardCharsets.UTF_8))
                .isIn(Main.OK, Main.FINDINGS);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String iamAction(String counted) {
        String[] parts = counted.split(":");
        String service = switch (parts[0]) {
            case "Ec2" -> "ec2";
            case "Eks" -> "eks";
            case "AutoScaling" -> "autoscaling";
            default -> throw new IllegalArgumentException(counted);
        };
        return service + ":" + parts[1];
    }

    static List<Eni> allEnis(Inventory inventory) {
        List<Eni> all = new ArrayList<>(inventory.otherEnis());
        inventory.nodes().forEach(n -> all.addAll(n.enis()));
        return all;
    }

    static Node node(Inventory inventory, String id) {
        return inventory.nodes().stream().filter(n -> n.instanceId().equals(id)).findFirst().orElseThrow();
    }

    static Subnet subnet(Inventory inventory, String id) {
        return inventory.subnets().stream().filter(s -> s.subnetId().equals(id)).findFirst().orElseThrow();
    }

    static NodeGroup group(Cluster cluster, String name) {
        return cluster.nodeGroups().stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
    }
}
