package dev.eksip.sample;

import dev.eksip.domain.CniSource;

import static dev.eksip.testing.inventory.InventoryBuilder.managed;
import static dev.eksip.testing.inventory.InventoryBuilder.selfManaged;

import dev.eksip.app.snapshot.InventoryFile;
import dev.eksip.domain.CniSettings;
import dev.eksip.domain.Inventory;
import dev.eksip.testing.inventory.InventoryBuilder;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * The account behind the snapshot embedded in the jar ({@code src/main/resources/sample/inventory.json}), which
 * {@code audit} shows when no source is given. Three clusters in three zones of one VPC:
 * <ul>
 *   <li>{@code checkout}: default CNI (WARM_ENI_TARGET=1), a managed and a self-managed node group; its /25 in
 *       us-east-1c is exhausted by the next scale-out of {@code workers};</li>
 *   <li>{@code search}: prefix delegation; its us-east-1a subnet still reports hundreds of free addresses but
 *       churned secondary IPs left no free aligned /28 block;</li>
 *   <li>{@code analytics}: custom networking, pod ENIs in 100.64.0.0/16 pod subnets; healthy.</li>
 * </ul>
 * Regenerate the embedded file with {@code SampleAccountTest#main} after changing this class.
 */
public final class SampleAccount {
    public static final Instant CAPTURED_AT = Instant.parse("2026-11-20T09:00:00Z");
    private static final String VPC = "vpc-0c0ffee5a3b1e2d40";

    private SampleAccount() {
    }

    public static Inventory build() {
        CniSettings pd = new CniSettings(1, 0, 0, true, 1, 0, false, false, true, false);
        CniSettings custom = new CniSettings(1, 0, 0, false, 1, 0, true, false, true, false);
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
                .subnet("subnet-0c7b0000000000033", VPC, "us-east-1c", "100.64.64.0/19", "kubernetes.io/role/cni=0");
        String ca = "subnet-0a1c0000000000001", cb = "subnet-0b1c0000000000002", cc = "subnet-0c1c0000000000003";
        String sa = "subnet-0a5e0000000000011", sb = "subnet-0b5e0000000000012", sc = "subnet-0c5e0000000000013";
        String aa = "subnet-0a7a0000000000021", ab = "subnet-0b7a0000000000022", ac = "subnet-0c7a0000000000023";
        String pa = "subnet-0a7b0000000000031", pb = "subnet-0b7b0000000000032", pc = "subnet-0c7b0000000000033";

        b.cluster("checkout", VPC, CniSettings.DEFAULTS, CniSource.ADDON, Map.of(),
                managed("web", "m5.xlarge", 3, 6, 12, ca, cb, cc),
                selfManaged("workers", "c5.2xlarge", 0, 2, 6, ca, cc));
        // m5.xlarge / c5.2xlarge: 14 secondary IPs per ENI; busy nodes hold 3 ENIs (45 addresses), quiet ones 2.
        b.node("checkout", "web", "m5.xlarge", ca, null, false, 14, 14, 14)
                .node("checkout", "web", "m5.xlarge", ca, null, false, 14, 14)
                .node("checkout", "web", "m5.xlarge", cb, null, false, 14, 14, 14)
                .node("checkout", "web", "m5.xlarge", cb, null, false, 14, 14, 14)
                .node("checkout", "web", "m5.xlarge", cc, null, false, 14, 14, 14)
                .node("checkout", "web", "m5.xlarge", cc, null, false, 14, 14)
                .node("checkout", "workers", "c5.2xlarge", ca, null, false, 14, 14, 14);
        b.otherEni(ca, 2).otherEni(cb, 2).otherEni(cc, 2)          // load balancer ENIs
                .otherEni(cc, 1).otherEni(cc, 1).otherEni(cc, 1);  // interface VPC endpoints

        b.cluster("search", VPC, pd, CniSource.ADDON, Map.of(),
                managed("opensearch", "m6i.2xlarge", 3, 3, 9, sa, sb, sc));
        // Prefix delegation, WARM_PREFIX_TARGET=1: ~70 pods per node → 5 prefixes on the primary ENI.
        b.node("search", "opensearch", "m6i.2xlarge", sa, null, true, 5)
                .node("search", "opensearch", "m6i.2xlarge", sb, null, true, 5)
                .node("search", "opensearch", "m6i.2xlarge", sc, null, true, 6);
        // Years of churned secondary IPs (a former non-PD node group) and Lambda ENIs: one address in every /28.
        b.fragment(sa, 1, 9);
        b.otherEni(sb, 3).otherEni(sc, 3);

        b.cluster("analytics", VPC, custom, CniSource.CONFIGURED,
                Map.of("us-east-1a", pa, "us-east-1b", pb, "us-east-1c", pc),
                managed("spark", "r5.2xlarge", 2, 4, 30, aa, ab, ac),
                managed("system", "t3.large", 2, 2, 4, aa, ab, ac));
        // Custom networking: the primary ENI holds no pod IPs; pod ENIs sit in the 100.64 pod subnets.
        b.node("analytics", "spark", "r5.2xlarge", aa, pa, false, 0, 14, 14, 14)
                .node("analytics", "spark", "r5.2xlarge", ab, pb, false, 0, 14, 14)
                .node("analytics", "spark", "r5.2xlarge", ac, pc, false, 0, 14, 14, 14)
                .node("analytics", "spark", "r5.2xlarge", aa, pa, false, 0, 14, 14)
                .node("analytics", "system", "t3.large", ab, pb, false, 0, 11, 11)
                .node("analytics", "system", "t3.large", ac, pc, false, 0, 11);
        return b.build(CAPTURED_AT);
    }

    /** Writes the embedded snapshot: run from the project directory. */
    public static void main(String[] args) {
        InventoryFile.write(build(), Path.of(args.length > 0 ? args[0] : "src/main/resources/sample/inventory.json"));
    }
}
