package dev.roadwarrior.engine.esp;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Test SAs, keys and inner packets. */
final class Fixtures {

    static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    private Fixtures() {}

    /** Every transform, with each cipher's key lengths at their edges and each integrity algorithm. */
    static List<EspTransform> allTransforms() {
        List<EspTransform> all = new ArrayList<>();
        for (EspEncryption e : EspEncryption.values()) {
            for (int bits : new int[] {40, 64, 128, 192, 256, 448}) {
                if (!e.supportsKeyBits(bits)) {
                    continue;
                }
                if (e.isAead()) {
                    all.add(new EspTransform(e, bits, EspIntegrity.NONE));
                } else {
                    for (EspIntegrity i : EspIntegrity.values()) {
                        all.add(new EspTransform(e, bits, i));
                    }
                }
            }
        }
        return all;
    }

    static byte[] keymat(EspTransform t, long seed) {
        byte[] k = new byte[t.keymatLength()];
        new Random(seed).nextBytes(k);
        return k;
    }

    static EspSa sa(Direction d, int spi, EspTransform t, byte[] keymat) {
        return EspSa.create(d, spi, t, keymat, T0);
    }

    /** An outbound and an inbound SA sharing SPI and keys: what we send, the peer receives. */
    static EspSa[] pair(EspTransform t, int spi, long seed) {
        byte[] k = keymat(t, seed);
        return new EspSa[] {sa(Direction.OUTBOUND, spi, t, k), sa(Direction.INBOUND, spi, t, k)};
    }

    /** A table holding the inbound SA of {@link #pair}. */
    static SaTable table(EspSa inbound) {
        SaTable table = new SaTable();
        table.addInbound(inbound);
        return table;
    }

    /** An IPv4 packet of {@code length} bytes (at least 20) with random content after the header. */
    static ByteBuffer ipv4(int length, long seed) {
        byte[] p = new byte[length];
        new Random(seed).nextBytes(p);
        p[0] = 0x45;
        p[2] = (byte) (length >>> 8);
        p[3] = (byte) length;
        return ByteBuffer.wrap(p);
    }

    /** IVs taken in turn from the given list; for known-answer tests. */
    static IvGenerator fixedIvs(byte[]... ivs) {
        int[] next = {0};
        return (sa, sequence, out, off) -> {
            byte[] iv = ivs[next[0]++];
            System.arraycopy(iv, 0, out, off, iv.length);
        };
    }

    /**
     * Seals a packet laid out in place (header, IV, padded plaintext from {@code off}) with the
     * IV as it is, as known-answer vectors give it.
     */
    static void sealInPlace(SaCrypto crypto, EspTransform t, byte[] packet, int off, int plainLength) {
        byte[] plain = Arrays.copyOfRange(packet, off + 8, off + 8 + t.ivLength() + plainLength);
        crypto.seal(plain, plainLength, false, packet, off);
    }

    static byte[] bytes(ByteBuffer b) {
        byte[] a = new byte[b.remaining()];
        b.duplicate().get(a);
        return a;
    }
}
