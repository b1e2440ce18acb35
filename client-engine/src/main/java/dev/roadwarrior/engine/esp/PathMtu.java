package dev.roadwarrior.engine.esp;

import dev.roadwarrior.net.InternetChecksum;
import java.nio.ByteBuffer;

/**
 * What a tunnel does about a path MTU smaller than its packets (RFC 4459 §3; RFC 1191): it tells
 * the inner stack with ICMP "fragmentation needed" for a too-big packet that may not be
 * fragmented, and it lowers the TCP MSS of SYNs so that most flows never send one. Works on IPv4
 * packets in buffers, from position to limit, in place.
 *
 * <p>Stateless; any thread.
 */
public final class PathMtu {

    /** IPv4 and UDP headers in front of an ESP packet carried in UDP (RFC 3948). */
    public static final int OUTER_HEADERS = 20 + 8;
    private static final int IPV4_TCP_HEADERS = 40;
    private static final int PROTOCOL_TCP = 6;
    private static final int PROTOCOL_ICMP = 1;
    private static final int TCP_SYN = 0x02;
    private static final int OPTION_END = 0;
    private static final int OPTION_NOP = 1;
    private static final int OPTION_MSS = 2;
    /** RFC 1191's ICMP quotes the IP header and the first 8 bytes of the data. */
    private static final int QUOTED_DATA = 8;

    private PathMtu() {
    }

    /**
     * The largest inner packet whose ESP packet, in UDP over IPv4, fits a path of {@code pathMtu}
     * bytes with {@code transform}: SPI, sequence number, IV, padding to the cipher's alignment,
     * pad length, next header and ICV included.
     */
    public static int innerMtu(EspTransform transform, int pathMtu) {
        int payload = pathMtu - OUTER_HEADERS - 8 - transform.ivLength() - transform.icvLength();
        return payload / transform.alignment() * transform.alignment() - 2;
    }

    /** The TCP MSS that keeps segments within an inner MTU. */
    public static int mss(int innerMtu) {
        return innerMtu - IPV4_TCP_HEADERS;
    }

    /** Whether the IPv4 packet is longer than {@code mtu} and may not be fragmented (DF set). */
    public static boolean tooBigToSend(ByteBuffer packet, int mtu) {
        int p = packet.position();
        if (packet.remaining() <= mtu || packet.remaining() < 20 || (packet.get(p) >>> 4 & 0x0f) != 4
                || (packet.get(p + 6) & 0x40) == 0) {
            return false;
        }
        return packet.get(p + 9) != PROTOCOL_ICMP || isEchoRequest(packet); // never an ICMP error about an ICMP error
    }

    private static boolean isEchoRequest(ByteBuffer packet) {
        int p = packet.position();
        int ihl = (packet.get(p) & 0x0f) * 4;
        return packet.get(p + 9) == PROTOCOL_ICMP && packet.remaining() > ihl && packet.get(p + ihl) == 8;
    }

    /**
     * ICMP destination unreachable, fragmentation needed (type 3 code 4) with the next-hop MTU,
     * for the inner stack: from the too-big packet's destination (an address routed into the
     * tunnel, so that reverse-path filters accept it) to its source, quoting its header.
     */
    public static ByteBuffer fragmentationNeeded(ByteBuffer tooBig, int mtu) {
        int p = tooBig.position();
        int ihl = (tooBig.get(p) & 0x0f) * 4;
        int quoted = Math.min(tooBig.remaining(), ihl + QUOTED_DATA);
        ByteBuffer icmp = ByteBuffer.allocate(20 + 8 + quoted);
        icmp.put((byte) 0x45).put((byte) 0).putShort((short) icmp.capacity()).putInt(0)
                .put((byte) 64).put((byte) PROTOCOL_ICMP).putShort((short) 0);
        for (int i = 0; i < 4; i++) {
            icmp.put(tooBig.get(p + 16 + i)); // source: the packet's destination
        }
        for (int i = 0; i < 4; i++) {
            icmp.put(tooBig.get(p + 12 + i)); // destination: the packet's source
        }
        icmp.put((byte) 3).put((byte) 4).putShort((short) 0).putShort((short) 0).putShort((short) mtu);
        for (int i = 0; i < quoted; i++) {
            icmp.put(tooBig.get(p + i));
        }
        icmp.putShort(10, InternetChecksum.of(icmp, 0, 20));
        icmp.putShort(22, InternetChecksum.of(icmp, 20, icmp.capacity() - 20));
        return icmp.flip();
    }

    /**
     * Lowers the MSS option of a TCP SYN (or SYN-ACK) to {@code mss} when it is higher, fixing
     * the TCP checksum; other packets are left alone.
     *
     * @return whether the packet was changed
     */
    public static boolean clampMss(ByteBuffer packet, int mss) {
        int p = packet.position();
        if (packet.remaining() < 40 || (packet.get(p) >>> 4 & 0x0f) != 4 || packet.get(p + 9) != PROTOCOL_TCP
                || (packet.getShort(p + 6) & 0x1fff) != 0) {
            return false; // not TCP, or a fragment other than the first
        }
        int tcp = p + (packet.get(p) & 0x0f) * 4;
        if (packet.limit() < tcp + 20 || (packet.get(tcp + 13) & TCP_SYN) == 0) {
            return false;
        }
        int end = Math.min(packet.limit(), tcp + (packet.get(tcp + 12) >>> 4 & 0x0f) * 4);
        for (int o = tcp + 20; o < end; ) {
            int kind = packet.get(o) & 0xff;
            if (kind == OPTION_END) {
                return false;
            }
            if (kind == OPTION_NOP) {
                o++;
                continue;
            }
            int length = o + 1 < end ? packet.get(o + 1) & 0xff : 0;
            if (length < 2) {
                return false;
            }
            if (kind == OPTION_MSS && length == 4 && o + 4 <= end) {
                int old = packet.getShort(o + 2) & 0xffff;
                if (old <= mss) {
                    return false;
                }
                packet.putShort(o + 2, (short) mss);
                // RFC 1624 incremental update: HC' = ~(~HC + ~m + m')
                int sum = (~packet.getShort(tcp + 16) & 0xffff) + (~old & 0xffff) + mss;
                sum = (sum & 0xffff) + (sum >>> 16);
                sum = (sum & 0xffff) + (sum >>> 16);
                packet.putShort(tcp + 16, (short) ~sum);
                return true;
            }
            o += length;
        }
        return false;
    }
}
