package dev.eksip.simulation;

import dev.eksip.testing.inventory.NodeSpec;

import dev.eksip.testing.inventory.ClusterBuilder;

import static dev.eksip.testing.inventory.InventoryFixtures.node;

import static dev.eksip.testing.inventory.InventoryFixtures.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eksip.domain.CniSettings;
import dev.eksip.domain.CniSource;
import dev.eksip.domain.EniHolding;
import dev.eksip.domain.EniRole;
import dev.eksip.domain.GrowthForecast;
import dev.eksip.domain.Inventory;
import dev.eksip.domain.NodeGroup;
import dev.eksip.domain.Subnet;
import dev.eksip.testing.inventory.InventoryBuilder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The extrapolating growth ({@link ScaleOut}) gives exactly the figures of the node-by-node simulation it replaced,
 * kept here as the oracle, on random small fleets: several zones and subnets per zone, prefix delegation (loose
 * addresses and /28 blocks), subnet discovery (with {@code cni=0} node subnets), custom networking, clusters sharing
 * subnets, existing nodes, groups that exhaust their subnets.
 */
class ScaleOutPropertiesTest {
    private static final String[] TYPES = {"m5.large", "c5.xlarge", "t3.medium", "t2.medium", "m5.4xlarge"};
    private static final String[] ZONES = {"us-east-1a", "us-east-1b", "us-east-1c"};

