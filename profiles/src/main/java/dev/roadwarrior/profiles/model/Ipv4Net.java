package dev.roadwarrior.profiles.model;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Optional;

/**
 * An IPv4 address with a prefix length: a policy network ({@code 10.1.0.0 / 255.255.0.0}) or a
 * static adapter address ({@code 10.2.1.13 / 255.255.255.0}). The address is kept as written,
 * host bits included, so that a profile reads back exactly; {@link #networkAddress()} clears them.
 * The profiles module does not depend on the engine; callers map this to the engine's own type.
 *
 * @param address the address as written
 * @param prefixLength 0 to 32
 */
public record Ipv4Net(Inet4Address address, int prefixLength) {

    public Ipv4Net {
        Objects.requireNonNull(address, "address");
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("prefix length out of range: " + prefixLength);
        }
    }

    /** The network of an address and a dotted netmask; fails when the mask is not contiguous. */
    public static Ipv4Net ofMask(Inet4Address address, Inet4Address netmask) {
        return new Ipv4Net(address, prefixOf(netmask).orElseThrow(
                () -> new IllegalArgumentException("netmask is not contiguous: " + netmask.getHostAddress())));
    }

    /** Parses {@code A.B.C.D/N}, the form {@link #toString()} writes. */
    public static Ipv4Net parse(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("not a network: " + cidr);
        }
        Inet4Address a = parseAddress(cidr.substring(0, slash))
                .orElseThrow(() -> new IllegalArgumentException("not an IPv4 address: " + cidr));
        String prefix = cidr.substring(slash + 1).trim();
        if (prefix.isEmpty() || prefix.length() > 2 || !prefix.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("not a prefix length: " + cidr);
        }
        return new Ipv4Net(a, Integer.parseInt(prefix));
    }

    /** Parses a dotted quad ({@code 0}-{@code 255} four times) without any name lookup. */
    public static Optional<Inet4Address> parseAddress(String dotted) {
        String[] parts = dotted.trim().split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Optional.empty();
            }
            int v = Integer.parseInt(p);
            if (v > 255) {
                return Optional.empty();
            }
            b[i] = (byte) v;
        }
        return Optional.of(toAddress(b));
    }

    /** The prefix length of a contiguous netmask such as 255.255.254.0, or empty. */
    public static Optional<Integer> prefixOf(Inet4Address netmask) {
        int m = toInt(netmask);
        int prefix = Integer.bitCount(m);
        return m == mask(prefix) ? Optional.of(prefix) : Optional.empty();
    }

    /** The netmask as an address, e.g. 255.255.0.0 for /16. */
    public Inet4Address netmask() {
        return toAddress(mask(prefixLength));
    }

    /** The address with its host bits cleared. */
    public Inet4Address networkAddress() {
        return toAddress(toInt(address) & mask(prefixLength));
    }

    /** {@code A.B.C.D/N}. */
    @Override
    public String toString() {
        return address.getHostAddress() + "/" + prefixLength;
    }

    private static int mask(int prefix) {
        return prefix == 0 ? 0 : -1 << (32 - prefix);
    }

    private static int toInt(Inet4Address a) {
        byte[] b = a.getAddress();
        return (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff);
    }

    private static Inet4Address toAddress(int v) {
        return toAddress(new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v});
    }

    private static Inet4Address toAddress(byte[] b) {
        try {
            return (Inet4Address) InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new AssertionError(e); // four bytes are always a valid address
        }
    }
}
