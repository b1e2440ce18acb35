package dev.roadwarrior.engine.spi;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv4 network: an address and a prefix length. The address is normalised to the network
 * address (host bits cleared), so {@code 10.1.2.3/16} and {@code 10.1.0.0/16} are equal.
 *
 * @param address the network address, host bits zero
 * @param prefixLength 0 to 32
 */
public record Ipv4Network(Inet4Address address, int prefixLength) {

    public Ipv4Network {
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("prefix length out of range: " + prefixLength);
        }
        address = (Inet4Address) toAddress(toInt(address) & mask(prefixLength));
    }

    /** The network for an address and a dotted netmask; the mask must be contiguous. */
    public static Ipv4Network ofMask(Inet4Address address, Inet4Address netmask) {
        int m = toInt(netmask);
        int prefix = Integer.bitCount(m);
        if (m != mask(prefix)) {
            throw new IllegalArgumentException("netmask is not contiguous: " + netmask.getHostAddress());
        }
        return new Ipv4Network(address, prefix);
    }

    /** Parses {@code A.B.C.D/N}. */
    public static Ipv4Network parse(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("not a network: " + cidr);
        }
        return new Ipv4Network(parseAddress(cidr.substring(0, slash).trim()),
                Integer.parseInt(cidr.substring(slash + 1).trim()));
    }

    /** Parses a dotted quad without any name lookup. */
    public static Inet4Address parseAddress(String dotted) {
        String[] parts = dotted.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + dotted);
        }
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (parts[i].isEmpty() || parts[i].length() > 3 || !parts[i].chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("not an IPv4 address: " + dotted);
            }
            int v = Integer.parseInt(parts[i]);
            if (v > 255) {
                throw new IllegalArgumentException("not an IPv4 address: " + dotted);
            }
            b[i] = (byte) v;
        }
        return (Inet4Address) toAddress(b);
    }

    /** The netmask as an address, e.g. 255.255.0.0 for /16. */
    public Inet4Address netmask() {
        return (Inet4Address) toAddress(mask(prefixLength));
    }

    /** Whether {@code other} is this network or lies entirely inside it. */
    public boolean contains(Ipv4Network other) {
        return other.prefixLength >= prefixLength && contains(other.address);
    }

    /** Whether {@code a} lies in this network. */
    public boolean contains(Inet4Address a) {
        return (toInt(a) & mask(prefixLength)) == toInt(address);
    }

    @Override
    public String toString() {
        return address.getHostAddress() + "/" + prefixLength;
    }

    private static int mask(int prefix) {
        return prefix == 0 ? 0 : -1 << (32 - prefix);
    }

    /** The address as a big-endian int. */
    public static int toInt(Inet4Address a) {
        byte[] b = a.getAddress();
        return (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff);
    }

    private static InetAddress toAddress(int v) {
        return toAddress(new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v});
    }

    private static InetAddress toAddress(byte[] b) {
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new AssertionError(e); // four bytes are always a valid address
        }
    }
}
