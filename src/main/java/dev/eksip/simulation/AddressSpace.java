package dev.eksip.simulation;

import dev.eksip.domain.Eni;
import dev.eksip.domain.ReservationType;
import dev.eksip.domain.Subnet;

import java.util.BitSet;
import java.util.Collection;

/**
 * The addresses of one subnet CIDR, to count free aligned /28 blocks for prefix delegation
 * (vpc-cni-model.md §10): a prefix needs 16 contiguous, /28-aligned, completely unused addresses.
 */
public final class AddressSpace {
    /** §10: AWS reserves the first four addresses and the last one of every subnet. */
    public static final int AWS_RESERVED = 5;

    private final long base;
    private final int size;
    private final BitSet used;

    private AddressSpace(long base, int size) {
        this.base = base;
        this.size = size;
        this.used = new BitSet(size);
        // §10: network, VPC router, DNS, future use, broadcast.
        used.set(0, Math.min(4, size));
        used.set(size - 1);
    }

    /** An address space for an IPv4 CIDR such as {@code 10.0.0.0/23}. */
    public static AddressSpace of(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) throw new IllegalArgumentException("expected a CIDR like 10.0.0.0/24, got '" + cidr + "'");
        int len = Integer.parseInt(cidr.substring(slash + 1).trim());
        if (len < 16 || len > 28)
            throw new IllegalArgumentException("subnet prefix length must be /16../28, got /" + len);
        long ip = ipv4(cidr.substring(0, slash));
        int size = 1 << (32 - len);
        return new AddressSpace(ip & ~(size - 1L), size);
    }

    /** §10 usable addresses of a subnet of this prefix length: {@code 2^(32−len) − 5}. */
    public static int usable(int prefixLength) {
        return (1 << (32 - prefixLength)) - AWS_RESERVED;
    }

    /** §10 usable IPv4 addresses of {@code subnet}; 0 for an IPv6-only subnet (cidr ""). */
    public static int usable(Subnet subnet) {
        return ipv6Only(subnet) ? 0 : usable(prefixLength(subnet.cidr()));
    }

    /** EC2 named no IPv4 CIDR: the subnet holds no IPv4 address to allocate or run out of. */
    public static boolean ipv6Only(Subnet subnet) {
        return subnet.cidr().isEmpty();
    }

    public static int prefixLength(String cidr) {
        return Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1).trim());
    }

    public int size() {
        return size;
    }

    /** Marks one address (ignored when outside this subnet or unparsable). */
    public void use(String address) {
        long ip;
        try {
            ip = ipv4(address);
        } catch (IllegalArgumentException e) {
            return;
        }
        long offset = ip - base;
        if (offset >= 0 && offset < size) used.set((int) offset);
    }

    /** Marks a CIDR range (a /28 prefix, an explicit reservation) as used, clipped to this subnet. */
    public void useRange(String cidr) {
        int slash = cidr.indexOf('/');
        long ip = ipv4(cidr.substring(0, slash));
        int len = Integer.parseInt(cidr.substring(slash + 1).trim());
        long n = 1L << (32 - len);
        long from = Math.max(0, (ip & ~(n - 1)) - base);
        long to = Math.min(size, (ip & ~(n - 1)) - base + n);
        if (from < to) used.set((int) from, (int) to);
    }

    public void useAll(Collection<String> addresses) {
        for (String a : addresses) use(a);
    }

    /**
     * Aligned /28 blocks with no used address: one pass over the subnet, each used address visited once (the next
     * used address found is kept until the walk passes it; a /16 is 4,096 blocks, not 4,096 scans).
     */
    public int freeBlocks() {
        int free = 0;
        int next = used.nextSetBit(0);
        for (int b = 0; b + 16 <= size; b += 16) {
            if (next >= 0 && next < b) next = used.nextSetBit(b);
            if (next < 0 || next >= b + 16) free++;
        }
        return free;
    }

    /** Addresses not marked used. */
    public int freeAddresses() {
        return size - used.cardinality();
    }

    /** Free /28 blocks of {@code subnet} given every address and prefix in use there (§10). */
    public static int freeBlocks(Subnet subnet, Collection<String> addresses, Collection<String> prefixes) {
        return observed(subnet, addresses, prefixes).freeBlocks();
    }

    /**
     * {@code subnet}'s space with every address and prefix in use there and its explicit reservations marked used
     * (§10): what {@link #freeBlocks()} and {@link RandomPlacement#of(Subnet, AddressSpace)} count, parsed once.
     */
    public static AddressSpace observed(Subnet subnet, Collection<String> addresses, Collection<String> prefixes) {
        AddressSpace space = of(subnet.cidr());
        space.useAll(addresses);
        for (String p : prefixes) space.useRange(p);
        return space.reserveExplicit(subnet);
    }

    /** As {@link #observed(Subnet, Collection, Collection)}, straight from the ENIs in the subnet (no address lists). */
    static AddressSpace observed(Subnet subnet, Iterable<Eni> enis) {
        AddressSpace space = of(subnet.cidr());
        for (Eni e : enis) {
            space.use(e.primaryIp());
            space.useAll(e.secondaryIps());
            for (String p : e.prefixes()) space.useRange(p);
        }
        return space.reserveExplicit(subnet);
    }

    /** §10: an explicit reservation is only for manual assignment; prefix reservations serve prefixes. */
    private AddressSpace reserveExplicit(Subnet subnet) {
        for (Subnet.CidrReservation r : subnet.reservations())
            if (r.type() != ReservationType.PREFIX) useRange(r.cidr());
        return this;
    }

    /**
     * Used addresses per aligned /28 block (one pass over the used addresses; a block cut short by the subnet's end
     * counts its missing addresses as used).
     */
    int[] usedPerBlock() {
        return usedPerBlock(used, size);
    }

    /** {@link #usedPerBlock()} of {@code size} addresses marked in {@code used}. */
    static int[] usedPerBlock(BitSet used, int size) {
        int[] out = new int[(size + 15) / 16];
        for (int i = used.nextSetBit(0); i >= 0 && i < size; i = used.nextSetBit(i + 1)) out[i / 16]++;
        if (size % 16 != 0) out[out.length - 1] += 16 - size % 16;
        return out;
    }

    /** A dotted IPv4 address, parsed in one pass without allocating (every observed address goes through here). */
    static long ipv4(String text) {
        String t = text.trim();
        long ip = 0;
        int octets = 0;
        int octet = -1;
        for (int i = 0; i <= t.length(); i++) {
            char ch = i < t.length() ? t.charAt(i) : '.';
            if (ch == '.') {
                if (octet < 0 || ++octets > 4) throw notIpv4(text);
                ip = ip << 8 | octet;
                octet = -1;
            } else if (ch >= '0' && ch <= '9') {
                octet = (octet < 0 ? 0 : octet * 10) + (ch - '0');
                if (octet > 255) throw notIpv4(text);
            } else {
                throw notIpv4(text);
            }
        }
        if (octets != 4) throw notIpv4(text);
        return ip;
    }

    private static IllegalArgumentException notIpv4(String text) {
        return new IllegalArgumentException("not an IPv4 address: '" + text + "'");
    }
}
