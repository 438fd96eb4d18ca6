package dev.eksip.sample;

import dev.eksip.domain.CniSource;

import static dev.eksip.testing.inventory.InventoryFixtures.cluster;
import static dev.eksip.testing.inventory.InventoryFixtures.cni;
import static dev.eksip.testing.inventory.InventoryFixtures.node;
import static dev.eksip.testing.inventory.InventoryFixtures.nodeGroup;

import dev.eksip.app.snapshot.InventoryFile;
import dev.eksip.domain.CniSettings;
import dev.eksip.domain.Inventory;
import dev.eksip.domain.NodePool;
import dev.eksip.domain.Provisioner;
import dev.eksip.app.snapshot.SubnetSeries;
import dev.eksip.testing.inventory.InventoryBuilder;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The account behind the snapshot embedded in the jar ({@code src/main/resources/sample/inventory.json}), which
 * {@code audit} shows when no source is given. Four clusters in three zones of one VPC:
 * <ul>
 *   <li>{@code checkout}: default CNI (WARM_ENI_TARGET=1), a managed and a self-managed node group; its /25 in
 *       us-east-1c is exhausted by the next scale-out of {@code workers};</li>
 *   <li>{@code search}: prefix delegation; its us-east-1a subnet still reports hundreds of free addresses but
 *       churned secondary IPs left no free aligned /28 block;</li>
 *   <li>{@code analytics}: custom networking, pod ENIs in 100.64.0.0/16 pod subnets; healthy;</li>
 *   <li>{@code mobile}: Karpenter, one NodePool ({@code default}) seen only through its instances' tags: no limits
 *       known, so its growth is unbounded and the report gives new nodes until exhaustion per subnet.</li>
 * </ul>
 * Regenerate the embedded file with {@code SampleAccountTest#main} after changing this class.
 */
public final class SampleAccount {
    public static final Instant CAPTURED_AT = Instant.parse("2026-11-20T09:00:00Z");
    private static final String VPC = "vpc-0c0ffee5a3b1e2d40";

    private SampleAccount() {
    }

    public static Inventory build() {
        CniSettings pd = cni().prefixDelegation().build();
        CniSettings custom = cni().customNetworking().build();
        InventoryBuilder b = new InventoryBuilder()
                .subnet("subnet-0a1c0000000000001", VPC, "us-east-1a", "10.20.0.0/24", "kubernetes.io/cluster/checkout=shared")
                .subnet("subnet-0b1c0000000000002", VPC, "us-east-1b", "10.20.1.0/24", "kubernetes.io/cluster/checkout=shared")
                .subnet("subnet-0c1c0000000000003", VPC, "us-east-1c", "10.20.2.0/25", "kubernetes.io/cluster/checkout=shared")
                .subnet("subnet-0a5e0000000000011", VPC, "us-east-1a", "10.20.16.0/22", "kubernetes.io/cluster/search=shared")
                .subnet("subnet-0b5e0000000000012", VPC, "us-east-1b", "10.20.20.0/22", "kubernetes.io/cluster/search=shared")
                .subnet("subnet-0c5e0000000000013", VPC, "us-east-1c", "10.20.24.0/22", "kubernetes.io/cluster/search=shared")
                .subnet("subnet-0a7a0000000000021", VPC, "us-east-1a", "10.20.32.0/24", "kubernetes.io/cluster/analytics=owned")
                .subnet("subnet-0b7a0000000000022", VPC, "us-east-1b", "10.20.33.0/24", "kubernetes.io/cluster/analytics=owned")
                .subnet("subnet-0c7a0000000000023", VPC, "us-east-1c", "10.20.34.0/24", "kubernetes.io/cluster/analytics=owned")
                .subnet("subnet-0a7b0000000000031", VPC, "us-east-1a", "100.64.0.0/19", "kubernetes.io/role/cni=0")
                .subnet("subnet-0b7b0000000000032", VPC, "us-east-1b", "100.64.32.0/19", "kubernetes.io/role/cni=0")
                .subnet("subnet-0c7b0000000000033", VPC, "us-east-1c", "100.64.64.0/19", "kubernetes.io/role/cni=0")
                .subnet("subnet-0a4d0000000000041", VPC, "us-east-1a", "10.20.40.0/24", "karpenter.sh/discovery=mobile")
                .subnet("subnet-0b4d0000000000042", VPC, "us-east-1b", "10.20.41.0/25", "karpenter.sh/discovery=mobile");
        String ca = "subnet-0a1c0000000000001", cb = "subnet-0b1c0000000000002", cc = "subnet-0c1c0000000000003";
        String sa = "subnet-0a5e0000000000011", sb = "subnet-0b5e0000000000012", sc = "subnet-0c5e0000000000013";
        String aa = "subnet-0a7a0000000000021", ab = "subnet-0b7a0000000000022", ac = "subnet-0c7a0000000000023";
        String pa = "subnet-0a7b0000000000031", pb = "subnet-0b7b0000000000032", pc = "subnet-0c7b0000000000033";

        b.cluster(cluster("checkout").vpc(VPC).cniFrom(CniSource.ADDON).groups(
                nodeGroup("web").managed().type("m5.xlarge").sizes(3, 6, 12).subnets(ca, cb, cc)
                        .autoScalingGroup("eks-web-0000"),
                nodeGroup("workers").selfManaged().type("c5.2xlarge").sizes(0, 2, 6).subnets(ca, cc)
                        .autoScalingGroup("workers-asg")));
        // m5.xlarge / c5.2xlarge: 14 secondary IPs per ENI; busy nodes hold 3 ENIs (45 addresses), quiet ones 2.
        b.node(node("checkout").inGroup("web").type("m5.xlarge").subnet(ca).secondaryIpsPerEni(14, 14, 14))
                .node(node("checkout").inGroup("web").type("m5.xlarge").subnet(ca).secondaryIpsPerEni(14, 14))
                .node(node("checkout").inGroup("web").type("m5.xlarge").subnet(cb).secondaryIpsPerEni(14, 14, 14))
                .node(node("checkout").inGroup("web").type("m5.xlarge").subnet(cb).secondaryIpsPerEni(14, 14, 14))
                .node(node("checkout").inGroup("web").type("m5.xlarge").subnet(cc).secondaryIpsPerEni(14, 14, 14))
                .node(node("checkout").inGroup("web").type("m5.xlarge").subnet(cc).secondaryIpsPerEni(14, 14))
                .node(node("checkout").inGroup("workers").type("c5.2xlarge").subnet(ca).secondaryIpsPerEni(14, 14, 14));
        b.otherEni(ca, 2).otherEni(cb, 2).otherEni(cc, 2)          // load balancer ENIs
                .otherEni(cc, 1).otherEni(cc, 1).otherEni(cc, 1);  // interface VPC endpoints

        b.cluster(cluster("search").vpc(VPC).cni(pd).cniFrom(CniSource.ADDON).groups(
                nodeGroup("opensearch").managed().type("m6i.2xlarge").sizes(3, 3, 9).subnets(sa, sb, sc)
                        .autoScalingGroup("eks-opensearch-0000")));
        // Prefix delegation, WARM_PREFIX_TARGET=1: ~70 pods per node → 5 prefixes on the primary ENI.
        b.node(node("search").inGroup("opensearch").type("m6i.2xlarge").subnet(sa).prefixesPerEni(5))
                .node(node("search").inGroup("opensearch").type("m6i.2xlarge").subnet(sb).prefixesPerEni(5))
                .node(node("search").inGroup("opensearch").type("m6i.2xlarge").subnet(sc).prefixesPerEni(6));
        // Years of churned secondary IPs (a former non-PD node group) and Lambda ENIs: one address in every /28.
        b.fragment(sa, 1, 9);
        b.otherEni(sb, 3).otherEni(sc, 3);

        b.cluster(cluster("analytics").vpc(VPC).cni(custom).cniFrom(CniSource.CONFIGURED)
                .podSubnet("us-east-1a", pa).podSubnet("us-east-1b", pb).podSubnet("us-east-1c", pc).groups(
                        nodeGroup("spark").managed().type("r5.2xlarge").sizes(2, 4, 30).subnets(aa, ab, ac)
                                .autoScalingGroup("eks-spark-0000"),
                        nodeGroup("system").managed().type("t3.large").sizes(2, 2, 4).subnets(aa, ab, ac)
                                .autoScalingGroup("eks-system-0000")));
        // Custom networking: the primary ENI holds no pod IPs; pod ENIs sit in the 100.64 pod subnets.
        b.node(node("analytics").inGroup("spark").type("r5.2xlarge").subnet(aa).podSubnet(pa)
                .secondaryIpsPerEni(0, 14, 14, 14));
        b.node(node("analytics").inGroup("spark").type("r5.2xlarge").subnet(ab).podSubnet(pb)
                .secondaryIpsPerEni(0, 14, 14));
        b.node(node("analytics").inGroup("spark").type("r5.2xlarge").subnet(ac).podSubnet(pc)
                .secondaryIpsPerEni(0, 14, 14, 14));
        b.node(node("analytics").inGroup("spark").type("r5.2xlarge").subnet(aa).podSubnet(pa)
                .secondaryIpsPerEni(0, 14, 14));
        b.node(node("analytics").inGroup("system").type("t3.large").subnet(ab).podSubnet(pb)
                .secondaryIpsPerEni(0, 11, 11));
        b.node(node("analytics").inGroup("system").type("t3.large").subnet(ac).podSubnet(pc)
                .secondaryIpsPerEni(0, 11));

        // Karpenter: the NodePool is known only from its instances' tags (karpenter.sh/nodepool); its candidate
        // subnets are those its nodes were seen in, its sizes its node count (limits unknown: unbounded).
        String ma = "subnet-0a4d0000000000041", mb = "subnet-0b4d0000000000042";
        b.cluster(cluster("mobile").vpc(VPC).cniFrom(CniSource.ADDON).groups(
                nodeGroup("default").pool(NodePool.observed(Provisioner.KARPENTER, "default"))
                        .types("c5.large", "m5.large").sizes(3, 3, 3).subnets(ma, mb)));
        b.node(node("mobile").inGroup("default").type("m5.large").subnet(ma).secondaryIpsPerEni(9, 9))
                .node(node("mobile").inGroup("default").type("m5.large").subnet(ma).secondaryIpsPerEni(9))
                .node(node("mobile").inGroup("default").type("c5.large").subnet(mb).secondaryIpsPerEni(9, 9));
        return b.build(CAPTURED_AT);
    }

    /**
     * The snapshot's recorded history (docs/inventory-format.md, "history"), so that {@code audit} on the sample
     * shows a runway out of the box: 14 days of 6-hourly {@code AvailableIps} with a daytime dip, one missing day,
     * ending at each subnet's figure at capture. checkout's 1b subnet loses {@value #CHECKOUT_LOSS_PER_DAY}
     * addresses a day (a declining runway); analytics' 1a pod subnet only breathes (no trend).
     */
    public static List<SubnetSeries> history() {
        Inventory inv = build();
        return List.of(series(inv, "subnet-0b1c0000000000002", CHECKOUT_LOSS_PER_DAY, 6),
                series(inv, "subnet-0a7b0000000000031", 0, 40));
    }

    public static final int CHECKOUT_LOSS_PER_DAY = 3;

    private static SubnetSeries series(Inventory inv, String subnetId, int lossPerDay, int dip) {
        int now = inv.subnets().stream().filter(s -> s.subnetId().equals(subnetId)).findFirst().orElseThrow()
                .availableIps();
        Instant midnight = CAPTURED_AT.truncatedTo(ChronoUnit.DAYS);
        List<SubnetSeries.Point> points = new ArrayList<>();
        for (int day = 13; day >= 0; day--) {
            if (day == 9) continue;                                   // the collector missed a day
            for (int hour = 0; hour < 24; hour += 6) {
                Instant at = midnight.minus(day, ChronoUnit.DAYS).plus(hour, ChronoUnit.HOURS);
                if (!at.isBefore(CAPTURED_AT)) break;
                boolean daytime = hour == 12 || hour == 18;
                points.add(new SubnetSeries.Point(at, now + lossPerDay * day + (daytime ? (day * 7) % 5 : dip)));
            }
        }
        points.add(new SubnetSeries.Point(CAPTURED_AT, now));
        return new SubnetSeries(subnetId, SubnetSeries.AVAILABLE_IPS, points);
    }

    /** Writes the embedded snapshot: run from the project directory. */
    public static void main(String[] args) {
        InventoryFile.write(build(), history(),
                Path.of(args.length > 0 ? args[0] : "src/main/resources/sample/inventory.json"));
    }
}
