package dev.roadwarrior.engine.ike.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.roadwarrior.engine.ike.codec.payload.FragmentPayload;
import dev.roadwarrior.engine.ike.codec.payload.Payload;
import dev.roadwarrior.engine.ike.codec.payload.PayloadType;
import dev.roadwarrior.engine.ike.codec.payload.UnitySplitNetworks;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random, truncated and mutated input: decoding either succeeds or fails with
 * {@link IkeProtocolException}; nothing else escapes. What decodes re-encodes, and the re-encoding
 * decodes to the same payloads.
 */
class FuzzTest {

    private static final int ITERATIONS = 4000;

    /** Decoded messages, to check that mutations do not always just fail. */
    private int decoded;

    private interface Decoding {
        void run() throws IkeProtocolException;
    }

    private static void survive(byte[] input, Decoding decoding) {
        try {
            decoding.run();
        } catch (IkeProtocolException expected) {
            // the only acceptable failure
        } catch (RuntimeException | Error e) {
            fail("decoding " + SharedVectors.hex(input) + " threw " + e, e);
        }
    }

    private void decodeAndReencode(byte[] datagram) throws IkeProtocolException {
        IkeMessage m = IkeMessage.decode(datagram);
        IkeMessage again = IkeMessage.decode(new IkeMessage(m.header(), m.payloads()).encode());
        assertEquals(m.payloads(), again.payloads());
        decoded++;
    }

    private static List<byte[]> seeds() {
        List<byte[]> seeds = new ArrayList<>();
        for (String message : HandBuiltMessagesTest.all()) {
            byte[] datagram = SharedVectors.hex(message);
            datagram[19] = 0; // clear the encryption flag: the cleartext decoder is the target
            seeds.add(datagram);
        }
        return seeds;
    }

    @Test
    void randomBytes() {
        Random random = new Random(1);
        for (int i = 0; i < ITERATIONS; i++) {
            byte[] input = new byte[random.nextInt(120)];
            random.nextBytes(input);
            if (input.length >= IkeHeader.SIZE && random.nextBoolean()) {
                input[17] = 0x10; // a valid version, so the body gets parsed
                ByteBuffer.wrap(input).putInt(24, input.length);
            }
            survive(input, () -> decodeAndReencode(input));
        }
    }

    @Test
    void mutatedMessages() {
        Random random = new Random(2);
        List<byte[]> seeds = seeds();
        for (int i = 0; i < ITERATIONS; i++) {
            byte[] input = seeds.get(random.nextInt(seeds.size())).clone();
            int mutations = 1 + random.nextInt(4);
            for (int m = 0; m < mutations; m++) {
                int at = random.nextInt(input.length);
                input[at] = random.nextBoolean() ? (byte) random.nextInt(256) : (byte) (input[at] ^ 1 << random.nextInt(8));
            }
            if (random.nextInt(4) == 0) {
                input = Arrays.copyOf(input, random.nextInt(input.length + 1));
            }
            byte[] datagram = input;
            survive(datagram, () -> decodeAndReencode(datagram));
        }
        assertTrue(decoded > ITERATIONS / 20, decoded + " of the mutated messages decoded");
    }

    @Test
    void randomBodiesOfEveryPayloadType() {
        Random random = new Random(3);
        for (int i = 0; i < ITERATIONS; i++) {
            byte[] body = new byte[random.nextInt(64)];
            random.nextBytes(body);
            PayloadType type = new PayloadType(random.nextInt(24) < 22 ? random.nextInt(22) : 128 + random.nextInt(8));
            survive(body, () -> {
                Payload p = Payload.decode(type, ByteBuffer.wrap(body));
                p.encodeBody();
            });
            survive(body, () -> UnitySplitNetworks.decode(body));
        }
    }

    @Test
    void randomFragments() {
        Random random = new Random(4);
        Defragmenter defragmenter = new Defragmenter(8, 200, 1000);
        for (int i = 0; i < ITERATIONS; i++) {
            byte[] data = new byte[random.nextInt(40)];
            FragmentPayload fragment = new FragmentPayload(random.nextInt(3), 1 + random.nextInt(10),
                    random.nextInt(4) == 0, data);
            long now = i * 10L;
            survive(data, () -> defragmenter.add(fragment, now));
        }
    }
}
