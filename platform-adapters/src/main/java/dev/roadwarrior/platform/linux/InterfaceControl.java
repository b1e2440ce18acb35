package dev.roadwarrior.platform.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.NativeLong;
import dev.roadwarrior.net.Ipv4Network;
import dev.roadwarrior.platform.PlatformException;
import dev.roadwarrior.platform.PlatformException.Reason;
import dev.roadwarrior.platform.jna.IfReq;
import dev.roadwarrior.platform.jna.LibC;
import java.net.Inet4Address;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Interface settings through ioctls on an {@code AF_INET} datagram socket. Each call opens its
 * own socket, so it acts in the network namespace of the calling thread.
 */
final class InterfaceControl {

    static final int SIOCGIFNAME = 0x8910;
    static final int SIOCGIFFLAGS = 0x8913;
    static final int SIOCSIFFLAGS = 0x8914;
    static final int SIOCSIFADDR = 0x8916;
    static final int SIOCSIFNETMASK = 0x891c;
    static final int SIOCGIFMTU = 0x8921;
    static final int SIOCSIFMTU = 0x8922;
    static final int SIOCGIFINDEX = 0x8933;
    static final short IFF_UP = 0x1;
    static final short IFF_RUNNING = 0x40;

    private InterfaceControl() {
    }

    static void setMtu(String name, int mtu) throws PlatformException {
        ioctl(SIOCSIFMTU, new IfReq(name).intValue(mtu), "set MTU " + mtu + " on " + name);
    }

    static int mtu(String name) throws PlatformException {
        IfReq req = new IfReq(name);
        ioctl(SIOCGIFMTU, req, "get MTU of " + name);
        return req.intValue();
    }

    /** Sets IFF_UP and IFF_RUNNING, keeping the other flags. */
    static void up(String name) throws PlatformException {
        IfReq req = new IfReq(name);
        ioctl(SIOCGIFFLAGS, req, "get flags of " + name);
        req.flags((short) (req.flags() | IFF_UP | IFF_RUNNING));
        ioctl(SIOCSIFFLAGS, req, "bring up " + name);
    }

    /** Gives {@code name} the address {@code address/prefixLength} (SIOCSIFADDR, SIOCSIFNETMASK). */
    static void setAddress(String name, Inet4Address address, int prefixLength) throws PlatformException {
        ioctl(SIOCSIFADDR, new IfReq(name).ipv4(address), "set address on " + name);
        Inet4Address mask = new Ipv4Network(address, prefixLength).netmask();
        ioctl(SIOCSIFNETMASK, new IfReq(name).ipv4(mask), "set netmask on " + name);
    }

    /** The interface index, or empty when no interface has this name. */
    static OptionalInt index(String name) throws PlatformException {
        IfReq req = new IfReq(name);
        try {
            run(SIOCGIFINDEX, req);
            return OptionalInt.of(req.intValue());
        } catch (LastErrorException e) {
            if (e.getErrorCode() == LibC.ENODEV) {
                return OptionalInt.empty();
            }
            throw new PlatformException(Reason.INTERFACE_CONFIG, e.getErrorCode(), "get index of " + name);
        }
    }

    /** The name of interface {@code index}, or empty when there is none. */
    static Optional<String> name(int index) throws PlatformException {
        IfReq req = new IfReq().intValue(index);
        try {
            run(SIOCGIFNAME, req);
            return Optional.of(req.name());
        } catch (LastErrorException e) {
            if (e.getErrorCode() == LibC.ENODEV) {
                return Optional.empty();
            }
            throw new PlatformException(Reason.INTERFACE_CONFIG, e.getErrorCode(), "get name of index " + index);
        }
    }

    private static void ioctl(int request, IfReq req, String what) throws PlatformException {
        try {
            run(request, req);
        } catch (LastErrorException e) {
            throw new PlatformException(Reason.INTERFACE_CONFIG, e.getErrorCode(), what);
        }
    }

    private static void run(int request, IfReq req) {
        int fd = LibC.INSTANCE.socket(LibC.AF_INET, LibC.SOCK_DGRAM | LibC.SOCK_CLOEXEC, 0);
        try {
            LibC.INSTANCE.ioctl(fd, new NativeLong(request), req.pointer());
        } finally {
            LibC.INSTANCE.close(fd);
        }
    }
}
