package dev.roadwarrior.platform.linux;

import dev.roadwarrior.net.InternetChecksum;
import java.nio.ByteBuffer;

/**
 * Cuts a TCP packet larger than the device's MTU, as a TUN device with TSO hands it out (one read
 * of up to 64 KB), into the segments the kernel would have sent: each with the whole IP and TCP
 * header, at most {@code gsoSize} bytes of payload, its IP length, ID (IPv4: one more per segment)
 * and header checksum, its sequence number, FIN and PSH on the last segment only, CWR on the first
 * only, and a full TCP checksum. IPv4 and IPv6 without extension headers; anything else is refused.
 *
 * <p>Not thread-safe: one per reading thread. The source buffer must stay untouched until
 * {@link #pending()} is false.
 */
final class TcpSegmenter {

    private static final int PROTOCOL_TCP = 6;
    private static final int FIN = 0x01;
    private static final int PSH = 0x08;
    private static final int CWR = 0x80;

    private ByteBuffer source;
    private int start;
    private boolean v4;
    private int ipHeaderLength;
    private int headerLength;
    private int payloadLength;
    private int gsoSize;
    private int offset;
    private int index;

    /** Whether segments of the packet given to {@link #start} remain. */
    boolean pending() {
        return source != null;
    }

    /**
     * Takes the packet from {@code packet}'s position to its limit (absolute indexes are read, the
     * buffer's position is left alone).
     *
     * @return false, taking nothing, when it is not an IPv4 or IPv6 TCP packet with a payload and a
     *     segment size that make sense
     */
    boolean start(ByteBuffer packet, int segmentSize) {
        int p = packet.position();
        int length = packet.remaining();
        if (length < 1 || segmentSize < 1) {
            return false;
        }
        int version = (packet.get(p) & 0xff) >>> 4;
        int ipLength;
        if (version == 4 && length >= 20) {
            ipLength = (packet.get(p) & 0x0f) * 4;
            if (ipLength < 20 || packet.get(p + 9) != PROTOCOL_TCP) {
                return false;
            }
        } else if (version == 6 && length >= 40) {
            ipLength = 40;
            if (packet.get(p + 6) != PROTOCOL_TCP) {
                return false;
            }
        } else {
            return false;
        }
        if (length < ipLength + 20) {
            return false;
        }
        int tcpLength = ((packet.get(p + ipLength + 12) & 0xff) >>> 4) * 4;
        if (tcpLength < 20 || length <= ipLength + tcpLength) {
            return false;
        }
        this.source = packet;
        this.start = p;
        this.v4 = version == 4;
        this.ipHeaderLength = ipLength;
        this.headerLength = ipLength + tcpLength;
        this.payloadLength = length - headerLength;
        this.gsoSize = segmentSize;
        this.offset = 0;
        this.index = 0;
        return true;
    }

    /**
     * Writes the next segment into {@code dst} from its position and advances the position past it.
     *
     * @return the segment's length
     * @throws IllegalStateException when no segment is pending
     * @throws java.nio.BufferOverflowException when {@code dst} has no room for it
     */
    int next(ByteBuffer dst) {
        if (source == null) {
            throw new IllegalStateException("no segment pending");
        }
        int chunk = Math.min(gsoSize, payloadLength - offset);
        int total = headerLength + chunk;
        boolean last = offset + chunk == payloadLength;
        int d = dst.position();
        if (dst.remaining() < total) {
            throw new java.nio.BufferOverflowException();
        }
        dst.put(d, source, start, headerLength);
        dst.put(d + headerLength, source, start + headerLength + offset, chunk);
        if (v4) {
            dst.putShort(d + 2, (short) total);
            dst.putShort(d + 4, (short) (source.getShort(start + 4) + index));
            dst.putShort(d + 10, (short) 0);
            dst.putShort(d + 10, InternetChecksum.of(dst, d, ipHeaderLength));
        } else {
            dst.putShort(d + 4, (short) (total - 40));
        }
        int tcp = d + ipHeaderLength;
        dst.putInt(tcp + 4, source.getInt(start + ipHeaderLength + 4) + offset);
        int flags = dst.get(tcp + 13) & 0xff;
        if (!last) {
            flags &= ~(FIN | PSH);
        }
        if (index > 0) {
            flags &= ~CWR;
        }
        dst.put(tcp + 13, (byte) flags);
        dst.putShort(tcp + 16, (short) 0);
        long sum = pseudoHeader(dst, d, v4, total - ipHeaderLength);
        dst.putShort(tcp + 16, InternetChecksum.finish(InternetChecksum.add(sum, dst, tcp, total - ipHeaderLength)));
        dst.position(d + total);
        offset += chunk;
        index++;
        if (last) {
            source = null;
        }
        return total;
    }

    /** The pseudo-header's sum (addresses, protocol, length) of the IP packet at {@code ip}. */
    static long pseudoHeader(ByteBuffer b, int ip, boolean v4, int transportLength) {
        long sum = v4 ? InternetChecksum.add(0, b, ip + 12, 8) : InternetChecksum.add(0, b, ip + 8, 32);
        return sum + (b.get(ip + (v4 ? 9 : 6)) & 0xff) + transportLength;
    }
}
