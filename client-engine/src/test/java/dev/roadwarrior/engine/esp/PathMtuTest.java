package dev.roadwarrior.engine.esp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Inner MTU from the ESP overhead, ICMP "fragmentation needed" and the TCP MSS clamp. */
class PathMtuTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void theInnerMtuLeavesRoomForTheWholeEspPacket() throws Exception {
        EspProcessor esp = new EspProcessor();
        for (EspTransform t : new EspTransform[] {EspTransform.AES_128_SHA1,
                new EspTransform(EspEncryption.AES_GCM_16, 256, EspIntegrity.NONE)}) {
            for (int path : new int[] {1500, 1280, 576}) {
                int inner = PathMtu.innerMtu(t, path);
                EspSa sa = EspSa.create(Direction.OUTBOUND, 1, t, new byte[t.keymatLength()], java.time.Instant.now());
                ByteBuffer packet = ByteBuffer.allocate(inner);
                packet.put(0, (byte) 0x45).putShort(2, (short) inner);
                EspResult r = esp.encapsulate(sa, packet);
                int outer = ((EspResult.Processed) r).packet().remaining() + PathMtu.OUTER_HEADERS;
                assertTrue(outer <= path && outer > path - t.alignment(), t + " " + path + ": " + outer);
            }
        }
        assertEquals(1214, PathMtu.innerMtu(EspTransform.AES_128_SHA1, 1280)); // (1280 - 28 - 8 - 16 - 12) / 16 * 16 - 2
    }

    /** A 1400-byte TCP packet with DF from 10.88.0.5 to 10.77.0.10. */
    private static ByteBuffer tcpPacket(int length, boolean dontFragment) {
        ByteBuffer p = ByteBuffer.allocate(length);
        p.put(HEX.parseHex("4500" + String.format("%04x", length) + "0000" + (dontFragment ? "4000" : "0000")
                + "4006" + "0000" + "0a580005" + "0a4d000a"));
        return p.position(0);
    }

    @Test
    void aTooBigPacketWithDfGetsFragmentationNeededFromItsDestination() {
        ByteBuffer big = tcpPacket(1400, true);
        assertTrue(PathMtu.tooBigToSend(big, 1300));
        assertFalse(PathMtu.tooBigToSend(big, 1400));
        assertFalse(PathMtu.tooBigToSend(tcpPacket(1400, false), 1300), "without DF it may be fragmented");
        ByteBuffer icmp = PathMtu.fragmentationNeeded(big, 1300);
        assertEquals(20 + 8 + 28, icmp.remaining());
        assertEquals("0a4d000a", HEX.formatHex(icmp.array(), 12, 16), "from the packet's destination");
        assertEquals("0a580005", HEX.formatHex(icmp.array(), 16, 20), "to its source");
        assertEquals("0304", HEX.formatHex(icmp.array(), 20, 22));
        assertEquals(1300, icmp.getShort(26));
        assertEquals(0, sum(icmp.array(), 0, 20), "IP header checksum");
        assertEquals(0, sum(icmp.array(), 20, icmp.remaining() - 20), "ICMP checksum");
        ByteBuffer error = icmp.duplicate();
        error.put(6, (byte) 0x40);
        assertFalse(PathMtu.tooBigToSend(ByteBuffer.allocate(1400).put(error.array()).position(0), 10),
                "no ICMP error about an ICMP error");
    }

    @Test
    void theMssOfASynIsLoweredWithAValidChecksum() {
        // SYN 10.88.0.5:40000 -> 10.77.0.10:5201, options: MSS 1460, NOP, NOP, SACK permitted
        ByteBuffer syn = ByteBuffer.wrap(HEX.parseHex("4500002c00004000400600000a5800050a4d000a"
                + "9c40145100000001000000006002faf000000000" + "020405b4" + "01010402"));
        syn.limit(20 + 24);
        syn.putShort(2, (short) 44);
        syn.putShort(20 + 16, tcpChecksum(syn));
        assertTrue(PathMtu.clampMss(syn, 1200));
        assertEquals(1200, syn.getShort(20 + 22));
        assertEquals(syn.getShort(20 + 16), tcpChecksum(syn), "incremental checksum equals a full one");
        assertFalse(PathMtu.clampMss(syn, 1300), "never raised");
        ByteBuffer ack = syn.duplicate();
        ack.put(20 + 13, (byte) 0x10);
        assertFalse(PathMtu.clampMss(ack, 1000), "only SYNs");
    }

    private static short tcpChecksum(ByteBuffer ip) {
        byte[] a = ip.array();
        int tcpLength = ip.limit() - 20;
        byte[] pseudo = new byte[12 + tcpLength];
        System.arraycopy(a, 12, pseudo, 0, 8);
        pseudo[9] = 6;
        pseudo[10] = (byte) (tcpLength >>> 8);
        pseudo[11] = (byte) tcpLength;
        System.arraycopy(a, 20, pseudo, 12, tcpLength);
        pseudo[12 + 16] = 0;
        pseudo[12 + 17] = 0;
        return (short) sum(pseudo, 0, pseudo.length);
    }

    /** The one's complement sum (0 when a correct checksum is included, after the final inversion). */
    private static int sum(byte[] b, int from, int length) {
        long s = 0;
        for (int i = 0; i + 1 < length; i += 2) {
            s += (b[from + i] & 0xff) << 8 | b[from + i + 1] & 0xff;
        }
        if ((length & 1) != 0) {
            s += (b[from + length - 1] & 0xff) << 8;
        }
        while (s >>> 16 != 0) {
            s = (s & 0xffff) + (s >>> 16);
        }
        return (int) (~s & 0xffff);
    }
}
