package dev.roadwarrior.engine.esp;

import java.nio.ByteBuffer;

/**
 * Sanity checks for the IPv4 packet carried in tunnel mode. The packet's length is its total
 * length field; bytes after it (e.g. TFC padding, RFC 4303 §2.7) are not part of the packet.
 * Each method returns -1 when the bytes are not an IPv4 packet: version is not 4, the header is
 * shorter than 20 bytes, or the total length is below the header length or beyond the bytes
 * available.
 */
final class InnerPacket {

    private static final int MIN_HEADER = 20;

    private InnerPacket() {}

    /** The length of the IPv4 packet at the start of {@code buf[off, off+available)}, or -1. */
    static int length(byte[] buf, int off, int available) {
        if (available < MIN_HEADER) {
            return -1;
        }
        return check(buf[off] & 0xff, (buf[off + 2] & 0xff) << 8 | buf[off + 3] & 0xff, available);
    }

    /** The length of the IPv4 packet from the buffer's position to its limit, or -1. */
    static int length(ByteBuffer packet) {
        int p = packet.position();
        if (packet.remaining() < MIN_HEADER) {
            return -1;
        }
        return check(packet.get(p) & 0xff, (packet.get(p + 2) & 0xff) << 8 | packet.get(p + 3) & 0xff, packet.remaining());
    }

    private static int check(int versionAndIhl, int totalLength, int available) {
        int headerLength = (versionAndIhl & 0x0f) * 4;
        if (versionAndIhl >>> 4 != 4 || headerLength < MIN_HEADER || totalLength < headerLength
                || totalLength > available) {
            return -1;
        }
        return totalLength;
    }
}
