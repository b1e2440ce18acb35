package dev.roadwarrior.engine.ike.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.roadwarrior.engine.ike.codec.payload.FragmentPayload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Coverage-guided fuzzing of the ISAKMP decoder, the message rules and the defragmenter (Jazzer).
 * Decoding either succeeds or fails with {@link IkeProtocolException}; what decodes re-encodes to
 * a message that decodes to the same payloads; a reassembled datagram stays within the limit.
 *
 * <p>Seeds: the hand-built messages of {@link HandBuiltMessagesTest} and every cleartext datagram
 * of the captured sessions in {@code ../shared/vectors/ikev1_sessions}, read at run time (left out,
 * saying so, when that folder is absent). Inputs that once failed are kept in
 * {@code IsakmpFuzzTestInputs/<method>/} under the test resources. Without {@code JAZZER_FUZZ}
 * the seeds and kept inputs run as ordinary tests; see the README for fuzzing mode.
 */
class IsakmpFuzzTest {

    private static final int MAX_FRAGMENTS = 8;
    private static final int MAX_BYTES = 2000;

    static Stream<Arguments> datagrams() {
        List<byte[]> seeds = new ArrayList<>();
        for (String message : HandBuiltMessagesTest.all()) {
            byte[] datagram = SharedVectors.hex(message);
            datagram[19] = 0; // clear the encryption flag: the cleartext decoder is the target
            seeds.add(datagram);
        }
        seeds.addAll(capturedCleartext());
        return seeds.stream().map(d -> Arguments.of((Object) d));
    }

    /** The cleartext datagrams of the shared captures, or none (saying so) when they are absent. */
    static List<byte[]> capturedCleartext() {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.exists(root.resolve("mvnw"))) {
            root = root.getParent();
        }
        Path sessions = root == null ? null : root.resolveSibling("shared").resolve("vectors").resolve("ikev1_sessions");
        if (sessions == null || !Files.isDirectory(sessions)) {
            System.err.println("IsakmpFuzzTest: ../shared/vectors/ikev1_sessions is absent; seeding from the hand-built messages only");
            return List.of();
        }
        List<byte[]> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sessions)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".pcap")) {
                    for (Pcap.Udp udp : Pcap.udp(SharedVectors.read(f))) {
                        keepCleartext(Pcap.isakmp(udp), out);
                    }
                } else if (name.endsWith(".dat")) {
                    keepCleartext(SharedVectors.read(f), out);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static void keepCleartext(byte[] datagram, List<byte[]> out) {
        if (datagram.length >= IkeHeader.SIZE && (datagram[19] & IkeHeader.FLAG_ENCRYPTION) == 0) {
            out.add(datagram);
        }
    }

    /** One datagram: the decoder, the round trip, the message rules and the defragmenter. */
    @MethodSource("datagrams")
    @FuzzTest(maxDuration = "10m")
    void decode(byte[] datagram) {
        IkeMessage message;
        try {
            message = IkeMessage.decode(datagram);
        } catch (IkeProtocolException refused) {
            return;
        }
        byte[] encoded = new IkeMessage(message.header(), message.payloads()).encode();
        IkeMessage again;
        try {
            again = IkeMessage.decode(encoded);
        } catch (IkeProtocolException e) {
            throw new AssertionError("a decoded message re-encodes to bytes that do not decode", e);
        }
        assertEquals(message.payloads(), again.payloads());
        assertArrayEquals(encoded, again.encode());
        for (boolean encrypted : new boolean[] {false, true}) {
            try {
                MessageRules.validate(message, encrypted);
            } catch (IkeProtocolException refused) {
                // a rule refused it: fine
            }
        }
        Defragmenter defragmenter = new Defragmenter(MAX_FRAGMENTS, MAX_BYTES, 1000);
        for (FragmentPayload fragment : message.all(FragmentPayload.class)) {
            reassemble(defragmenter, fragment, 0);
        }
    }

    /**
     * A stream of fragments (id, number, last flag, data, time), as a hostile gateway could send
     * them; whatever is reassembled is at most the limit and is decoded like a datagram.
     */
    @FuzzTest(maxDuration = "10m")
    void fragments(FuzzedDataProvider data) {
        Defragmenter defragmenter = new Defragmenter(MAX_FRAGMENTS, MAX_BYTES, 1000);
        long now = 0;
        while (data.remainingBytes() > 4) {
            FragmentPayload fragment = new FragmentPayload(data.consumeInt(0, 3), data.consumeInt(1, 12),
                    data.consumeBoolean(), data.consumeBytes(data.consumeInt(0, 600)));
            now += data.consumeInt(0, 700);
            reassemble(defragmenter, fragment, now).ifPresent(this::decode);
        }
    }

    private static Optional<byte[]> reassemble(Defragmenter defragmenter, FragmentPayload fragment, long now) {
        try {
            Optional<byte[]> whole = defragmenter.add(fragment, now);
            whole.ifPresent(w -> assertTrue(w.length <= MAX_BYTES, w.length + " bytes reassembled"));
            return whole;
        } catch (IkeProtocolException refused) {
            return Optional.empty();
        }
    }
}
