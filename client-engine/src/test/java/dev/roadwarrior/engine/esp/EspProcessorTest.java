package dev.roadwarrior.engine.esp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EspProcessorTest {

    private static final int SPI = 0xc0ffee01;

    private static ByteBuffer processed(EspResult r) {
        return assertInstanceOf(EspResult.Processed.class, r).packet();
    }

    private static byte[] encapsulate(EspProcessor p, EspSa out, ByteBuffer inner) {
        return Fixtures.bytes(processed(p.encapsulate(out, inner)));
    }

    @Test
    void everyTransformRoundTripsEveryLength() {
        EspProcessor processor = new EspProcessor();
        for (EspTransform t : Fixtures.allTransforms()) {
            EspSa[] sa = Fixtures.pair(t, SPI, t.hashCode());
            SaTable table = Fixtures.table(sa[1]);
            int sent = 0;
            for (int length = 20; length <= 20 + 2 * t.alignment() + 1; length++) {
                ByteBuffer inner = Fixtures.ipv4(length, length);
                byte[] esp = encapsulate(processor, sa[0], inner.duplicate());
                assertEquals(0, (esp.length - 8 - t.ivLength() - t.icvLength()) % t.alignment(), t + ": alignment");
                ByteBuffer back = processed(processor.decapsulate(table, ByteBuffer.wrap(esp)));
                assertEquals(inner, back, t + " length " + length);
                sent++;
            }
            ByteBuffer big = Fixtures.ipv4(1500, 1);
            assertEquals(big, processed(processor.decapsulate(table, ByteBuffer.wrap(encapsulate(processor, sa[0], big.duplicate())))));
            sent++;
            assertEquals(sent, sa[0].packets(), t.toString());
            assertEquals(sent, sa[1].packets(), t.toString());
            assertEquals(sa[0].bytes(), sa[1].bytes(), t.toString());
            assertEquals(sent, sa[1].sequenceNumber());
        }
        EspStatistics stats = processor.statistics();
        assertEquals(stats.packetsOut(), stats.packetsIn());
        assertEquals(stats.bytesOut(), stats.bytesIn());
        assertEquals(0, stats.totalDropped());
    }

    @Test
    void ivsAreFreshPerPacketAndGcmIvIsTheSequenceNumber() {
        EspProcessor processor = new EspProcessor();
        EspSa cbc = Fixtures.pair(EspTransform.AES_128_SHA1, SPI, 1)[0];
        Set<String> ivs = new HashSet<>();
        for (int i = 0; i < 1000; i++) { // crosses the 4 KiB random pool refill
            byte[] esp = encapsulate(processor, cbc, Fixtures.ipv4(40, 7));
            assertTrue(ivs.add(TestVectors.hex(Arrays.copyOfRange(esp, 8, 24))));
        }
        EspSa gcm = Fixtures.pair(new EspTransform(EspEncryption.AES_GCM_16, 256, EspIntegrity.NONE), SPI, 2)[0];
        encapsulate(processor, gcm, Fixtures.ipv4(40, 7));
        byte[] second = encapsulate(processor, gcm, Fixtures.ipv4(40, 7));
        assertEquals("000000020000000000000002", TestVectors.hex(Arrays.copyOfRange(second, 4, 16)));
    }

    @Test
    void heapDirectReadOnlyAndOffsetBuffersGiveTheSameResult() {
        EspSa[] sa = Fixtures.pair(EspTransform.AES_128_SHA1, SPI, 3);
        EspProcessor processor = new EspProcessor(Fixtures.fixedIvs(new byte[16], new byte[16]));
        ByteBuffer inner = Fixtures.ipv4(100, 9);
        ByteBuffer directInner = ByteBuffer.allocateDirect(100).put(inner.duplicate()).flip();
        ByteBuffer heapOut = ByteBuffer.allocate(300).position(7);
        ByteBuffer directOut = ByteBuffer.allocateDirect(300).position(7);
        byte[] a = Fixtures.bytes(processed(processor.encapsulate(sa[0], inner.asReadOnlyBuffer(), heapOut)));
        sa[0].skipSequenceTo(0);
        byte[] b = Fixtures.bytes(processed(processor.encapsulate(sa[0], directInner, directOut)));
        assertArrayEquals(a, b);
        assertEquals(7, heapOut.position());
        assertEquals(7 + a.length, heapOut.limit());
        assertEquals(0, directInner.position(), "input left unchanged");

        ByteBuffer directEsp = ByteBuffer.allocateDirect(a.length).put(a).flip();
        ByteBuffer dst = ByteBuffer.allocateDirect(400).position(3);
        EspResult r = processor.decapsulate(Fixtures.table(sa[1]), directEsp, dst);
        assertSame(dst, processed(r));
        assertEquals(inner, dst);
        assertEquals(3, dst.position());
    }

    @Test
    void byteOrderOfTheBuffersDoesNotMatter() {
        EspSa[] sa = Fixtures.pair(EspTransform.AES_128_SHA1, SPI, 15);
        EspProcessor processor = new EspProcessor();
        ByteBuffer inner = Fixtures.ipv4(300, 2);
        byte[] esp = encapsulate(processor, sa[0], inner.duplicate().order(ByteOrder.LITTLE_ENDIAN));
        assertEquals(SPI, ByteBuffer.wrap(esp).getInt());
        ByteBuffer little = ByteBuffer.wrap(esp).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(inner, processed(processor.decapsulate(Fixtures.table(sa[1]), little)));
    }

    @Test
    void bytesAfterTheIpv4TotalLengthAreNotCarried() {
        EspSa[] sa = Fixtures.pair(EspTransform.AES_128_SHA1, SPI, 4);
        EspProcessor processor = new EspProcessor();
        ByteBuffer inner = Fixtures.ipv4(60, 5);
        ByteBuffer withTrailer = ByteBuffer.allocate(90).put(inner.duplicate()).position(90).flip();
        byte[] esp = encapsulate(processor, sa[0], withTrailer);
        assertEquals(inner, processed(processor.decapsulate(Fixtures.table(sa[1]), ByteBuffer.wrap(esp))));
        assertEquals(60, processor.statistics().bytesOut());
    }

    @Test
    void receivedTfcPaddingAfterTheInnerPacketIsStripped() {
        EspSa[] sa = Fixtures.pair(EspTransform.AES_128_SHA1, SPI, 5);
        EspProcessor processor = new EspProcessor();
        ByteBuffer inner = Fixtures.ipv4(60, 6);
        ByteBuffer padded = ByteBuffer.allocate(100).put(inner.duplicate()).position(100).flip();
        byte[] esp = Fixtures.bytes(processed(processor.seal(sa[0], padded, 100, 4, ByteBuffer.allocate(200))));
        assertEquals(inner, processed(processor.decapsulate(Fixtures.table(sa[1]), ByteBuffer.wrap(esp))));
    }

    @Test
    void nonIpv4InnerPacketsAreDropped() {
        EspSa[] sa = Fixtures.pair(EspTransform.AES_128_SHA1, SPI, 6);
        EspProcessor processor = new EspProcessor();
        ByteBuffer ipv6 = Fixtures.ipv4(60, 1);
        ipv6.put(0, (byte) 0x60);
        ByteBuffer lying = Fixtures.ipv4(60, 1);
        lying.putShort(2, (short) 61);
        ByteBuffer shortHeader = Fixtures.ipv4(60, 1);
        shortHeader.put(0, (byte) 0x44);
        for (ByteBuffer bad : new ByteBuffer[] {ipv6, lying, shortHeader, ByteBuffer.allocate(19)}) {
            assertEquals(EspResult.Dropped.of(DropReason.BAD_INNER_PACKET), processor.encapsulate(sa[0], bad));
        }
        assertEquals(0, sa[0].sequenceNumber(), "no sequence number spent");

        // the same check inbound, on a packet whose ICV is valid
        byte[] esp = Fixtures.bytes(processed(processor.seal(sa[0], ipv6, 60, 4, ByteBuffer.allocate(200))));
        assertEquals(EspResult.Dropped.of(DropReason.BAD_INNER_PACKET),
                processor.decapsulate(Fixtures.table(sa[1]), ByteBuffer.wrap(esp)));
        assertEquals(5, processor.statistics().dropped(DropReason.BAD_INNER_PACKET));
    }

    @Test
    void nextHeaderDummyAndOthers() {
        EspSa[] sa = Fixtures.pair(new EspTransform(EspEncryption.AES_GCM_16, 128, EspIntegrity.NONE), SPI, 7);
        EspProcessor processor = new EspProcessor();
        SaTable table = Fixtures.table(sa[1]);
        byte[] dummy = Fixtures.bytes(processed(processor.seal(sa[0], ByteBuffer.allocate(0), 0, 59, ByteBuffer.allocate(64))));
        byte[] udp = Fixtures.bytes(processed(processor.seal(sa[0], Fixtures.ipv4(40, 1), 40, 17, ByteBuffer.allocate(128))));
        assertEquals(EspResult.Dropped.of(DropReason.DUMMY_PACKET), processor.decapsulate(table, ByteBuffer.wrap(dummy)));
        assertEquals(EspResult.Dropped.of(DropReason.BAD_NEXT_HEADER), processor.decapsulate(table, ByteBuffer.wrap(udp)));
        assertEquals(EspResult.Dropped.of(DropReason.REPLAY), processor.decapsulate(table, ByteBuffer.wrap(dummy)),
                "an authentic dummy packet still moves the replay window");
    }

    @Test
    void badPaddingWithValidIcvIsDropped() {
        for (EspTransform t : new EspTransform[] {EspTransform.AES_128_SHA1,
                new EspTransform(EspEncryption.AES_GCM_12, 128, EspIntegrity.NONE)}) {
            EspSa in = Fixtures.pair(t, SPI, 8)[1];
            SaCrypto peer = SaCrypto.create(t, Arrays.copyOf(Fixtures.keymat(t, 8), t.encryptionKeyLength()),
                    Arrays.copyOfRange(Fixtures.keymat(t, 8), t.encryptionKeyLength(), t.keymatLength()));
            int plainOff = 8 + t.ivLength();
            // 28-byte inner packet, 2 padding bytes: once not 1,2 and once a pad length beyond the payload
            for (byte[] trailer : new byte[][] {{1, 3, 2, 4}, {1, 2, (byte) 200, 4}}) {
                byte[] packet = new byte[plainOff + 32 + t.icvLength()];
                ByteBuffer.wrap(packet).putInt(SPI).putInt(1).put(trailer[2]); // distinct IVs: GCM refuses a repeat
                System.arraycopy(Fixtures.bytes(Fixtures.ipv4(28, 2)), 0, packet, plainOff, 28);
                System.arraycopy(trailer, 0, packet, plainOff + 28, 4);
                Fixtures.sealInPlace(peer, t, packet, 0, 32);
                assertEquals(EspResult.Dropped.of(DropReason.BAD_PADDING),
                        new EspProcessor().decapsulate(Fixtures.table(in), ByteBuffer.wrap(packet)), t.toString());
            }
        }
    }

    @Test
    void everyTamperedByteIsCaught() {
        for (EspTransform t : new EspTransform[] {EspTransform.AES_128_SHA1,
                new EspTransform(EspEncryption.TRIPLE_DES_CBC, 192, EspIntegrity.HMAC_MD5_96),
                new EspTransform(EspEncryption.AES_GCM_8, 256, EspIntegrity.NONE)}) {
            EspSa[] sa = Fixtures.pair(t, SPI, 9);
            EspProcessor processor = new EspProcessor();
            byte[] esp = encapsulate(processor, sa[0], Fixtures.ipv4(77, 3));
            for (int i = 0; i < esp.length; i++) {
                byte[] bad = esp.clone();
                bad[i] ^= 0x40;
                EspResult r = processor.decapsulate(Fixtures.table(sa[1]), ByteBuffer.wrap(bad));
                DropReason expected = i < 4 ? DropReason.UNKNOWN_SPI : DropReason.BAD_ICV;
                assertEquals(EspResult.Dropped.of(expected), r, t + " byte " + i);
            }
            assertEquals(0, sa[1].sequenceNumber(), "forged packets never move the window");
            assertInstanceOf(EspResult.Processed.class, processor.decapsulate(Fixtures.table(sa[1]), ByteBuffer.wrap(esp)));
        }
    }

    @Test
    void everyTruncationIsDropped() {
        for (EspTransform t : new EspTransform[] {EspTransform.AES_128_SHA1,
                new EspTransform(EspEncryption.AES_GCM_16, 128, EspIntegrity.NONE),
                new EspTransform(EspEncryption.BLOWFISH_CBC, 128, EspIntegrity.NONE)}) {
            EspSa[] sa = Fixtures.pair(t, SPI, 10);
            EspProcessor processor = new EspProcessor();
            byte[] esp = encapsulate(processor, sa[0], Fixtures.ipv4(64, 4));
            for (int length = 0; length < esp.length; length++) {
                EspResult r = processor.decapsulate(Fixtures.table(sa[1]), ByteBuffer.wrap(esp, 0, length));
                DropReason reason = assertInstanceOf(EspResult.Dropped.class, r, t + " length " + length).reason();
                if (t.icvLength() > 0) {
                    assertTrue(Set.of(DropReason.TRUNCATED, DropReason.BAD_LENGTH, DropReason.BAD_ICV).contains(reason),
                            t + " length " + length + ": " + reason);
                }
                if (length < 8 + t.ivLength() + t.icvLength() + 2) {
                    assertEquals(DropReason.TRUNCATED, reason, t + " length " + length);
                }
            }
        }
    }

    @Test
    void replayedPacketIsDropped() {
        EspSa[] sa = Fixtures.pair(EspTransform.AES_128_SHA1, SPI, 11);
        EspProcessor processor = new EspProcessor();
        SaTable table = Fixtures.table(sa[1]);
        byte[] first = encapsulate(processor, sa[0], Fixtures.ipv4(40, 1));
        byte[] second = encapsulate(processor, sa[0], Fixtures.ipv4(40, 2));
        assertInstanceOf(EspResult.Processed.class, processor.decapsulate(table, ByteBuffer.wrap(second)));
        assertInstanceOf(EspResult.Processed.class, processor.decapsulate(table, ByteBuffer.wrap(first)));
        assertEquals(EspResult.Dropped.of(DropReason.REPLAY), processor.decapsulate(table, ByteBuffer.wrap(first)));
        assertEquals(EspResult.Dropped.of(DropReason.REPLAY), processor.decapsulate(table, ByteBuffer.wrap(second)));
        assertEquals(2, processor.statistics().dropped(DropReason.REPLAY));
    }

    @Test
    void outboundSequenceNeverWraps() {
        EspSa[] sa = Fixtures.pair(EspTransform.AES_128_SHA1, SPI, 12);
        EspProcessor processor = new EspProcessor();
        assertFalse(sa[0].rekeyNeeded());
        sa[0].skipSequenceTo(EspSa.MAX_SEQUENCE - 1);
        assertTrue(sa[0].rekeyNeeded());
        byte[] last = encapsulate(processor, sa[0], Fixtures.ipv4(40, 1));
        assertEquals(-1, ByteBuffer.wrap(last).getInt(4), "sequence number 2^32-1");
        assertEquals(0, sa[0].remainingSequenceNumbers());
        assertEquals(EspResult.Dropped.of(DropReason.SEQUENCE_EXHAUSTED), processor.encapsulate(sa[0], Fixtures.ipv4(40, 1)));
        assertEquals(EspResult.Dropped.of(DropReason.SEQUENCE_EXHAUSTED), processor.encapsulate(sa[0], Fixtures.ipv4(40, 1)));
        assertEquals(EspSa.MAX_SEQUENCE, sa[0].sequenceNumber());
        assertEquals(2, processor.statistics().dropped(DropReason.SEQUENCE_EXHAUSTED));

        assertInstanceOf(EspResult.Processed.class, processor.decapsulate(Fixtures.table(sa[1]), ByteBuffer.wrap(last)));
        assertEquals(EspSa.MAX_SEQUENCE, sa[1].sequenceNumber());
    }

    @Test
    void callerErrorsThrow() {
        EspSa[] sa = Fixtures.pair(EspTransform.AES_128_SHA1, SPI, 13);
        EspProcessor processor = new EspProcessor();
        ByteBuffer inner = Fixtures.ipv4(100, 1);
        assertThrows(IllegalArgumentException.class, () -> processor.encapsulate(sa[1], inner));
        assertThrows(IllegalArgumentException.class, () -> processor.encapsulate(sa[0], inner, ByteBuffer.allocate(100)));
        byte[] esp = encapsulate(processor, sa[0], inner);
        assertThrows(IllegalArgumentException.class,
                () -> processor.decapsulate(Fixtures.table(sa[1]), ByteBuffer.wrap(esp), ByteBuffer.allocate(esp.length - 1)));
    }

    @Test
    void unknownSpiAndStatistics() {
        EspSa[] sa = Fixtures.pair(EspTransform.AES_128_SHA1, SPI, 14);
        EspProcessor processor = new EspProcessor();
        byte[] esp = encapsulate(processor, sa[0], Fixtures.ipv4(100, 1));
        assertEquals(EspResult.Dropped.of(DropReason.UNKNOWN_SPI), processor.decapsulate(new SaTable(), ByteBuffer.wrap(esp)));
        processed(processor.decapsulate(Fixtures.table(sa[1]), ByteBuffer.wrap(esp)));
        EspStatistics s = processor.statistics();
        assertEquals(1, s.packetsOut());
        assertEquals(100, s.bytesOut());
        assertEquals(1, s.packetsIn());
        assertEquals(100, s.bytesIn());
        assertEquals(1, s.dropped(DropReason.UNKNOWN_SPI));
        assertEquals(1, s.totalDropped());
        assertEquals(DropReason.values().length, s.drops().size());
    }

    @Test
    void randomBytesNeverThrow() {
        java.util.Random random = new java.util.Random(3948);
        SaTable table = new SaTable();
        EspTransform[] transforms = {EspTransform.AES_128_SHA1,
                new EspTransform(EspEncryption.AES_GCM_16, 128, EspIntegrity.NONE),
                new EspTransform(EspEncryption.AES_CBC, 256, EspIntegrity.NONE),
                new EspTransform(EspEncryption.TRIPLE_DES_CBC, 192, EspIntegrity.NONE)};
        EspSa[] out = new EspSa[transforms.length];
        for (int i = 0; i < transforms.length; i++) {
            EspSa[] pair = Fixtures.pair(transforms[i], i + 1, i);
            out[i] = pair[0];
            table.addInbound(pair[1]);
        }
        EspProcessor processor = new EspProcessor();
        int randomAccepted = 0;
        for (int i = 0; i < 5000; i++) {
            int kind = i % 3;
            byte[] packet;
            if (kind == 2) { // a valid packet with random bit errors
                packet = encapsulate(processor, out[i % out.length], Fixtures.ipv4(20 + random.nextInt(200), i));
                for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                    packet[random.nextInt(packet.length)] ^= (byte) (1 << random.nextInt(8));
                }
            } else { // random bytes, with a known SPI in front for every other one
                packet = new byte[random.nextInt(kind == 0 ? 40 : 400)];
                random.nextBytes(packet);
                if (kind == 1 && packet.length >= 4) {
                    ByteBuffer.wrap(packet).putInt(1 + random.nextInt(transforms.length));
                }
            }
            EspResult r = processor.decapsulate(table, ByteBuffer.wrap(packet));
            if (r instanceof EspResult.Processed p) {
                assertNotEquals(EspIntegrity.HMAC_SHA1_96, p.sa().transform().integrity(), "a forgery passed the ICV");
                assertFalse(p.sa().transform().isAead(), "a forgery passed the GCM tag");
                if (kind < 2) {
                    randomAccepted++;
                }
            }
        }
        assertEquals(0, randomAccepted, "random bytes passed padding, next header and IPv4 checks");
    }
}
