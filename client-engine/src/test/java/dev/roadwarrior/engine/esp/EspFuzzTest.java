package dev.roadwarrior.engine.esp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Coverage-guided fuzzing of ESP decapsulation and UDP encapsulation (Jazzer).
 *
 * <p>{@link #decapsulate} plays a hostile or broken network between our peer and us: it sends
 * genuine packets of one SA (every transform of {@link Fixtures#allTransforms}), replays and
 * reorders them, flips bits, truncates and extends them, and sends made-up packets with the SA's
 * SPI. Decapsulation never throws; with an integrity check (an ICV or AEAD) it delivers only
 * genuine inner packets and each at most once. {@link #classify} checks the RFC 3948 rules on
 * any datagram. Seeds and kept inputs lie in {@code EspFuzzTestInputs/<method>/} under the test
 * resources: for {@link #decapsulate} twenty random programs (their last bytes pick the
 * transform), written once by a script, not copied from anywhere.
 */
class EspFuzzTest {

    private static final List<EspTransform> TRANSFORMS = Fixtures.allTransforms();
    private static final int SPI = 0x1234_5678;

    static Stream<Arguments> datagrams() {
        return Stream.of(new byte[] {(byte) 0xff}, new byte[] {0}, new byte[] {0, 0, 0, 0, 1, 2, 3, 4},
                ByteBuffer.allocate(32).putInt(4, 0x10203040).array(), ByteBuffer.allocate(40).putInt(SPI).array())
                .map(d -> Arguments.of((Object) d));
    }

    @FuzzTest(maxDuration = "10m")
    void decapsulate(FuzzedDataProvider data) {
        EspTransform transform = TRANSFORMS.get(data.consumeInt(0, TRANSFORMS.size() - 1));
        EspSa[] pair = Fixtures.pair(transform, SPI, 7);
        SaTable table = Fixtures.table(pair[1]);
        EspProcessor sender = new EspProcessor();
        EspProcessor receiver = new EspProcessor();
        boolean authenticated = transform.encryption().isAead() || transform.integrity() != EspIntegrity.NONE;
        List<byte[]> sent = new ArrayList<>(); // genuine ESP packets, by sequence number - 1
        List<byte[]> inner = new ArrayList<>();
        Set<Integer> delivered = new HashSet<>();
        while (data.remainingBytes() > 0 && sent.size() < 200) {
            byte[] packet;
            int op = data.consumeInt(0, 5);
            if (op == 0 || sent.isEmpty()) {
                int skip = data.consumeInt(0, 3) == 0 ? data.consumeInt(1, 80) : 1;
                packet = null;
                for (int i = 0; i < skip; i++) {
                    ByteBuffer in = Fixtures.ipv4(data.consumeInt(20, 120), sent.size());
                    in.putShort(4, (short) sent.size()); // the IP identification tells packets apart
                    inner.add(Fixtures.bytes(in));
                    EspResult r = sender.encapsulate(pair[0], in);
                    packet = Fixtures.bytes(((EspResult.Processed) r).packet());
                    sent.add(packet);
                }
            } else {
                byte[] genuine = sent.get(data.consumeInt(0, sent.size() - 1));
                packet = switch (op) {
                    case 1 -> genuine.clone();
                    case 2 -> flip(genuine, data);
                    case 3 -> Arrays.copyOf(genuine, data.consumeInt(0, genuine.length + 40));
                    case 4 -> {
                        byte[] forged = data.consumeBytes(data.consumeInt(0, 300));
                        byte[] p = Arrays.copyOf(genuine, 8 + forged.length);
                        System.arraycopy(forged, 0, p, 8, forged.length);
                        yield p;
                    }
                    default -> data.consumeBytes(data.consumeInt(0, 300));
                };
            }
            EspResult result;
            try {
                result = receiver.decapsulate(table, ByteBuffer.wrap(packet));
            } catch (RuntimeException e) {
                throw new AssertionError("decapsulate threw on " + HexFormat.of().formatHex(packet), e);
            }
            if (result instanceof EspResult.Processed p && authenticated) {
                byte[] got = Fixtures.bytes(p.packet());
                int id = ByteBuffer.wrap(got).getShort(4) & 0xffff;
                if (id >= inner.size()) {
                    fail("a packet that was never sent was delivered: " + HexFormat.of().formatHex(got));
                }
                assertArrayEquals(inner.get(id), got, "delivered packet " + id + " differs");
                assertTrue(delivered.add(id), "packet " + id + " delivered twice");
            }
        }
    }

    private static byte[] flip(byte[] genuine, FuzzedDataProvider data) {
        byte[] p = genuine.clone();
        int at = data.consumeInt(0, p.length - 1);
        int mask = data.consumeInt(1, 255);
        p[at] ^= (byte) mask;
        return p;
    }

    @MethodSource("datagrams")
    @FuzzTest(maxDuration = "10m")
    void classify(byte[] datagram) {
        ByteBuffer buffer = ByteBuffer.wrap(datagram);
        DatagramKind kind = UdpEncapsulation.classify(buffer);
        assertEquals(0, buffer.position());
        switch (kind) {
            case KEEPALIVE -> assertArrayEquals(new byte[] {UdpEncapsulation.KEEPALIVE_BYTE}, datagram);
            case ESP -> assertNotEquals(0, buffer.getInt(0));
            case IKE -> {
                ByteBuffer ike = UdpEncapsulation.stripNonEspMarker(buffer);
                assertArrayEquals(Arrays.copyOfRange(datagram, 4, datagram.length), Fixtures.bytes(ike));
                assertEquals(DatagramKind.IKE, UdpEncapsulation.classify(UdpEncapsulation.addNonEspMarker(ike)));
            }
            case INVALID -> assertTrue(datagram.length < 32, datagram.length + " bytes called invalid");
        }
        if (datagram.length >= 28) {
            assertEquals(DatagramKind.IKE, UdpEncapsulation.classify(UdpEncapsulation.addNonEspMarker(buffer)));
        }
    }
}
