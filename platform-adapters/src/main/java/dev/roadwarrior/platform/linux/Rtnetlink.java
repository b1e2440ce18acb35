package dev.roadwarrior.platform.linux;

import dev.roadwarrior.net.Ipv4Network;
import dev.roadwarrior.platform.PlatformException;
import dev.roadwarrior.platform.PlatformException.Reason;
import dev.roadwarrior.platform.jna.LibC;
import dev.roadwarrior.platform.jna.NetlinkException;
import dev.roadwarrior.platform.jna.NetlinkMessage;
import dev.roadwarrior.platform.jna.NetlinkRequest;
import dev.roadwarrior.platform.jna.NetlinkSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Routes, addresses and links through rtnetlink, in the network namespace of the calling
 * thread. Routes are added to the main table with protocol {@code static} and deleted with that
 * protocol too, so a matching route someone else added is never removed. The {@code delete*}
 * methods return false when the thing is already gone.
 */
final class Rtnetlink {

    static final int RTM_DELLINK = 17;
    static final int RTM_DELADDR = 21;
    static final int RTM_NEWROUTE = 24;
    static final int RTM_DELROUTE = 25;
    static final int RTM_GETROUTE = 26;
    static final int RTA_DST = 1;
    static final int RTA_OIF = 4;
    static final int RTA_GATEWAY = 5;
    static final int RTA_METRICS = 8;
    static final int RTAX_MTU = 2;
    static final int IFA_ADDRESS = 1;
    static final int IFA_LOCAL = 2;
    static final int IFLA_IFNAME = 3;
    static final int RT_TABLE_MAIN = 254;
    static final int RTPROT_STATIC = 4;
    static final int RT_SCOPE_UNIVERSE = 0;
    static final int RT_SCOPE_LINK = 253;
    static final int RT_SCOPE_NOWHERE = 255;
    static final int RTN_UNICAST = 1;
    static final int RTN_UNREACHABLE = 7;
    static final int AF_INET6 = 10;
    /** Address family not supported: the kernel was booted with {@code ipv6.disable=1}. */
    static final int EAFNOSUPPORT = 97;
    static final int RTMSG_SIZE = 12;

    private static final int ACKED = NetlinkRequest.NLM_F_REQUEST | NetlinkRequest.NLM_F_ACK;

    private Rtnetlink() {
    }

    /**
     * The path the kernel takes now towards {@code destination}'s network address, as a route to
     * {@code destination}; empty when that is not a unicast route (a local address, say).
     *
     * @throws PlatformException ROUTE_LOOKUP, e.g. with ENETUNREACH when there is no route
     */
    static Optional<Change.Route> lookup(Ipv4Network destination) throws PlatformException {
        NetlinkRequest req = rtmsg(RTM_GETROUTE, ACKED, 32, 0, 0, 0, 0)
                .attribute(RTA_DST, destination.address().getAddress());
        List<NetlinkMessage> replies = send(req, Reason.ROUTE_LOOKUP, "route to " + destination.address().getHostAddress());
        try {
            for (NetlinkMessage m : replies) {
                if (m.type() != RTM_NEWROUTE || m.payload().limit() < RTMSG_SIZE) {
                    continue;
                }
                if (m.payload().get(7) != RTN_UNICAST) {
                    return Optional.empty();
                }
                Map<Integer, ByteBuffer> a = m.attributes(RTMSG_SIZE);
                if (!a.containsKey(RTA_OIF) || a.get(RTA_OIF).remaining() != 4) {
                    break;
                }
                Optional<Inet4Address> gateway = Optional.ofNullable(a.get(RTA_GATEWAY))
                        .filter(v -> v.remaining() == 4).map(Rtnetlink::address);
                String device = InterfaceControl.name(a.get(RTA_OIF).getInt(0)).orElseThrow(
                        () -> new PlatformException(Reason.ROUTE_LOOKUP, LibC.ENODEV, "route via a vanished interface"));
                return Optional.of(new Change.Route(destination, gateway, device));
            }
        } catch (NetlinkException e) {
            throw new PlatformException(Reason.ROUTE_LOOKUP, "bad route reply", e);
        }
        throw new PlatformException(Reason.ROUTE_LOOKUP, 0, "no usable route to " + destination.address().getHostAddress());
    }

