package dev.roadwarrior.platform.linux;

import dev.roadwarrior.net.InternetChecksum;
import java.nio.ByteBuffer;

/** Hand-built TCP packets (with a 12-byte timestamp option) for the segmentation tests. */
final class TcpPackets {

    private TcpPackets() {
    }

    /** NOP, NOP, timestamps. */
    static byte[] options() {
        return new byte[] {1, 1, 8, 10, 0, 0, 0, 42, 0, 0, 0, 7};
    }

    /** An IPv4 packet 10.99.0.1:40000 to 10.99.0.2:5001 with DF, checksums done. */
    static ByteBuffer ipv4(byte[] payload, int seq, int flags, int id) {
        ByteBuffer b = ByteBuffer.allocate(20 + 32 + payload.length);
        b.put((byte) 0x45).put((byte) 0).putShort((short) b.capacity()).putShort((short) id)
                .putShort((short) 0x4000).put((byte) 64).put((byte) 6).putShort((short) 0)
                .put(new byte[] {10, 99, 0, 1}).put(new byte[] {10, 99, 0, 2});
        b.putShort(10, InternetChecksum.of(b, 0, 20));
        tcp(b, payload, seq, flags);
        b.flip();
        b.putShort(36, (short) tcpChecksum(b, true));
        return b;
    }

    /** An IPv6 packet 2001:db8::1 to 2001:db8::2, checksum done. */
    static ByteBuffer ipv6(byte[] payload, int seq, int flags) {
        ByteBuffer b = ByteBuffer.allocate(40 + 32 + payload.length);
        b.putInt(0x6000_0000).putShort((short) (32 + payload.length)).put((byte) 6).put((byte) 64);
        byte[] src = new byte[16];
        src[0] = 0x20;
        src[1] = 0x01;
        src[2] = 0x0d;
        src[3] = (byte) 0xb8;
        src[15] = 1;
        b.put(src);
        src[15] = 2;
        b.put(src);
        tcp(b, payload, seq, flags);
        b.flip();
        b.putShort(56, (short) tcpChecksum(b, false));
        return b;
    }

    private static void tcp(ByteBuffer b, byte[] payload, int seq, int flags) {
        b.putShort((short) 40000).putShort((short) 5001).putInt(seq).putInt(77)
                .put((byte) (8 << 4)).put((byte) flags).putShort((short) 502).putShort((short) 0).putShort((short) 0)
                .put(options()).put(payload);
    }

    /** The TCP checksum over the pseudo-header and segment: 0 when the stored one is right. */
    static int tcpChecksum(ByteBuffer s, boolean v4) {
        int ip = v4 ? (s.get(0) & 0x0f) * 4 : 40;
        int length = s.remaining() - ip;
        return InternetChecksum.finish(InternetChecksum.add(TcpSegmenter.pseudoHeader(s, 0, v4, length), s, ip, length))
                & 0xffff;
    }

    static byte[] bytes(ByteBuffer b, int from, int length) {
        byte[] out = new byte[length];
        b.get(from, out);
        return out;
    }
}
