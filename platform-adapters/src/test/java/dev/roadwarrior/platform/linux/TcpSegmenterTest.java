package dev.roadwarrior.platform.linux;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roadwarrior.net.InternetChecksum;
import java.io.ByteArrayOutputStream;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The segments cut from a TSO read: what the kernel would have sent, byte for byte where it matters. */
class TcpSegmenterTest {

    private static final int ACK = 0x10;
    private static final int PSH = 0x08;
    private static final int FIN = 0x01;
    private static final int CWR = 0x80;

    private final TcpSegmenter segmenter = new TcpSegmenter();

    @Test
    void anIpv4SuperPacketBecomesValidSegmentsCarryingTheSameBytes() {
        byte[] payload = randomBytes(5000);
        ByteBuffer packet = TcpPackets.ipv4(payload, 0x7fff_fff0, ACK | PSH | FIN | CWR, 0xfffe);
        List<ByteBuffer> segments = cut(packet, 1348);

        assertEquals(4, segments.size());
        ByteArrayOutputStream carried = new ByteArrayOutputStream();
        for (int i = 0; i < segments.size(); i++) {
            ByteBuffer s = segments.get(i);
            int chunk = i < 3 ? 1348 : 5000 - 3 * 1348;
            assertEquals(52 + chunk, s.remaining());
            assertEquals(52 + chunk, s.getShort(2) & 0xffff, "IP total length");
            assertEquals((0xfffe + i) & 0xffff, s.getShort(4) & 0xffff, "IP ID, wrapping");
            assertEquals(0, InternetChecksum.of(s, 0, 20), "IP header checksum");
            assertEquals(0x7fff_fff0 + i * 1348, s.getInt(24), "sequence number");
            int flags = s.get(33) & 0xff;
            assertEquals(i == 3, (flags & (PSH | FIN)) == (PSH | FIN), "PSH and FIN on the last only: " + flags);
            assertEquals(i == 0, (flags & CWR) != 0, "CWR on the first only");
            assertTrue((flags & ACK) != 0);
            assertEquals(0, TcpPackets.tcpChecksum(s, true), "TCP checksum of segment " + i);
            assertArrayEquals(TcpPackets.options(), TcpPackets.bytes(s, 40, 12), "options copied");
            carried.write(s.array(), 52, chunk);
        }
        assertArrayEquals(payload, carried.toByteArray());
        assertFalse(segmenter.pending());
    }

    @Test
    void anIpv6SuperPacketGetsItsPayloadLengthAndChecksumPerSegment() {
        byte[] payload = randomBytes(3000);
        List<ByteBuffer> segments = cut(TcpPackets.ipv6(payload, 1000, ACK), 1200);
        assertEquals(3, segments.size());
        for (int i = 0; i < 3; i++) {
            ByteBuffer s = segments.get(i);
            assertEquals(s.remaining() - 40, s.getShort(4) & 0xffff, "IPv6 payload length");
            assertEquals(1000 + i * 1200, s.getInt(44));
            assertEquals(0, TcpPackets.tcpChecksum(s, false), "TCP checksum of segment " + i);
        }
    }

    @Test
    void refusesWhatIsNotATcpPacketWithPayload() {
        ByteBuffer tcp = TcpPackets.ipv4(randomBytes(100), 1, ACK, 1);
        ByteBuffer udp = tcp.duplicate();
        udp.put(9, (byte) 17);
        assertFalse(segmenter.start(udp, 1000), "UDP");
        assertFalse(segmenter.start(tcp.duplicate().limit(52), 1000), "no payload");
        assertFalse(segmenter.start(tcp.duplicate().limit(30), 1000), "truncated TCP header");
        assertFalse(segmenter.start(tcp.duplicate(), 0), "no segment size");
        ByteBuffer v5 = tcp.duplicate();
        v5.put(0, (byte) 0x55);
        assertFalse(segmenter.start(v5, 1000), "version 5");
        assertFalse(segmenter.pending());
        assertThrows(IllegalStateException.class, () -> segmenter.next(ByteBuffer.allocate(2000)));
    }

    @Test
    void aDestinationTooSmallIsReportedAndTheSegmentStaysPending() {
        assertTrue(segmenter.start(TcpPackets.ipv4(randomBytes(3000), 1, ACK, 1), 1400));
        assertThrows(BufferOverflowException.class, () -> segmenter.next(ByteBuffer.allocate(100)));
        assertTrue(segmenter.pending());
        assertEquals(1452, segmenter.next(ByteBuffer.allocate(2000)));
    }

    @Test
    void aPartialChecksumIsCompletedOverThePseudoHeaderSumTheKernelLeft() {
        ByteBuffer s = TcpPackets.ipv4(randomBytes(777), 5, ACK | PSH, 9);
        s.putShort(36, (short) 0);
        s.putShort(36, (short) InternetChecksum.fold(TcpSegmenter.pseudoHeader(s, 0, true, s.remaining() - 20)));
        assertTrue(VnetHeader.completeChecksum(s, 20, 16));
        assertEquals(0, TcpPackets.tcpChecksum(s, true));
        assertFalse(VnetHeader.completeChecksum(s, s.remaining() - 1, 16), "offsets outside the packet");
    }

    private List<ByteBuffer> cut(ByteBuffer packet, int gsoSize) {
        assertTrue(segmenter.start(packet, gsoSize));
        List<ByteBuffer> out = new ArrayList<>();
        while (segmenter.pending()) {
            ByteBuffer dst = ByteBuffer.allocate(2000);
            dst.position(0);
            int n = segmenter.next(dst);
            assertEquals(n, dst.position());
            out.add(dst.flip());
        }
        return out;
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }
}
