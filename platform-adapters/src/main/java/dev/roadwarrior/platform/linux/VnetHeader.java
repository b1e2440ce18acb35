package dev.roadwarrior.platform.linux;

import dev.roadwarrior.net.InternetChecksum;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The {@code struct virtio_net_hdr} (10 bytes, host byte order) before every packet read from or
 * written to a TUN device opened with {@code IFF_VNET_HDR}: whether the packet's transport
 * checksum is still to be completed ({@link #F_NEEDS_CSUM}, from {@code csum_start}, the result
 * stored at {@code csum_start + csum_offset}) and whether it is a TCP packet to be cut into
 * segments of {@code gso_size} payload bytes (TSO; see {@link TcpSegmenter}).
 */
final class VnetHeader {

    static final int LENGTH = 10;
    static final int F_NEEDS_CSUM = 1;
    static final int GSO_NONE = 0;
    static final int GSO_TCPV4 = 1;
    static final int GSO_TCPV6 = 4;
    static final int GSO_ECN = 0x80;
    private static final int PROTOCOL_UDP = 17;
    private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    private VnetHeader() {
    }

    static int flags(ByteBuffer b, int at) {
        return b.get(at) & 0xff;
    }

    /** The GSO type without its ECN bit. */
    static int gsoType(ByteBuffer b, int at) {
        return b.get(at + 1) & 0xff & ~GSO_ECN;
    }

    static int gsoSize(ByteBuffer b, int at) {
        return u16(b, at + 4);
    }

    static int checksumStart(ByteBuffer b, int at) {
        return u16(b, at + 6);
    }

    static int checksumOffset(ByteBuffer b, int at) {
        return u16(b, at + 8);
    }

    /** Writes a header that asks for nothing: a whole packet with its checksums done. */
    static void writePlain(ByteBuffer b, int at) {
        for (int i = 0; i < LENGTH; i++) {
            b.put(at + i, (byte) 0);
        }
    }

    /**
     * Completes the partial checksum of the packet from {@code packet}'s position to its limit: the
     * field at {@code start + offset} holds the pseudo-header's sum, the rest from {@code start} is
     * summed over it (a UDP checksum of 0 is sent as 0xffff).
     *
     * @return false, changing nothing, when the offsets lie outside the packet
     */
    static boolean completeChecksum(ByteBuffer packet, int start, int offset) {
        int p = packet.position();
        int length = packet.remaining();
        if (start + offset + 2 > length) {
            return false;
        }
        short checksum = InternetChecksum.of(packet, p + start, length - start);
        if (checksum == 0 && isUdp(packet, p)) {
            checksum = (short) 0xffff;
        }
        packet.putShort(p + start + offset, checksum);
        return true;
    }

    private static boolean isUdp(ByteBuffer packet, int p) {
        int version = (packet.get(p) & 0xff) >>> 4;
        return version == 4 ? packet.get(p + 9) == PROTOCOL_UDP
                : version == 6 && packet.remaining() > 6 && packet.get(p + 6) == PROTOCOL_UDP;
    }

    /** Writes a header field in host byte order. */
    static void putU16(ByteBuffer b, int at, int value) {
        byte high = (byte) (value >>> 8);
        byte low = (byte) value;
        b.put(at, LITTLE_ENDIAN ? low : high);
        b.put(at + 1, LITTLE_ENDIAN ? high : low);
    }

    private static int u16(ByteBuffer b, int at) {
        int first = b.get(at) & 0xff;
        int second = b.get(at + 1) & 0xff;
        return LITTLE_ENDIAN ? first | second << 8 : first << 8 | second;
    }
}