    /**
     * The MTU of the path towards {@code destination}: the route's MTU metric (the path MTU the
     * kernel learned from ICMP, or a configured one), else the outgoing interface's MTU.
     */
    static OptionalInt pathMtu(Inet4Address destination) throws PlatformException {
        NetlinkRequest req = rtmsg(RTM_GETROUTE, ACKED, 32, 0, 0, 0, 0).attribute(RTA_DST, destination.getAddress());
        for (NetlinkMessage m : send(req, Reason.ROUTE_LOOKUP, "route to " + destination.getHostAddress())) {
            if (m.type() != RTM_NEWROUTE || m.payload().limit() < RTMSG_SIZE) {
                continue;
            }
            try {
                Map<Integer, ByteBuffer> a = m.attributes(RTMSG_SIZE);
                ByteBuffer metrics = a.get(RTA_METRICS);
                for (int at = 0; metrics != null && at + 8 <= metrics.limit(); ) { // nested rtattr: length, type, u32
                    int length = metrics.getShort(at) & 0xffff;
                    if ((metrics.getShort(at + 2) & 0x3fff) == RTAX_MTU && length >= 8) {
                        return OptionalInt.of(metrics.getInt(at + 4));
                    }
                    at += Math.max(4, (length + 3) & ~3);
                }
                if (a.containsKey(RTA_OIF) && a.get(RTA_OIF).remaining() == 4) {
                    Optional<String> device = InterfaceControl.name(a.get(RTA_OIF).getInt(0));
                    if (device.isPresent()) {
                        return OptionalInt.of(InterfaceControl.mtu(device.get()));
                    }
                }
            } catch (NetlinkException e) {
                throw new PlatformException(Reason.ROUTE_LOOKUP, "bad route reply", e);
            }
        }
        return OptionalInt.empty();
    }

    /** Adds {@code route}; false when a route with the same destination and metric already exists. */
    static boolean addRoute(Change.Route route) throws PlatformException {
        int oif = index(route.device());
        NetlinkRequest req = rtmsg(RTM_NEWROUTE, ACKED | NetlinkRequest.NLM_F_CREATE | NetlinkRequest.NLM_F_EXCL,
                route.destination().prefixLength(), RTPROT_STATIC,
                route.gateway().isPresent() ? RT_SCOPE_UNIVERSE : RT_SCOPE_LINK, RTN_UNICAST, RT_TABLE_MAIN);
        return optional(() -> send(withPath(req, route, oif), Reason.ROUTE, "add route " + route.journalLine()),
                LibC.EEXIST);
    }

    static boolean deleteRoute(Change.Route route) throws PlatformException {
        OptionalInt oif = InterfaceControl.index(route.device());
        if (oif.isEmpty()) {
            return false;
        }
        NetlinkRequest req = rtmsg(RTM_DELROUTE, ACKED, route.destination().prefixLength(), RTPROT_STATIC,
                RT_SCOPE_NOWHERE, 0, RT_TABLE_MAIN);
        return optional(() -> send(withPath(req, route, oif.getAsInt()), Reason.ROUTE, "delete " + route.journalLine()),
                LibC.ESRCH, LibC.ENOENT, LibC.ENODEV);
    }

    /**
     * Adds an IPv6 {@code unreachable} route (no device: the kernel answers senders with
     * "network unreachable"); false when it already exists.
     */
    static boolean addUnreachable(Change.UnreachableIpv6 route) throws PlatformException {
        NetlinkRequest req = rtmsg6(RTM_NEWROUTE, ACKED | NetlinkRequest.NLM_F_CREATE | NetlinkRequest.NLM_F_EXCL,
                route, RT_SCOPE_UNIVERSE, RTN_UNREACHABLE);
        return optional(() -> send(req, Reason.ROUTE, "add " + route.journalLine()), LibC.EEXIST);
    }

