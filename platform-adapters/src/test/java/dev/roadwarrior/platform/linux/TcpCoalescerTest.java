package dev.roadwarrior.platform.linux;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Segments joined for one TUN write: cut again as the kernel would, they are the segments that came. */
class TcpCoalescerTest {

    private static final int ACK = 0x10;
    private static final int PSH = 0x08;

    private final ByteBuffer out = ByteBuffer.allocate(VnetHeader.LENGTH + 65_535);
    private final TcpCoalescer coalescer = new TcpCoalescer(out, 0);

    @Test
    void consecutiveSegmentsBecomeOnePacketThatCutsBackIntoThemByteForByte() {
        List<ByteBuffer> segments = stream(5, 1348, 500);
        assertTrue(coalescer.begin(segments.get(0).duplicate()));
        for (ByteBuffer s : segments.subList(1, segments.size())) {
            assertTrue(coalescer.append(s.duplicate()));
        }
        int n = coalescer.finish();
        assertFalse(coalescer.pending());

        int total = 52 + 4 * 1348 + 500;
        assertEquals(VnetHeader.LENGTH + total, n);
        assertEquals(VnetHeader.F_NEEDS_CSUM, VnetHeader.flags(out, 0));
        assertEquals(VnetHeader.GSO_TCPV4, VnetHeader.gsoType(out, 0));
        assertEquals(1348, VnetHeader.gsoSize(out, 0));
        assertEquals(20, VnetHeader.checksumStart(out, 0));
        assertEquals(16, VnetHeader.checksumOffset(out, 0));
        ByteBuffer joined = out.duplicate().position(VnetHeader.LENGTH).limit(n).slice();
        assertEquals(total, joined.getShort(2) & 0xffff);
        assertEquals(0, IcmpPackets.checksum(joined, 0, 20), "IP header checksum");
        assertEquals(ACK | PSH, joined.get(33) & 0xff, "PSH from the last segment");

        TcpSegmenter segmenter = new TcpSegmenter();
        assertTrue(segmenter.start(joined, 1348));
        for (ByteBuffer expected : segments) {
            ByteBuffer cut = ByteBuffer.allocate(2000);
            segmenter.next(cut);
            assertArrayEquals(TcpPackets.bytes(expected, 0, expected.remaining()), TcpPackets.bytes(cut.flip(), 0,
                    cut.remaining()));
        }
        assertFalse(segmenter.pending());
    }

    @Test
    void theStackGetsAValidChecksumFromThePartialOneLeftForIt() {
        List<ByteBuffer> segments = stream(3, 1000, 1000);
        coalescer.begin(segments.get(0).duplicate());
        coalescer.append(segments.get(1).duplicate());
        coalescer.append(segments.get(2).duplicate());
        int n = coalescer.finish();
        ByteBuffer joined = out.duplicate().position(VnetHeader.LENGTH).limit(n).slice();
        assertTrue(VnetHeader.completeChecksum(joined, 20, 16));
        assertEquals(0, TcpPackets.tcpChecksum(joined, true));
    }

    @Test
    void aSingleSegmentGoesOutUnchangedBehindAPlainHeader() {
        ByteBuffer s = stream(1, 700, 700).get(0);
        assertTrue(coalescer.begin(s.duplicate()));
        int n = coalescer.finish();
        assertEquals(VnetHeader.LENGTH + s.remaining(), n);
        assertArrayEquals(new byte[VnetHeader.LENGTH], TcpPackets.bytes(out, 0, VnetHeader.LENGTH));
        assertArrayEquals(TcpPackets.bytes(s, 0, s.remaining()), TcpPackets.bytes(out, VnetHeader.LENGTH, s.remaining()));
        assertEquals(0, coalescer.finish(), "nothing pending after");
    }

    @Test
    void onlyTheStreamsNextFullSizedSegmentJoins() {
        List<ByteBuffer> segments = stream(4, 1000, 600);
        coalescer.begin(segments.get(0).duplicate());
        assertFalse(coalescer.append(segments.get(2).duplicate()), "a gap in the sequence");
        ByteBuffer otherAck = copy(segments.get(1));
        otherAck.putInt(28, 78);
        assertFalse(coalescer.append(otherAck), "another acknowledgement");
        ByteBuffer otherPort = copy(segments.get(1));
        otherPort.putShort(22, (short) 5002);
        assertFalse(coalescer.append(otherPort), "another stream");
        ByteBuffer otherTimestamp = copy(segments.get(1));
        otherTimestamp.put(47, (byte) 43);
        assertFalse(coalescer.append(otherTimestamp), "other TCP options");
        ByteBuffer bigger = TcpPackets.ipv4(new byte[1001], segments.get(1).getInt(24), ACK, 1);
        assertFalse(coalescer.append(bigger), "larger than the first segment");
        assertTrue(coalescer.append(segments.get(1).duplicate()));
        assertTrue(coalescer.append(segments.get(2).duplicate()));
        assertTrue(coalescer.append(segments.get(3).duplicate()), "a shorter last one");
        ByteBuffer after = TcpPackets.ipv4(new byte[10], segments.get(3).getInt(24) + 600, ACK, 1);
        assertFalse(coalescer.append(after), "nothing after a shorter or PSH segment");
    }

    @Test
    void whatCannotJoinIsNotTaken() {
        ByteBuffer syn = TcpPackets.ipv4(new byte[0], 1, 0x02, 1);
        assertFalse(coalescer.begin(syn), "a SYN");
        assertFalse(coalescer.begin(TcpPackets.ipv4(new byte[0], 1, ACK, 1)), "a bare ACK");
        assertFalse(coalescer.begin(TcpPackets.ipv4(new byte[10], 1, ACK | 0x01, 1)), "a FIN");
        ByteBuffer udp = TcpPackets.ipv4(new byte[10], 1, ACK, 1);
        udp.put(9, (byte) 17);
        assertFalse(coalescer.begin(udp), "UDP");
        ByteBuffer fragment = TcpPackets.ipv4(new byte[10], 1, ACK, 1);
        fragment.putShort(6, (short) 0x2000);
        assertFalse(coalescer.begin(fragment), "a fragment");
        assertFalse(coalescer.pending());
        assertFalse(coalescer.append(TcpPackets.ipv4(new byte[10], 1, ACK, 1)), "nothing to join");
        coalescer.begin(TcpPackets.ipv4(new byte[10], 1, ACK, 1));
        assertThrows(IllegalStateException.class, () -> coalescer.begin(TcpPackets.ipv4(new byte[10], 11, ACK, 2)));
    }

    /** {@code count} segments of a stream, full ones of {@code size} and a last of {@code last}, PSH on it. */
    private static List<ByteBuffer> stream(int count, int size, int last) {
        Random random = new Random(count * 31 + size);
        List<ByteBuffer> segments = new ArrayList<>();
        int seq = -5000;
        for (int i = 0; i < count; i++) {
            byte[] payload = new byte[i == count - 1 ? last : size];
            random.nextBytes(payload);
            segments.add(TcpPackets.ipv4(payload, seq, i == count - 1 ? ACK | PSH : ACK, 0xfffe + i));
            seq += payload.length;
        }
        return segments;
    }

    private static ByteBuffer copy(ByteBuffer b) {
        ByteBuffer c = ByteBuffer.allocate(b.remaining());
        c.put(b.duplicate()).flip();
        return c;
    }
}