    static List<Long> seeds() {
        List<Long> out = new ArrayList<>();
        for (long s = 1; s <= 150; s++) out.add(s);
        return out;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void extrapolatedGrowthEqualsTheNodeByNodeSimulation(long seed) {
        Inventory inventory = randomFleet(new Random(seed));
        Setup s = Setup.of(inventory);
        for (boolean atMax : new boolean[] {false, true}) {
            Map<String, GrowthForecast> expected = oracle(s, atMax);
            // as deployed (small growth added one by one), and with cycles looked for from the first node
            for (int oneByOne : new int[] {ScaleOut.ONE_BY_ONE, 0}) {
                Growth growth = Growth.run(s.plan.groups(), s.now, s.destinations, oneByOne);
                for (String id : s.byId.keySet())
                    assertThat(atMax ? growth.atMax(id) : growth.atDesired(id))
                            .as("seed %d subnet %s atMax=%s oneByOne=%d", seed, id, atMax, oneByOne)
                            .isEqualTo(expected.get(id));
            }
        }
    }

    /** What Forecaster sets up before the growth phase. */
    private record Setup(Map<String, Subnet> byId, GrowthPlan plan, Map<String, SubnetSpace> now,
                         Destinations destinations) {
        static Setup of(Inventory inventory) {
            InstanceCatalog catalog = InstanceCatalog.embedded().with(inventory.instanceLimits());
            Map<String, Subnet> subnets = new LinkedHashMap<>();
            inventory.subnets().stream().sorted(Comparator.comparing(Subnet::subnetId))
                    .forEach(x -> subnets.put(x.subnetId(), x));
            Map<String, Subnet> byId = Collections.unmodifiableMap(subnets);
            SubnetDiscovery discovery = new SubnetDiscovery(byId.values());
            ObservedHoldings observed = ObservedHoldings.observe(inventory, new WarmEstimate(catalog, byId));
            GrowthPlan plan = GrowthPlan.of(inventory, byId, catalog, discovery, observed);
            Map<String, SubnetSpace> now = new LinkedHashMap<>();
            for (Subnet x : byId.values())
                now.put(x.subnetId(), SubnetSpace.now(x, plan.prefixMode(x.subnetId()),
                        !plan.overflowTo(x.subnetId()).isEmpty(), observed.addresses(x.subnetId()),
                        observed.prefixes(x.subnetId())));
            return new Setup(byId, plan, now, new Destinations(byId, discovery));
        }
    }

    /** The growth phase as it was: every new node placed one by one. */
    private static Map<String, GrowthForecast> oracle(Setup s, boolean atMax) {
        Map<String, long[]> left = new TreeMap<>();
        for (CostAssumption assumption : CostAssumption.values()) {
            Map<String, SubnetSpace> state = new HashMap<>();
            s.now.forEach((id, space) -> state.put(id, space.copy()));
            if (assumption == CostAssumption.FULL)   // the same first step: existing nodes grow to max pods
                for (GroupGrowth g : s.plan.groups()) ExistingNodesGrowth.grow(g, g.existing(), state, s.destinations);
            for (GroupGrowth g : s.plan.groups()) {
                ZoneBalancer zones = new ZoneBalancer(g.nodesPerZone());
                for (int i = 0; i < g.newNodes(atMax); i++) {
                    String zone = zones.nextZone();
                    Subnet nodeSubnet = ZoneBalancer.nodeSubnet(g.subnets(), zone, state);
                    for (EniHolding eni : g.costIn(nodeSubnet).under(assumption)) {
                        if (eni.role() == EniRole.PRIMARY && PrimaryPrefixes.overflow(g.cluster().cni())) {
                            // prefixes the node subnet has no /28 for go to a new ENI in a discovery candidate
                            PrimaryPrefixes.place(eni.take(), g.cluster(), nodeSubnet, state, s.destinations,
                                    Trace.NONE);
                            continue;
                        }
                        Subnet target = s.destinations.of(eni, g.cluster(), zone, nodeSubnet, state);
                        if (target != null) state.get(target.subnetId()).take(eni.take()); // zone's pod subnet unknown
                    }
                }
            }
            state.forEach((id, space) -> left.computeIfAbsent(id, k -> new long[3])[assumption.ordinal()] =
                    space.value());
        }
        Map<String, GrowthForecast> out = new HashMap<>();
        left.forEach((id, v) -> out.put(id, new GrowthForecast(Math.toIntExact(v[0]), Math.toIntExact(v[1]),
                Math.toIntExact(v[2]))));
        return out;
    }

    private static Inventory randomFleet(Random r) {
        InventoryBuilder b = new InventoryBuilder();
        int zones = 1 + r.nextInt(3);
        int octet = 0;
        Map<String, List<String>> nodeSubnets = new TreeMap<>();
        Map<String, String> podSubnets = new TreeMap<>();
        for (int z = 0; z < zones; z++) {
            String zone = ZONES[z];
            int n = 1 + r.nextInt(2);
            for (int i = 0; i < n; i++) {
                String id = "subnet-%s%d".formatted(zone.substring(zone.length() - 1), i);
                String[] tags = r.nextInt(6) == 0 ? new String[] {"kubernetes.io/role/cni=0"} : new String[0];
                b.subnet(id, "vpc-1", zone, "10.0.%d.0/%d".formatted(octet++, 23 + r.nextInt(5)), tags);
                nodeSubnets.computeIfAbsent(zone, k -> new ArrayList<>()).add(id);
            }
            if (r.nextBoolean()) {
                String id = "subnet-pods-" + zone;
                b.subnet(id, "vpc-1", zone, "10.0.%d.0/%d".formatted(octet++, 23 + r.nextInt(4)),
                        "kubernetes.io/role/cni=1");
                podSubnets.put(zone, id);
            }
        }
        List<String> all = nodeSubnets.values().stream().flatMap(List::stream).toList();
        int clusters = 1 + r.nextInt(2);
        for (int c = 0; c < clusters; c++) {
            String name = "c" + c;
            CniSettings cni = cni(r);
            boolean custom = cni.customNetworking() && !podSubnets.isEmpty();
            if (cni.customNetworking() && !custom) cni = CniSettings.DEFAULTS;
            int groups = 1 + r.nextInt(2);
            List<NodeGroup> gs = new ArrayList<>();
            List<String[]> nodes = new ArrayList<>();
            for (int g = 0; g < groups; g++) {
                String type = TYPES[r.nextInt(TYPES.length)];
                List<String> subnets = new ArrayList<>();
                for (String s : all) if (r.nextInt(3) > 0) subnets.add(s);
                if (subnets.isEmpty()) subnets.add(all.get(r.nextInt(all.size())));
                int max = r.nextInt(r.nextBoolean() ? 40 : 300);
                int desired = r.nextInt(max + 1);
                int maxPods = r.nextInt(4) == 0 ? 1 + r.nextInt(60) : 0;
                String gname = "ng" + g;
                gs.add(new NodeGroup(gname, r.nextBoolean(), false, List.of(type), 0, desired, max, subnets,
                        gname + "-asg", maxPods));
                int existing = r.nextInt(Math.min(desired, 3) + 1);
                for (int k = 0; k < existing; k++) nodes.add(new String[] {gname, type,
                        subnets.get(r.nextInt(subnets.size()))});
            }
            ClusterBuilder cb = cluster(name).vpc("vpc-1").cni(cni).cniFrom(CniSource.DEFAULT)
                    .groups(gs.toArray(NodeGroup[]::new));
            if (custom) podSubnets.forEach(cb::podSubnet);
            b.cluster(cb);
            for (String[] n : nodes) {
                String zone = zoneOf(nodeSubnets, n[2]);
                String pod = custom ? podSubnets.get(zone) : null;
                int[] perEni = cni.prefixDelegation() ? new int[] {r.nextInt(2), r.nextInt(2)}
                        : new int[] {r.nextInt(6), r.nextInt(4)};
                if (pod == null && custom) continue;
                try {
                    NodeSpec spec = node(name).inGroup(n[0]).type(n[1]).subnet(n[2]).podSubnet(pod);
                    b.node(cni.prefixDelegation() ? spec.prefixesPerEni(perEni) : spec.secondaryIpsPerEni(perEni));
                } catch (IllegalStateException full) {
                    // a small subnet without room for this node: leave it out
                }
            }
        }
        return b.build(Instant.EPOCH);
    }

    private static String zoneOf(Map<String, List<String>> nodeSubnets, String subnet) {
        for (Map.Entry<String, List<String>> e : nodeSubnets.entrySet()) if (e.getValue().contains(subnet))
            return e.getKey();
        throw new IllegalArgumentException(subnet);
    }

    private static CniSettings cni(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> CniSettings.DEFAULTS;
            case 1 -> new CniSettings(1, 0, 0, true, 1 + r.nextInt(2), 0, false, false, r.nextBoolean(), false);
            case 2 -> new CniSettings(0, 1 + r.nextInt(8), r.nextInt(12), r.nextBoolean(), 0, 0, false, false,
                    r.nextBoolean(), false);
            case 3 -> new CniSettings(1, 0, 0, false, 0, 0, false, r.nextBoolean(), true, false);
            case 4 -> new CniSettings(1, 0, 0, r.nextBoolean(), 1, 0, true, false, false, false);
            default -> new CniSettings(r.nextInt(3), 0, 0, false, 0, 1 + r.nextInt(3), false, false, true, false);
        };
    }
}
