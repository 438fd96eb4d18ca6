package dev.eksip.simulation;

import static java.util.Objects.requireNonNull;

import dev.eksip.domain.EniHolding;
import dev.eksip.domain.PlacementBand;
import dev.eksip.domain.Subnet;
import dev.eksip.domain.SubnetTake;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Where EC2 puts single /32 addresses, and what that leaves of a subnet's free aligned /28 blocks
 * (vpc-cni-model.md, "Beyond the original: random /32 placement and the /28 band").
 *
 * <p>EC2 picks a /32 it is not told (an instance's or ENI's primary IP, a secondary IP) among the subnet's free
 * addresses, not the lowest one: amazon-vpc-cni-k8s #2313 ("the primary IPs are randomly allocated": 9 blocks used
 * by 6 prefixes), #3087 (an ENI's primary IP "randomly" lands in a prefix CIDR reservation), cilium #38499
 * ("individual IP assignment is random and AWS picks any available IPs in the requested subnet"). A /28 prefix needs
 * an aligned block with no used address (EC2 user guide, "Assign prefixes to network interfaces"); AWS's five
 * reserved addresses (first four, last one, §10) and explicit CIDR reservations are never free; prefix-type
 * reservations keep blocks for prefixes but, per #3087, not from /32s, so they are free to both here.
 *
 * <p>Two policies over the same state: <em>packed</em> puts each /32 in the block with the fewest free addresses
 * (loose addresses before a free /28 is broken: the best case, what {@link SubnetSpace} counts) and <em>random</em>
 * puts it uniformly among the free addresses. Blocks are exchangeable, so the state is a histogram of the aligned
 * blocks by free addresses (0..16): a uniformly random free address lies in a block with {@code k} free with
 * probability {@code k·n_k / F}. The random figures come from a seeded Monte Carlo ({@link #SEED}, {@link #RUNS}):
 * the same input gives the same band. Used addresses seen only in {@code AvailableIpAddressCount} (other tenants,
 * unread ENIs) are placed by the same policy at the start of each run.
 */
public final class RandomPlacement {
    /** The fixed seed of every simulated run (never the clock): the band is reproducible. */
    public static final long SEED = 0x28_2313_3087L;
    /** Simulated runs per band, in a subnet of up to {@link #FULL_RUNS_BLOCKS} aligned blocks. */
    public static final int RUNS = 400;
    /** Above this many blocks the runs shrink in proportion (never below {@link #MIN_RUNS}): the cost stays flat. */
    public static final int FULL_RUNS_BLOCKS = 256;
    public static final int MIN_RUNS = 40;
    /** The pessimistic figure: this quantile (lower tail) of the runs' outcomes. */
    public static final double PESSIMISTIC_QUANTILE = 0.10;

    private static final int BLOCK = EniHolding.PREFIX_SIZE;

    private final int[] histogram;
    private final long hidden;

    private RandomPlacement(int[] histogram, long hidden) {
        this.histogram = histogram;
        this.hidden = hidden;
    }

    /**
     * One unit of demand repeated: {@code unit} (the takes of one node, in order: each take's /32s, then its
     * prefixes) {@code times} times.
     */
    public record Run(List<SubnetTake> unit, long times) {
        public Run {
            unit = List.copyOf(unit);
            if (times < 0) throw new IllegalArgumentException("negative times");
        }
    }

    /**
     * What a demand leaves, over the runs: free blocks left (negative = prefixes that found no block) as a band,
     * units completed before the first failed take as a band, and the share of runs in which every take succeeded.
     */
    public record Outcome(PlacementBand blocksLeft, PlacementBand unitsPlaced, double allPlacedShare) {
        public Outcome {
            requireNonNull(blocksLeft, "blocksLeft");
            requireNonNull(unitsPlaced, "unitsPlaced");
        }
    }

    /** A subnet as read, with what the observed ENIs hold in it (as for {@link AddressSpace#freeBlocks}). */
    public static RandomPlacement of(Subnet subnet, Collection<String> addresses, Collection<String> prefixes) {
        return of(subnet, AddressSpace.observed(subnet, addresses, prefixes));
    }

    /** A subnet as read, its used addresses already marked ({@link AddressSpace#observed}). */
    static RandomPlacement of(Subnet subnet, AddressSpace observed) {
        int[] histogram = histogram(observed.usedPerBlock());
        long free = free(histogram);
        return new RandomPlacement(histogram, Math.max(0, free - Math.max(0, subnet.availableIps())));
    }

    /** A fresh subnet of {@code /prefixLength}: nothing used but AWS's five reserved addresses. */
    public static RandomPlacement fresh(int prefixLength) {
        int size = 1 << (32 - prefixLength);
        BitSet used = new BitSet(size);
        reserve(used, size);
        return new RandomPlacement(histogram(AddressSpace.usedPerBlock(used, size)), 0);
    }

    /** Free aligned /28 blocks now (before unseen used addresses are placed). */
    public int freeBlocks() {
        return histogram[BLOCK];
    }

    /** Free addresses now (before unseen used addresses are placed). */
    public long freeAddresses() {
        return free(histogram) - hidden;
    }

    /** The demand {@code runs}, in order, under random placement: {@code runs} Monte Carlo runs from {@code seed}. */
    public Outcome place(List<Run> demand, long seed, int runs) {
        if (runs < 1) throw new IllegalArgumentException("runs must be >= 1");
        Trial packed = trial(demand, null);
        SplittableRandom random = new SplittableRandom(seed);
        long[] blocks = new long[runs];
        long[] units = new long[runs];
        int allPlaced = 0;
        for (int i = 0; i < runs; i++) {
            Trial t = trial(demand, random);
            blocks[i] = t.blocksLeft;
            units[i] = t.unitsPlaced;
            if (t.allPlaced) allPlaced++;
        }
        return new Outcome(band(packed.blocksLeft, blocks), band(packed.unitsPlaced, units),
                (double) allPlaced / runs);
    }

    /** The demand under the default seed and run count ({@link #runs()}). */
    public Outcome place(List<Run> demand) {
        return place(demand, SEED, runs());
    }

    /**
     * {@link #RUNS}, fewer in a large subnet: a run costs in proportion to the blocks, and there the runs' spread is
     * small next to the figures (a fresh /16: expected 2,567 nodes, p10 2,553).
     */
    int runs() {
        int blocks = 0;
        for (int n : histogram) blocks += n;
        return blocks <= FULL_RUNS_BLOCKS ? RUNS : Math.max(MIN_RUNS, (int) ((long) RUNS * FULL_RUNS_BLOCKS / blocks));
    }

    /** How many nodes taking {@code node} (in order) fit: units placed before the first failed take. */
    public PlacementBand nodesThatFit(List<SubnetTake> node) {
        return place(List.of(new Run(node, Long.MAX_VALUE))).unitsPlaced();
    }

    /**
     * Totals spread evenly over the prefixes: {@code prefixes} units of one prefix each, the {@code ips} /32s shared
     * out before them (a node's /32s come before its prefixes); all /32s in one unit when there is no prefix.
     */
    public static List<Run> spread(long ips, long prefixes) {
        if (prefixes == 0) return ips == 0 ? List.of() : List.of(new Run(List.of(take(ips, 0)), 1));
        long q = ips / prefixes;
        long r = ips % prefixes;
        return List.of(new Run(List.of(take(q + 1, 1)), r), new Run(List.of(take(q, 1)), prefixes - r));
    }

    private static SubnetTake take(long ips, int prefixes) {
        return new SubnetTake(Math.toIntExact(ips), prefixes);
    }

    private record Trial(long blocksLeft, long unitsPlaced, boolean allPlaced) {
    }

    /** One run; {@code random} null = the packed policy. */
    private Trial trial(List<Run> demand, SplittableRandom random) {
        int[] n = histogram.clone();
        long free = free(n);
        for (long h = 0; h < hidden && free > 0; h++) free = placeIp(n, free, random);
        long unplaced = 0;
        long units = 0;
        boolean failed = false;
        for (Run run : demand) {
            long unitPrefixes = 0;
            long unitIps = 0;
            int takes = run.unit().size();
            int[] ips = new int[takes];
            int[] prefixes = new int[takes];
            for (int j = 0; j < takes; j++) {
                SubnetTake t = run.unit().get(j);
                ips[j] = t.ips();
                prefixes[j] = t.prefixes();
                unitPrefixes += t.prefixes();
                unitIps += t.ips();
            }
            if (unitPrefixes == 0 && unitIps == 0) continue;
            for (long k = 0; k < run.times(); k++) {
                if (n[BLOCK] == 0 && (failed || unitPrefixes > 0)) {
                    // No block left: every later prefix fails; later /32s cannot change the block count.
                    if (!failed) failed = true;
                    unplaced += saturatedMultiply(unitPrefixes, run.times() - k);
                    break;
                }
                boolean unitOk = true;
                for (int j = 0; j < takes; j++) {
                    int takeIps = ips[j];
                    for (int i = 0; i < takeIps; i++) {
                        if (free == 0) {
                            unitOk = false;
                            break;
                        }
                        if (n[BLOCK] == 0) {
                            // No free block left to break: where the rest go no longer matters, only how many.
                            long rest = Math.min(free, takeIps - i);
                            free -= rest;
                            if (rest < takeIps - i) unitOk = false;
                            break;
                        }
                        free = placeIp(n, free, random);
                    }
                    for (int p = 0; p < prefixes[j]; p++) {
                        if (n[BLOCK] == 0) {
                            unitOk = false;
                            unplaced++;
                            continue;
                        }
                        n[BLOCK]--;
                        n[0]++;
                        free -= BLOCK;
                    }
                }
                if (!unitOk) failed = true;
                if (!failed) units++;
                if (failed && run.times() == Long.MAX_VALUE) break;
            }
            if (failed && run.times() == Long.MAX_VALUE) break;
        }
        return new Trial(n[BLOCK] - unplaced, units, !failed);
    }

    /** Takes one free address by the policy; returns the free addresses left. */
    private static long placeIp(int[] n, long free, SplittableRandom random) {
        int k;
        if (random == null) {
            k = 1;
            while (n[k] == 0) k++;
        } else {
            long r = random.nextLong(free);
            k = BLOCK;
            while (true) {
                r -= (long) k * n[k];
                if (r < 0) break;
                k--;
            }
        }
        n[k]--;
        n[k - 1]++;
        return free - 1;
    }

    private static PlacementBand band(long packed, long[] outcomes) {
        long[] sorted = outcomes.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (long v : sorted) sum += v;
        long expected = (long) Math.floor(sum / sorted.length);
        int rank = (int) Math.ceil(PESSIMISTIC_QUANTILE * sorted.length) - 1;
        long pessimistic = sorted[Math.max(0, rank)];
        // Packed is the best case; a run of the random policy can only match it.
        long p = Math.min(packed, Integer.MAX_VALUE);
        long e = Math.min(expected, p);
        return new PlacementBand(clamp(p), clamp(e), clamp(Math.min(pessimistic, e)));
    }

    private static int clamp(long v) {
        return (int) Math.clamp(v, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    private static long saturatedMultiply(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        return hi == 0 && lo >= 0 ? lo : Long.MAX_VALUE;
    }

    private static void reserve(BitSet used, int size) {
        used.set(0, Math.min(4, size));
        used.set(size - 1);
    }

    /** Blocks by free addresses, from the used addresses per block. */
    private static int[] histogram(int[] usedPerBlock) {
        int[] n = new int[BLOCK + 1];
        for (int taken : usedPerBlock) n[BLOCK - taken]++;
        return n;
    }

    private static long free(int[] n) {
        long free = 0;
        for (int k = 1; k <= BLOCK; k++) free += (long) k * n[k];
        return free;
    }
}
