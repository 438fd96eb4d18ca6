package dev.eksip.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.eksip.domain.CniSettings;
import dev.eksip.domain.EniHolding;
import dev.eksip.domain.PlacementBand;
import dev.eksip.domain.ReservationType;
import dev.eksip.domain.Subnet;
import dev.eksip.domain.SubnetTake;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Random /32 placement against an independent, address-by-address simulation written here: a boolean per address,
 * a /32 drawn by rejection among all addresses, a prefix in a random fully free aligned block. The two share no
 * code and no random stream; their means agree within a tolerance that 400 runs give.
 */
class RandomPlacementTest {
    /** The example: a fresh /22 with prefix delegation, m5.large, WARM_PREFIX_TARGET=1. */
    private static final Subnet FRESH_22 = new Subnet("subnet-fresh", "vpc-1", "us-east-1a", "10.0.0.0/22", 1019,
            Map.of(), List.of());

    /**
     * A mixed /22: 3 prefixes and /32s scattered over its first 320 addresses observed, an explicit /27 reservation, a prefix-type /26
     * reservation, and 12 used addresses that only AvailableIpAddressCount shows.
     */
    private static final List<String> MIXED_ADDRESSES = scattered(29);
    private static final List<String> MIXED_PREFIXES = List.of("10.1.0.16/28", "10.1.0.48/28", "10.1.1.160/28");
    private static final Subnet MIXED = new Subnet("subnet-mixed", "vpc-1", "us-east-1b", "10.1.0.0/22",
            1024 - 5 - MIXED_ADDRESSES.size() - 48 - 32 - 12, Map.of(), List.of(
            new Subnet.CidrReservation("scr-explicit", "10.1.1.0/27", ReservationType.EXPLICIT),
            new Subnet.CidrReservation("scr-prefix", "10.1.1.64/26", ReservationType.PREFIX)));