    /** Deletes an IPv6 route added by {@link #addUnreachable}; false when it is gone. */
    static boolean deleteUnreachable(Change.UnreachableIpv6 route) throws PlatformException {
        NetlinkRequest req = rtmsg6(RTM_DELROUTE, ACKED, route, RT_SCOPE_NOWHERE, RTN_UNREACHABLE);
        return optional(() -> send(req, Reason.ROUTE, "delete " + route.journalLine()), LibC.ESRCH, LibC.ENOENT);
    }

    private static NetlinkRequest rtmsg6(int type, int flags, Change.UnreachableIpv6 route, int scope, int routeType) {
        return new NetlinkRequest(type, flags)
                .putByte(AF_INET6).putByte(route.prefixLength()).putByte(0).putByte(0)
                .putByte(RT_TABLE_MAIN).putByte(RTPROT_STATIC).putByte(scope).putByte(routeType)
                .putInt(0)
                .attribute(RTA_DST, route.address().getAddress());
    }

    static boolean deleteAddress(Change.Address address) throws PlatformException {
        OptionalInt index = InterfaceControl.index(address.device());
        if (index.isEmpty()) {
            return false;
        }
        byte[] a = address.address().getAddress();
        NetlinkRequest req = new NetlinkRequest(RTM_DELADDR, ACKED)
                .putByte(LibC.AF_INET).putByte(address.prefixLength()).putByte(0).putByte(0).putInt(index.getAsInt())
                .attribute(IFA_LOCAL, a).attribute(IFA_ADDRESS, a);
        return optional(() -> send(req, Reason.INTERFACE_CONFIG, "delete " + address.journalLine()),
                LibC.EADDRNOTAVAIL, LibC.ENODEV);
    }

    /** Deletes the interface called {@code name}. */
    static boolean deleteLink(String name) throws PlatformException {
        NetlinkRequest req = new NetlinkRequest(RTM_DELLINK, ACKED)
                .putByte(0).putByte(0).putShort(0).putInt(0).putInt(0).putInt(0)
                .attribute(IFLA_IFNAME, name);
        return optional(() -> send(req, Reason.INTERFACE_CONFIG, "delete link " + name), LibC.ENODEV);
    }

    private static NetlinkRequest rtmsg(int type, int flags, int dstLen, int protocol, int scope, int routeType, int table) {
        return new NetlinkRequest(type, flags)
                .putByte(LibC.AF_INET).putByte(dstLen).putByte(0).putByte(0)
                .putByte(table).putByte(protocol).putByte(scope).putByte(routeType)
                .putInt(0);
    }

    private static NetlinkRequest withPath(NetlinkRequest req, Change.Route route, int oif) {
        if (route.destination().prefixLength() > 0) {
            req.attribute(RTA_DST, route.destination().address().getAddress());
        }
        route.gateway().ifPresent(g -> req.attribute(RTA_GATEWAY, g.getAddress()));
        return req.attribute(RTA_OIF, oif);
    }

    private static int index(String device) throws PlatformException {
        return InterfaceControl.index(device).orElseThrow(
                () -> new PlatformException(Reason.ROUTE, LibC.ENODEV, "no interface " + device));
    }

    private interface Call {
        void run() throws PlatformException;
    }

    /** Runs {@code call}: true when it worked, false when it failed with one of {@code benign}. */
    private static boolean optional(Call call, int... benign) throws PlatformException {
        try {
            call.run();
            return true;
        } catch (PlatformException e) {
            for (int errno : benign) {
                if (e.errno() == errno) {
                    return false;
                }
            }
            throw e;
        }
    }

    private static List<NetlinkMessage> send(NetlinkRequest req, Reason reason, String what) throws PlatformException {
        try (NetlinkSocket socket = NetlinkSocket.openRoute()) {
            return socket.request(req);
        } catch (NetlinkException e) {
            throw new PlatformException(reason, e.errno(), what);
        }
    }

    private static Inet4Address address(ByteBuffer value) {
        byte[] b = new byte[4];
        value.duplicate().get(b);
        try {
            return (Inet4Address) InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new AssertionError(e); // four bytes always make an address
        }
    }
}
