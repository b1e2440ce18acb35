package dev.roadwarrior.platform.jna;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.net.Inet4Address;
import java.nio.charset.StandardCharsets;

/**
 * A {@code struct ifreq} (40 bytes on 64-bit Linux) in native memory:
 * <pre>
 *  0  char ifr_name[16]              interface name, NUL-terminated
 * 16  union { short ifr_flags;       IFF_* flags
 *             int ifr_mtu; int ifr_ifindex;
 *             struct sockaddr_in {   short family (native order) at 16,
 *                                    port (big endian) at 18, address (big endian) at 20 }
 *             ... }                  padded to 24 bytes by struct ifmap
 * </pre>
 */
public final class IfReq {

    public static final int SIZE = 40;
    /** Longest interface name, without the NUL (IFNAMSIZ - 1). */
    public static final int MAX_NAME = 15;
    static final int UNION = 16;

    private final Memory memory = new Memory(SIZE);

    /** An ifreq for {@code name}; the name may be a kernel pattern such as {@code rw%d}. */
    public IfReq(String name) {
        memory.clear();
        byte[] b = name.getBytes(StandardCharsets.US_ASCII);
        if (b.length == 0 || b.length > MAX_NAME) {
            throw new IllegalArgumentException("interface name must have 1 to 15 characters: " + name);
        }
        memory.write(0, b, 0, b.length);
    }

    /** An ifreq with no name, e.g. for SIOCGIFNAME. */
    public IfReq() {
        memory.clear();
    }

    public Pointer pointer() {
        return memory;
    }

    /** The name field, up to the first NUL (the kernel writes the chosen name back here). */
    public String name() {
        byte[] b = memory.getByteArray(0, MAX_NAME + 1);
        int n = 0;
        while (n < b.length && b[n] != 0) {
            n++;
        }
        return new String(b, 0, n, StandardCharsets.US_ASCII);
    }

    public short flags() {
        return memory.getShort(UNION);
    }

    public IfReq flags(short flags) {
        memory.setShort(UNION, flags);
        return this;
    }

    /** The union as an int: ifr_mtu or ifr_ifindex. */
    public int intValue() {
        return memory.getInt(UNION);
    }

    public IfReq intValue(int value) {
        memory.setInt(UNION, value);
        return this;
    }

    /** Puts a {@code struct sockaddr_in} with port 0 into the union (ifr_addr, ifr_netmask). */
    public IfReq ipv4(Inet4Address address) {
        memory.setShort(UNION, (short) LibC.AF_INET);
        memory.setShort(UNION + 2, (short) 0);
        memory.write(UNION + 4, address.getAddress(), 0, 4);
        return this;
    }

    /** A copy of all 40 bytes, for tests. */
    public byte[] bytes() {
        return memory.getByteArray(0, SIZE);
    }
}
