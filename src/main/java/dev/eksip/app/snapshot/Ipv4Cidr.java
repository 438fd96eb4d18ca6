package dev.eksip.app.snapshot;

/**
 * An IPv4 CIDR or address as the snapshot spells it, parsed strictly (four decimal octets, a prefix length 0..32):
 * what {@link SnapshotChecks} needs to say whether an address, a /28 prefix or a reservation lies inside its
 * subnet. Addresses are unsigned 32-bit values in a {@code long}.
 *
 * @param address the address as written (host bits may be set)
 * @param length  the prefix length
 */
record Ipv4Cidr(long address, int length) {
    /** The CIDR {@code text} ({@code 10.0.0.0/24}), or null when it is not one. */
    static Ipv4Cidr parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) return null;
        long address = address(text.substring(0, slash));
        int length = number(text.substring(slash + 1), 32);
        return address < 0 || length < 0 ? null : new Ipv4Cidr(address, length);
    }

    /** The IPv4 address {@code text} ({@code 10.0.0.1}), or −1 when it is not one. */
    static long address(String text) {
        String[] octets = text.split("\\.", -1);
        if (octets.length != 4) return -1;
        long ip = 0;
        for (String o : octets) {
            int octet = number(o, 255);
            if (octet < 0) return -1;
            ip = ip << 8 | octet;
        }
        return ip;
    }

    /** A decimal number of 1 to 3 digits up to {@code max}, or −1. */
    private static int number(String text, int max) {
        if (text.isEmpty() || text.length() > 3) return -1;
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) < '0' || text.charAt(i) > '9') return -1;
        int n = Integer.parseInt(text);
        return n <= max ? n : -1;
    }

    long size() {
        return 1L << (32 - length);
    }

    /** The first address of the block. */
    long network() {
        return address & ~(size() - 1);
    }

    /** No host bit set: {@code 10.0.0.0/24}, not {@code 10.0.0.5/24}. */
    boolean aligned() {
        return address == network();
    }

    boolean contains(long ip) {
        return ip >= network() && ip < network() + size();
    }

    boolean contains(Ipv4Cidr inner) {
        return inner.length >= length && contains(inner.network());
    }

    /** The block in canonical form, e.g. {@code 10.0.0.0/24}. */
    @Override
    public String toString() {
        long n = network();
        return "%d.%d.%d.%d/%d".formatted(n >>> 24 & 255, n >>> 16 & 255, n >>> 8 & 255, n & 255, length);
    }
}
