package dev.roadwarrior.net;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Optional;

/**
 * An IPv4 address with a prefix length: a network ({@code 10.1.0.0/16}), as the engine's traffic
 * selectors and routes use it, or an address on its network ({@code 10.2.1.13/24}), as a profile's
 * static adapter address is written. The address is kept as given, host bits included, so that a
 * profile reads back exactly; {@link #network()} clears them, and the engine clears them wherever a
 * network comes from outside (a gateway's payload, a profile).
 *
 * <p>Parsing is strict and never looks a name up: exactly {@code A.B.C.D} (each part 0 to 255, at
 * most three digits) and {@code A.B.C.D/N}, no spaces. Callers reading text a person typed strip it
 * first.
 *
 * @param address the address as given
 * @param prefixLength 0 to 32
 */
public record Ipv4Network(Inet4Address address, int prefixLength) {

    public Ipv4Network {
        Objects.requireNonNull(address, "address");
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("prefix length out of range: " + prefixLength);
        }
    }

    /** The address with a dotted netmask; fails when the mask is not contiguous. */
    public static Ipv4Network ofMask(Inet4Address address, Inet4Address netmask) {
        return new Ipv4Network(address, prefixOf(netmask).orElseThrow(
                () -> new IllegalArgumentException("netmask is not contiguous: " + netmask.getHostAddress())));
    }

    /** Parses {@code A.B.C.D/N}, the form {@link #toString()} writes. */
    public static Ipv4Network parse(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("not a network: " + cidr);
        }
        Inet4Address a = parseAddress(cidr.substring(0, slash));
        String prefix = cidr.substring(slash + 1);
        if (prefix.isEmpty() || prefix.length() > 2 || !prefix.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("not a prefix length: " + cidr);
        }
        return new Ipv4Network(a, Integer.parseInt(prefix));
    }

    /** Parses a dotted quad; fails on anything else. */
    public static Inet4Address parseAddress(String dotted) {
        return tryParseAddress(dotted).orElseThrow(() -> new IllegalArgumentException("not an IPv4 address: " + dotted));
    }

    /** Parses a dotted quad, or empty when the text is not one. */
    public static Optional<Inet4Address> tryParseAddress(String dotted) {
        String[] parts = dotted.split("\\.", -1);
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

    /** The network this address lies in: {@code 10.2.1.13/24} gives {@code 10.2.1.0/24}. */
    public Ipv4Network network() {
        return new Ipv4Network(networkAddress(), prefixLength);
    }

    /** Whether {@code other} is this network or lies entirely inside it. */
    public boolean contains(Ipv4Network other) {
        return other.prefixLength >= prefixLength && contains(other.address);
    }

    /** Whether {@code a} lies in this network. */
    public boolean contains(Inet4Address a) {
        int m = mask(prefixLength);
        return (toInt(a) & m) == (toInt(address) & m);
    }

    /** {@code A.B.C.D/N}. */
    @Override
    public String toString() {
        return address.getHostAddress() + "/" + prefixLength;
    }

    /** The address as a big-endian int. */
    public static int toInt(Inet4Address a) {
        byte[] b = a.getAddress();
        return (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff);
    }

    private static int mask(int prefix) {
        return prefix == 0 ? 0 : -1 << (32 - prefix);
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
