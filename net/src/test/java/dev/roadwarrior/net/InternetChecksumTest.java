package dev.roadwarrior.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** RFC 1071's sum, four bytes at a time, against the word-by-word definition. */
class InternetChecksumTest {

    @Test
    void matchesTheWordByWordSumForEveryLengthAndEvenOffset() {
        Random random = new Random(1071);
        byte[] data = new byte[300];
        for (int round = 0; round < 200; round++) {
            random.nextBytes(data);
            ByteBuffer b = ByteBuffer.wrap(data);
            int from = 2 * random.nextInt(20);
            int length = random.nextInt(data.length - from);
            assertEquals(reference(data, from, length), InternetChecksum.of(b, from, length) & 0xffff,
                    "from " + from + ", length " + length);
        }
    }

    @Test
    void aStoredChecksumMakesTheSumCheckToZero() {
        // RFC 1071 section 3's example words, with their checksum appended
        ByteBuffer b = ByteBuffer.allocate(10).put(new byte[] {0x00, 0x01, (byte) 0xf2, 0x03, (byte) 0xf4,
            (byte) 0xf5, (byte) 0xf6, (byte) 0xf7});
        assertEquals(0xddf2, InternetChecksum.fold(InternetChecksum.add(0, b, 0, 8)), "the sum the RFC gives");
        b.putShort(8, InternetChecksum.of(b, 0, 8));
        assertEquals(0, InternetChecksum.of(b, 0, 10));
    }

    private static int reference(byte[] d, int from, int length) {
        long sum = 0;
        for (int i = 0; i < length; i += 2) {
            int high = d[from + i] & 0xff;
            int low = i + 1 < length ? d[from + i + 1] & 0xff : 0;
            sum += high << 8 | low;
        }
        while (sum >> 16 != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (int) ~sum & 0xffff;
    }
}
