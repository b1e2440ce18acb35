package dev.roadwarrior.platform.linux;

import dev.roadwarrior.net.Ipv4Network;
import dev.roadwarrior.platform.PlatformException;
import dev.roadwarrior.platform.PlatformException.Reason;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One change made to the host, as recorded in the crash-recovery {@link Journal}, one line each:
 * <pre>
 * tun rw0
 * addr rw0 10.1.2.3/24
 * route 10.0.0.0/8 dev rw0
 * route 198.51.100.7/32 via 192.168.1.1 dev eth0
 * unreachable6 0:0:0:0:0:0:0:0/1
 * nft inet roadwarrior
 * dns resolved rw0
 * dns resolvconf rw0
 * dns file /etc/resolv.conf /var/lib/roadwarrior/resolv.conf.orig
 * </pre>
 * Interface names and paths contain no white space (checked when a change is made).
 */
public sealed interface Change permits Change.Tun, Change.Address, Change.Route, Change.UnreachableIpv6,
        Change.NftTable, DnsChange {

    /** The journal line, without the line end. */
    String journalLine();

    /** Parses a journal line written by {@link #journalLine}. */
    static Change parse(String line) throws PlatformException {
        String[] w = line.strip().split(" ");
        try {
            switch (w[0]) {
                case "tun":
                    expect(w, 2, line);
                    return new Tun(w[1]);
                case "addr":
                    expect(w, 3, line);
                    int slash = w[2].indexOf('/');
                    if (slash < 0) {
                        throw corrupt(line);
                    }
                    return new Address(w[1], Ipv4Network.parseAddress(w[2].substring(0, slash)),
                            Integer.parseInt(w[2].substring(slash + 1)));
                case "route":
                    if (w.length == 4 && w[2].equals("dev")) {
                        return new Route(Ipv4Network.parse(w[1]), Optional.empty(), w[3]);
                    }
                    if (w.length == 6 && w[2].equals("via") && w[4].equals("dev")) {
                        return new Route(Ipv4Network.parse(w[1]), Optional.of(Ipv4Network.parseAddress(w[3])), w[5]);
                    }
                    throw corrupt(line);
                case "unreachable6":
                    expect(w, 2, line);
                    return UnreachableIpv6.parse(w[1]);
                case "nft":
                    expect(w, 3, line);
                    return new NftTable(w[1] + " " + w[2]);
                case "dns":
                    return DnsChange.parse(w, line);
                default:
                    throw corrupt(line);
            }
        } catch (IllegalArgumentException e) { // bad number, address or name
            throw new PlatformException(Reason.JOURNAL_CORRUPT, "bad journal line: " + line, e);
        }
    }

    private static void expect(String[] words, int count, String line) throws PlatformException {
        if (words.length != count) {
            throw corrupt(line);
        }
    }

    static PlatformException corrupt(String line) {
        return new PlatformException(Reason.JOURNAL_CORRUPT, 0, "bad journal line: " + line);
    }

    /** Checks a Linux interface name: 1 to 15 characters, no white space, '/' or ':'. */
    static String checkDevice(String name) {
        if (name.isEmpty() || name.length() > 15 || !name.chars().allMatch(c -> c > ' ' && c < 127 && c != '/' && c != ':')) {
            throw new IllegalArgumentException("bad interface name: " + name);
        }
        return name;
    }

    /** Checks that a path can be written in a journal line. */
    static Path checkPath(Path path) {
        if (path.toString().chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("path contains white space: " + path);
        }
        return path;
    }

    /** The TUN device {@code name} was created. */
    record Tun(String name) implements Change {
        public Tun {
            checkDevice(name);
        }

        @Override
        public String journalLine() {
            return "tun " + name;
        }
    }

    /** {@code device} was given {@code address/prefixLength}. */
    record Address(String device, Inet4Address address, int prefixLength) implements Change {
        public Address {
            checkDevice(device);
            if (prefixLength < 0 || prefixLength > 32) {
                throw new IllegalArgumentException("prefix length out of range: " + prefixLength);
            }
        }

        @Override
        public String journalLine() {
            return "addr " + device + " " + address.getHostAddress() + "/" + prefixLength;
        }
    }

    /** A route to {@code destination} over {@code device}, through {@code gateway} if present. */
    record Route(Ipv4Network destination, Optional<Inet4Address> gateway, String device) implements Change {
        public Route {
            checkDevice(device);
        }

        @Override
        public String journalLine() {
            return "route " + destination + gateway.map(g -> " via " + g.getHostAddress()).orElse("") + " dev " + device;
        }
    }

    /**
     * An IPv6 {@code unreachable} route to {@code address/prefixLength}: global IPv6 blocked
     * while a full tunnel carries only IPv4 (more specific routes, such as link-local and the
     * local subnets, still win).
     */
    record UnreachableIpv6(Inet6Address address, int prefixLength) implements Change {
        /** {@code ::/1} and {@code 8000::/1}: all of IPv6 but the routes more specific than a half. */
        public static final List<UnreachableIpv6> HALVES = List.of(parse("::/1"), parse("8000::/1"));

        public UnreachableIpv6 {
            if (prefixLength < 0 || prefixLength > 128) {
                throw new IllegalArgumentException("prefix length out of range: " + prefixLength);
            }
        }

        /** Parses {@code address/prefixLength} with a numeric IPv6 address. */
        static UnreachableIpv6 parse(String text) {
            int slash = text.indexOf('/');
            String address = slash < 0 ? "" : text.substring(0, slash);
            if (!address.contains(":") || !address.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':')) {
                throw new IllegalArgumentException("not an IPv6 network: " + text);
            }
            try {
                return new UnreachableIpv6((Inet6Address) InetAddress.getByName(address),
                        Integer.parseInt(text.substring(slash + 1)));
            } catch (UnknownHostException | ClassCastException e) {
                throw new IllegalArgumentException("not an IPv6 network: " + text, e);
            }
        }

        @Override
        public String journalLine() {
            return "unreachable6 " + address.getHostAddress() + "/" + prefixLength;
        }
    }

    /** The nftables table {@code table} ("family name") was loaded: the {@link KillSwitch}'s. */
    record NftTable(String table) implements Change {
        public NftTable {
            if (!table.matches("(inet|ip|ip6) [a-z][a-z0-9_]{0,31}")) {
                throw new IllegalArgumentException("bad nftables table: " + table);
            }
        }

        @Override
        public String journalLine() {
            return "nft " + table;
        }
    }
}
