package dev.roadwarrior.platform.linux;

import dev.roadwarrior.net.InternetChecksum;
import java.nio.ByteBuffer;

/**
 * Joins consecutive IPv4 TCP segments of one stream into one packet for a single TUN write, as
 * the kernel's GRO would (the receiving stack takes it in one pass): same addresses, ports, TTL,
 * TOS, acknowledgement, window and TCP options, each segment's sequence number following the
 * last, flags ACK with PSH on the last at most, all segments of the first one's size but the
 * last. The joined packet goes out behind a {@link VnetHeader} saying so (TCPv4, the segment
 * size, the checksum left to the stack); a single segment goes out unchanged.
 *
 * <p>Not thread-safe: its owner serialises the calls.
 */
final class TcpCoalescer {

    private static final int IP_HEADER = 20;
    private static final int PROTOCOL_TCP = 6;
    private static final int ACK = 0x10;
    private static final int PSH = 0x08;
    private static final int MAX_LENGTH = 65_535;

    private final ByteBuffer out;
    private final int base;
    private int length;
    private int segments;
    private int segmentSize;
    private int tcpHeader;
    private int nextSeq;
    private boolean closed;

    /**
     * @param out where the packet is built: a {@link VnetHeader} at {@code base}, the packet after
     *     it; room for {@value #MAX_LENGTH} bytes after the header
     */
    TcpCoalescer(ByteBuffer out, int base) {
        this.out = out;
        this.base = base;
    }

    /** Whether a packet is being built. */
    boolean pending() {
        return length > 0;
    }

    /**
     * Appends {@code packet} (position to limit; the buffer is left as it is) to the packet being
     * built when it is the stream's next segment.
     *
     * @return false when it is not: the caller then {@link #finish}es and {@link #begin}s anew
     */
    boolean append(ByteBuffer packet) {
        if (length == 0 || closed) {
            return false;
        }
        int p = packet.position();
        int payload = payloadLength(packet);
        if (payload <= 0 || payload > segmentSize || length + payload > MAX_LENGTH || !sameStream(packet, p)
                || packet.getInt(p + IP_HEADER + 4) != nextSeq) {
            return false;
        }
        int flags = packet.get(p + IP_HEADER + 13) & 0xff;
        out.put(start() + length, packet, p + IP_HEADER + tcpHeader, payload);
        length += payload;
        segments++;
        nextSeq += payload;
        if ((flags & PSH) != 0) {
            out.put(start() + IP_HEADER + 13, (byte) (ACK | PSH));
        }
        closed = (flags & PSH) != 0 || payload < segmentSize;
        return true;
    }

    /**
     * Starts a new packet with {@code packet} when it is a segment that later ones may join.
     *
     * @return false, taking nothing, when it is not (the caller writes it as it is)
     * @throws IllegalStateException when a packet is still pending
     */
    boolean begin(ByteBuffer packet) {
        if (length > 0) {
            throw new IllegalStateException("finish the pending packet first");
        }
        int payload = payloadLength(packet);
        if (payload <= 0) {
            return false;
        }
        int p = packet.position();
        int total = packet.remaining();
        out.put(start(), packet, p, total);
        length = total;
        segments = 1;
        segmentSize = payload;
        tcpHeader = total - IP_HEADER - payload;
        nextSeq = packet.getInt(p + IP_HEADER + 4) + payload;
        closed = (packet.get(p + IP_HEADER + 13) & PSH) != 0;
        return true;
    }

    /**
     * Completes the pending packet: lengths, IP checksum and header for a joined one.
     *
     * @return the bytes to write from {@code base}, header included; 0 when none is pending
     */
    int finish() {
        if (length == 0) {
            return 0;
        }
        int ip = start();
        VnetHeader.writePlain(out, base);
        if (segments > 1) {
            out.putShort(ip + 2, (short) length);
            out.putShort(ip + 10, (short) 0);
            out.putShort(ip + 10, InternetChecksum.of(out, ip, IP_HEADER));
            int transport = length - IP_HEADER;
            out.putShort(ip + IP_HEADER + 16,
                    (short) InternetChecksum.fold(TcpSegmenter.pseudoHeader(out, ip, true, transport)));
            out.put(base, (byte) VnetHeader.F_NEEDS_CSUM);
            out.put(base + 1, (byte) VnetHeader.GSO_TCPV4);
            VnetHeader.putU16(out, base + 2, IP_HEADER + tcpHeader);
            VnetHeader.putU16(out, base + 4, segmentSize);
            VnetHeader.putU16(out, base + 6, IP_HEADER);
            VnetHeader.putU16(out, base + 8, 16);
        }
        int written = VnetHeader.LENGTH + length;
        length = 0;
        return written;
    }

    private int start() {
        return base + VnetHeader.LENGTH;
    }

    /**
     * The TCP payload length of a segment that may be joined (IPv4 without options, not a
     * fragment, TCP with flags ACK or ACK and PSH, an IP length that matches), else -1.
     */
    private static int payloadLength(ByteBuffer packet) {
        int p = packet.position();
        int total = packet.remaining();
        if (total < IP_HEADER + 20 || packet.get(p) != 0x45 || packet.get(p + 9) != PROTOCOL_TCP
                || (packet.getShort(p + 2) & 0xffff) != total || (packet.getShort(p + 6) & 0x3fff) != 0) {
            return -1;
        }
        int flags = packet.get(p + IP_HEADER + 13) & 0xff;
        if ((flags & ~PSH) != ACK) {
            return -1;
        }
        int tcp = ((packet.get(p + IP_HEADER + 12) & 0xff) >>> 4) * 4;
        return tcp < 20 ? -1 : total - IP_HEADER - tcp;
    }

    /** Same addresses, TOS, TTL, DF; same ports, acknowledgement, header length, window, options. */
    private boolean sameStream(ByteBuffer packet, int p) {
        int ip = start();
        if (packet.get(p + 1) != out.get(ip + 1) || packet.get(p + 8) != out.get(ip + 8)
                || packet.getShort(p + 6) != out.getShort(ip + 6)
                || packet.getLong(p + 12) != out.getLong(ip + 12)) {
            return false;
        }
        int tcp = p + IP_HEADER;
        int mine = ip + IP_HEADER;
        if (packet.getInt(tcp) != out.getInt(mine) || packet.getInt(tcp + 8) != out.getInt(mine + 8)
                || ((packet.get(tcp + 12) & 0xff) >>> 4) * 4 != tcpHeader
                || packet.getShort(tcp + 14) != out.getShort(mine + 14)) {
            return false;
        }
        for (int i = 20; i < tcpHeader; i++) {
            if (packet.get(tcp + i) != out.get(mine + i)) {
                return false;
            }
        }
        return true;
    }
}
