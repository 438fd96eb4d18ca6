package dev.eksip.bench;

import dev.eksip.domain.Cluster;
import dev.eksip.domain.CniSettings;
import dev.eksip.domain.CniSource;
import dev.eksip.domain.Eni;
import dev.eksip.domain.InterfaceType;
import dev.eksip.domain.Inventory;
import dev.eksip.domain.IpFamily;
import dev.eksip.domain.Node;
import dev.eksip.domain.NodeGroup;
import dev.eksip.domain.Subnet;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded account shaped like a real one at any size: one cluster (and VPC) per 1,000 nodes, 10 node groups of
 * 5 instance types; per cluster 9 subnets, one of each length /16../24, three per zone; every third cluster in
 * prefix delegation (1..3 /28 prefixes on the primary ENI), the others with 1..3 ENIs of 5..14 secondary IPs. Each
 * subnet hands out its addresses from a cursor that skips random gaps, so free /28 blocks are scattered; a node goes
 * to a subnet of its zone with room, else of any zone.
 */
final class SyntheticAccount {
    private static final List<String> TYPES = List.of("m5.large", "m5.xlarge", "c5.2xlarge", "r5.2xlarge",
            "m6i.4xlarge");
    private static final String[] ZONES = {"us-east-1a", "us-east-1b", "us-east-1c"};
    private static final int SUBNETS = 9;

    private SyntheticAccount() {
    }

    /** One subnet being filled: addresses are taken at a cursor that moves past random gaps. */
    private static final class Filling {
        final String id;
        final int zone;
        final long base;
        final int size;
        int cursor = 4;
        int used = 5;

        Filling(String id, int zone, long base, int size) {
            this.id = id;
            this.zone = zone;
            this.base = base;
            this.size = size;
        }

        boolean room(int addresses) {
            return cursor + addresses + 64 < size - 1;
        }

        String address(SplittableRandom random) {
            if (random.nextInt(8) == 0) cursor += random.nextInt(24);
            used++;
            return dotted(base + cursor++);
        }

        String prefix(SplittableRandom random) {
            cursor = (cursor + 15 + (random.nextInt(4) == 0 ? 16 * random.nextInt(3) : 0)) & ~15;
            String p = dotted(base + cursor) + "/28";
            cursor += 16;
            used += 16;
            return p;
        }
    }

    static Inventory build(int nodes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int clusterCount = Math.max(1, nodes / 1000);
        int perGroup = Math.max(1, nodes / (clusterCount * 10));
        List<Subnet> subnets = new ArrayList<>();
        List<Cluster> clusters = new ArrayList<>();
        List<Node> nodeList = new ArrayList<>();
        int eni = 0;
        for (int c = 0; c < clusterCount; c++) {
            boolean pd = c % 3 == 2;
            String vpc = "vpc-%04d".formatted(c);
            List<Filling> fillings = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (int k = 0; k < SUBNETS; k++) {
                int len = 16 + (c + k) % 9;
                String id = "subnet-%04d%d".formatted(c, k);
                ids.add(id);
                fillings.add(new Filling(id, k % 3, (10L << 24) | ((long) k << 16), 1 << (32 - len)));
            }
            List<NodeGroup> groups = new ArrayList<>();
            for (int g = 0; g < 10; g++) {
                String type = TYPES.get(random.nextInt(TYPES.size()));
                String name = "ng-" + g;
                groups.add(new NodeGroup(name, true, false, List.of(type), 0, perGroup + perGroup / 10,
                        perGroup + perGroup / 2, ids, "", 0));
                for (int n = 0; n < perGroup; n++) {
                    String instance = "i-%08d".formatted(nodeList.size());
                    int enis = pd ? 1 : 1 + random.nextInt(3);
                    int[] ips = new int[enis];
                    int need = 0;
                    for (int k = 0; k < enis; k++) need += 1 + (ips[k] = pd ? 0 : 5 + random.nextInt(10));
                    int prefixes = pd ? 1 + random.nextInt(3) : 0;
                    Filling f = place(fillings, n % 3, need + 16 * prefixes + 32, random);
                    List<Eni> list = new ArrayList<>();
                    for (int k = 0; k < enis; k++) {
                        String primary = f.address(random);
                        List<String> secondary = new ArrayList<>();
                        for (int i = 0; i < ips[k]; i++) secondary.add(f.address(random));
                        List<String> prefixList = new ArrayList<>();
                        for (int i = 0; i < prefixes && k == 0; i++) prefixList.add(f.prefix(random));
                        list.add(new Eni("eni-%08d".formatted(eni++), f.id, instance, InterfaceType.INTERFACE, k,
                                primary, secondary, prefixList, false));
                    }
                    nodeList.add(new Node(instance, "c" + c, name, type, f.id, ZONES[f.zone], list));
                }
            }
            for (Filling f : fillings)
                subnets.add(new Subnet(f.id, vpc, ZONES[f.zone], dotted(f.base) + "/" + (32 - Integer.numberOfTrailingZeros(f.size)),
                        f.size - f.used, Map.of(), List.of()));
            clusters.add(new Cluster("c" + c, vpc, IpFamily.IPV4, CniSettings.DEFAULTS.withPrefixDelegation(pd),
                    CniSource.ADDON, Map.of(), groups));
        }
        return new Inventory("123456789012", "us-east-1", Instant.EPOCH, subnets, clusters, nodeList, List.of(),
                List.of(), List.of());
    }

    /** A subnet of {@code zone} with room (a random one of them), else any with room. */
    private static Filling place(List<Filling> fillings, int zone, int addresses, SplittableRandom random) {
        List<Filling> inZone = fillings.stream().filter(f -> f.zone == zone && f.room(addresses)).toList();
        if (!inZone.isEmpty()) return inZone.get(random.nextInt(inZone.size()));
        return fillings.stream().filter(f -> f.room(addresses)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the synthetic cluster's subnets are full"));
    }

    private static String dotted(long ip) {
        return (ip >> 24 & 255) + "." + (ip >> 16 & 255) + "." + (ip >> 8 & 255) + "." + (ip & 255);
    }
}
