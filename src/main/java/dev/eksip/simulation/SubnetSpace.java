package dev.eksip.simulation;

import dev.eksip.domain.EniHolding;
import dev.eksip.domain.Subnet;
import dev.eksip.domain.SubnetTake;

import java.util.Collection;

/**
 * The free space of one subnet during a growth simulation: its free addresses and, where a prefix-delegation
 * cluster allocates, its free aligned /28 blocks and the free addresses outside them (§10). Mutable: each simulated
 * run works on its own {@link #copy()}.
 */
final class SubnetSpace {
    /** The length of {@link #counts()}: free, blocks, loose, then the /32s and prefixes taken so far. */
    static final int STATE = 5;

    private final boolean prefixMode;
    /** A node subnet whose primary ENIs' prefixes overflow to discovery candidates: counted in addresses. */
    private final boolean relieved;
    private long free;
    private long blocks;
    private long loose;
    private long ipsTaken;
    private long prefixesTaken;

    private SubnetSpace(boolean prefixMode, boolean relieved, long free, long blocks, long loose) {
        this.prefixMode = prefixMode;
        this.relieved = relieved;
        this.free = free;
        this.blocks = blocks;
        this.loose = loose;
    }

    private SubnetSpace(boolean prefixMode, boolean relieved, long[] counts) {
        this(prefixMode, relieved, counts[0], counts[1], counts[2]);
        this.ipsTaken = counts[3];
        this.prefixesTaken = counts[4];
    }

    /**
     * Today's space of {@code s}, counted in free /28 blocks when {@code prefixMode}: {@code addresses} and
     * {@code prefixes} are what the observed ENIs hold in it.
     */
    static SubnetSpace now(Subnet s, boolean prefixMode, Collection<String> addresses, Collection<String> prefixes) {
        return now(s, prefixMode, false, addresses, prefixes);
    }

    /**
     * As {@link #now(Subnet, boolean, Collection, Collection)}; {@code relieved}: a node subnet whose new nodes'
     * primary-ENI prefixes go to a subnet discovery candidate when it has no free /28 ({@link PrimaryPrefixes}), so
     * its figure is its free addresses (what the nodes' own IPs need), though its /28 blocks are still carved.
     */
    static SubnetSpace now(Subnet s, boolean prefixMode, boolean relieved, Collection<String> addresses,
                           Collection<String> prefixes) {
        return now(s, prefixMode, relieved,
                prefixMode && !AddressSpace.ipv6Only(s) ? AddressSpace.observed(s, addresses, prefixes) : null);
    }

    /**
     * As {@link #now(Subnet, boolean, boolean, Collection, Collection)} with the observed addresses already marked
     * ({@link AddressSpace#observed}; read only in prefix mode, may be null otherwise).
     */
    static SubnetSpace now(Subnet s, boolean prefixMode, boolean relieved, AddressSpace observed) {
        int blocks = 0;
        int loose = s.availableIps();
        if (prefixMode && !AddressSpace.ipv6Only(s)) {
            blocks = observed.freeBlocks();
            // Addresses used by what we cannot see lower AvailableIpAddressCount: never trust more blocks.
            blocks = Math.min(blocks, s.availableIps() / EniHolding.PREFIX_SIZE);
            loose = s.availableIps() - EniHolding.PREFIX_SIZE * blocks;
        }
        return new SubnetSpace(prefixMode, prefixMode && relieved, s.availableIps(), blocks, loose);
    }

    SubnetSpace copy() {
        return new SubnetSpace(prefixMode, relieved, counts());
    }

    /** This space moved on by {@code times} repetitions of {@code delta} ({@link #counts()}). */
    SubnetSpace shifted(long[] delta, long times) {
        long[] c = counts();
        for (int i = 0; i < STATE; i++) c[i] += times * delta[i];
        return new SubnetSpace(prefixMode, relieved, c);
    }

    /** (free, blocks, loose, /32s taken, prefixes taken): the whole mutable state, for {@link #shifted}. */
    long[] counts() {
        return new long[] {free, blocks, loose, ipsTaken, prefixesTaken};
    }

    /** /32 addresses taken here since {@link #now}: what random placement scatters. */
    long ipsTaken() {
        return ipsTaken;
    }

    /** /28 prefixes taken here since {@link #now}. */
    long prefixesTaken() {
        return prefixesTaken;
    }

    boolean prefixMode() {
        return prefixMode;
    }

    /** Whether the figure is counted in free /28 blocks: prefix mode, unless {@link #now relieved}. */
    boolean countedInBlocks() {
        return prefixMode && !relieved;
    }

    /** Free addresses (what {@code AvailableIpAddressCount} would show). */
    long free() {
        return free;
    }

    /** Free aligned /28 blocks (meaningful in prefix mode only). */
    long blocks() {
        return blocks;
    }

    /**
     * The forecast value: addresses, or in prefix mode addresses in free /28 blocks (§10). A relieved node subnet:
     * its free addresses, unless prefixes nobody could hold were charged here (blocks below 0: short by those).
     */
    long value() {
        if (relieved) return blocks < 0 ? Math.min(free, EniHolding.PREFIX_SIZE * blocks) : free;
        return prefixMode ? EniHolding.PREFIX_SIZE * blocks : free;
    }

    /** Whether one ENI taking this can be created here: its addresses, and its prefixes as free /28 blocks. */
    boolean fits(SubnetTake t) {
        return free >= t.addresses() && (!prefixMode || blocks >= t.prefixes());
    }

    void take(SubnetTake t) {
        take(t, Trace.NONE);
    }

    /** Takes {@code t}, recording in {@code trace} how its /32s were carved out in prefix mode. */
    void take(SubnetTake t, Trace trace) {
        free -= t.addresses();
        blocks -= t.prefixes();
        ipsTaken += t.ips();
        prefixesTaken += t.prefixes();
        if (!prefixMode) return;
        // A /32 takes a loose address if there is one, else it breaks a free /28 block.
        for (long n = t.ips(); n > 0; ) {
            trace.add(loose > 0);
            trace.add(loose >= n);
            trace.add(blocks > 0);
            if (loose > 0) {
                long k = Math.min(loose, n);
                loose -= k;
                n -= k;
            } else if (blocks > 0) {
                blocks--;
                loose += EniHolding.PREFIX_SIZE - 1;
                n--;
            } else {
                break;
            }
        }
    }
}
