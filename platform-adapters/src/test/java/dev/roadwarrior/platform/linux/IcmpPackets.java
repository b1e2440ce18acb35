package dev.roadwarrior.platform.linux;

import java.nio.ByteBuffer;

/** Hand-built IPv4/ICMP packets for the TUN tests. */
final class IcmpPackets {

    private IcmpPackets() {
    }

    /** An echo reply answering {@code request} (an IPv4 packet with a 20-byte header and ICMP echo request). */
    static ByteBuffer echoReplyTo(ByteBuffer request) {
        int length = request.remaining();
        ByteBuffer reply = ByteBuffer.allocate(length);
        reply.put((byte) 0x45).put((byte) 0).putShort((short) length)
                .putShort((short) 0x1234).putShort((short) 0)
                .put((byte) 64).put((byte) 1).putShort((short) 0);
        reply.put(request.array(), 16, 4); // source: the address pinged
        reply.put(request.array(), 12, 4); // destination: the pinger
        reply.putShort(10, (short) checksum(reply, 0, 20));
        reply.put((byte) 0).put((byte) 0).putShort((short) 0); // type echo reply, code 0, checksum later
        reply.put(request.array(), 24, length - 24); // identifier, sequence, data
        reply.putShort(22, (short) checksum(reply, 20, length - 20));
        return reply.flip();
    }

    /** The Internet checksum over {@code length} bytes from {@code offset}; 0 when a stored checksum is right. */
    static int checksum(ByteBuffer b, int offset, int length) {
        long sum = 0;
        for (int i = 0; i < length; i += 2) {
            int hi = b.get(offset + i) & 0xff;
            int lo = i + 1 < length ? b.get(offset + i + 1) & 0xff : 0;
            sum += hi << 8 | lo;
        }
        while (sum >> 16 != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (int) ~sum & 0xffff;
    }
}