    private static List<String> scattered(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int offset = 5 + i * 11;            // every 11th address, skipping the observed prefixes below
            if (offset / 16 == 1 || offset / 16 == 3 || offset / 16 == 26 || (offset >= 256 && offset < 288)) continue;
            out.add("10.1.%d.%d".formatted(offset / 256, offset % 256));
        }
        return out;
    }

    /** What one new m5.large costs at its 0-pod baseline under PD, WARM_PREFIX_TARGET=1: from the node model. */
    private static List<SubnetTake> m5LargeNode() {
        CniSettings pd = CniSettings.DEFAULTS.withPrefixDelegation(true);
        var limits = InstanceCatalog.embedded().find("m5.large").orElseThrow();
        var enis = NodeModel.converge(limits, pd, 110, 0, 0).enis();
        return enis.stream().map(EniHolding::take).toList();
    }

    @Test
    void theNodeOfTheExampleTakesOneAddressAndOnePrefix() {
        assertThat(m5LargeNode()).containsExactly(new SubnetTake(1, 1));
    }

    @Test
    void freshSlash22PackedFitsSixtyTwoPrefixesButRandomPlacementAboutThirtyNine() {
        RandomPlacement space = RandomPlacement.of(FRESH_22, List.of(), List.of());
        assertThat(space.freeBlocks()).isEqualTo(62);
        PlacementBand band = space.nodesThatFit(m5LargeNode());
        System.out.printf("fresh /22 nodes fit: packed %d, expected %d, pessimistic %d%n", band.packed(),
                band.expected(), band.pessimistic());
        // Packed: 27 loose addresses, then every 16th node breaks a block for its /32.
        assertThat(band.packed()).isEqualTo(59);
        assertThat(band.expected()).isBetween(36, 42);
        assertThat(band.pessimistic()).isBetween(32, band.expected());

        Independent check = Independent.nodesThatFit(FRESH_22, List.of(), List.of(), m5LargeNode(), 400, 7);
        System.out.printf("independent: mean %.2f, p10 %d%n", check.mean, check.p10);
        assertThat((double) band.expected()).isCloseTo(check.mean, within(1.0));
        assertThat(band.pessimistic()).isBetween(check.p10 - 2, check.p10 + 2);
    }

    @Test
    void aMixedSubnetAgreesWithTheIndependentSimulation() {
        RandomPlacement space = RandomPlacement.of(MIXED, MIXED_ADDRESSES, MIXED_PREFIXES);
        assertThat(space.freeBlocks()).isEqualTo(
                AddressSpace.freeBlocks(MIXED, MIXED_ADDRESSES, MIXED_PREFIXES));
        List<SubnetTake> node = List.of(new SubnetTake(1, 1), new SubnetTake(1, 1));
        PlacementBand band = space.nodesThatFit(node);
        Independent check = Independent.nodesThatFit(MIXED, MIXED_ADDRESSES, MIXED_PREFIXES, node, 400, 11);
        System.out.printf("mixed /22 (%d free blocks) nodes fit: packed %d, expected %d, pessimistic %d;"
                + " independent mean %.2f p10 %d%n", space.freeBlocks(), band.packed(), band.expected(),
                band.pessimistic(), check.mean, check.p10);
        assertThat((double) band.expected()).isCloseTo(check.mean, within(1.0));
        assertThat(band.pessimistic()).isBetween(check.p10 - 2, check.p10 + 2);
        assertThat(band.packed()).isGreaterThan(band.expected());
    }

    @Test
    void largeSubnetsTakeFewerRunsSoTheCostStaysFlat() {
        assertThat(RandomPlacement.fresh(22).runs()).isEqualTo(RandomPlacement.RUNS);
        assertThat(RandomPlacement.fresh(20).runs()).isEqualTo(400 * 256 / 256);
        assertThat(RandomPlacement.fresh(19).runs()).isEqualTo(400 * 256 / 512);
        assertThat(RandomPlacement.fresh(16).runs()).isEqualTo(RandomPlacement.MIN_RUNS);
    }

    @Test
    void theBandIsReproducible() {
        RandomPlacement space = RandomPlacement.of(FRESH_22, List.of(), List.of());
        assertThat(space.nodesThatFit(m5LargeNode())).isEqualTo(space.nodesThatFit(m5LargeNode()));
    }

    @Test
    void aSlash24HasFourteenBlocksAndTwelveNodesRarelyAllGetOne() {
        RandomPlacement space = RandomPlacement.fresh(24);
        assertThat(space.freeBlocks()).isEqualTo(14);
        RandomPlacement.Outcome o = space.place(List.of(new RandomPlacement.Run(m5LargeNode(), 12)), 5, 4000);
        System.out.printf("/24, 12 nodes: blocks left %s, all placed in %.3f%% of runs%n", o.blocksLeft(),
                100 * o.allPlacedShare());
        assertThat(o.blocksLeft().packed()).as("12 prefixes, 12 /32s from the 27 loose addresses").isEqualTo(2);
        assertThat(o.allPlacedShare()).isLessThan(0.02);
        assertThat(o.blocksLeft().expected()).isNegative();
    }

    @Test
    void spreadSharesTheAddressesOutOverThePrefixes() {
        assertThat(RandomPlacement.spread(7, 3)).containsExactly(
                new RandomPlacement.Run(List.of(new SubnetTake(3, 1)), 1),
                new RandomPlacement.Run(List.of(new SubnetTake(2, 1)), 2));
        assertThat(RandomPlacement.spread(5, 0)).containsExactly(
                new RandomPlacement.Run(List.of(new SubnetTake(5, 0)), 1));
    }

    @Test
    void addressesOnlyEatBlocksToo() {
        RandomPlacement space = RandomPlacement.fresh(24);
        RandomPlacement.Outcome o = space.place(RandomPlacement.spread(40, 0));
        assertThat(o.blocksLeft().packed()).as("27 loose, then one block broken").isEqualTo(13);
        assertThat(o.blocksLeft().expected()).isLessThan(10);
    }

    /** The independent check: one boolean per address. */
    private record Independent(double mean, int p10) {
        static Independent nodesThatFit(Subnet subnet, List<String> addresses, List<String> prefixes,
                                        List<SubnetTake> node, int runs, long seed) {
            Random random = new Random(seed);
            int[] fits = new int[runs];
            for (int r = 0; r < runs; r++) fits[r] = run(subnet, addresses, prefixes, node, random);
            Arrays.sort(fits);
            return new Independent(Arrays.stream(fits).average().orElseThrow(),
                    fits[(int) Math.ceil(0.1 * runs) - 1]);
        }

        private static int run(Subnet subnet, List<String> addresses, List<String> prefixes, List<SubnetTake> node,
                               Random random) {
            int len = Integer.parseInt(subnet.cidr().split("/")[1]);
            int size = 1 << (32 - len);
            long base = ip(subnet.cidr().split("/")[0]);
            boolean[] used = new boolean[size];
            for (int i : new int[] {0, 1, 2, 3, size - 1}) used[i] = true;
            for (String a : addresses) used[(int) (ip(a) - base)] = true;
            for (String p : prefixes) mark(used, base, p);
            for (Subnet.CidrReservation c : subnet.reservations())
                if (c.type() == ReservationType.EXPLICIT) mark(used, base, c.cidr());
            int free = 0;
            for (boolean u : used) if (!u) free++;
            for (int h = free - subnet.availableIps(); h > 0; h--) randomAddress(used, random);
            int nodes = 0;
            while (true) {
                for (SubnetTake t : node) {
                    for (int i = 0; i < t.ips(); i++) if (!randomAddress(used, random)) return nodes;
                    for (int p = 0; p < t.prefixes(); p++) if (!randomBlock(used, random)) return nodes;
                }
                nodes++;
            }
        }

        private static boolean randomAddress(boolean[] used, Random random) {
            boolean any = false;
            for (boolean u : used) any |= !u;
            if (!any) return false;
            int a;
            do a = random.nextInt(used.length); while (used[a]);
            used[a] = true;
            return true;
        }

        private static boolean randomBlock(boolean[] used, Random random) {
            List<Integer> free = new ArrayList<>();
            for (int b = 0; b + 16 <= used.length; b += 16) {
                boolean all = true;
                for (int i = b; i < b + 16; i++) all &= !used[i];
                if (all) free.add(b);
            }
            if (free.isEmpty()) return false;
            int b = free.get(random.nextInt(free.size()));
            for (int i = b; i < b + 16; i++) used[i] = true;
            return true;
        }

        private static void mark(boolean[] used, long base, String cidr) {
            long start = ip(cidr.split("/")[0]) - base;
            int n = 1 << (32 - Integer.parseInt(cidr.split("/")[1]));
            for (int i = 0; i < n; i++) used[(int) start + i] = true;
        }

        private static long ip(String dotted) {
            long v = 0;
            for (String o : dotted.split("\\.")) v = v << 8 | Integer.parseInt(o);
            return v;
        }
    }
}
