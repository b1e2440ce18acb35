package dev.roadwarrior.net;

import java.nio.ByteBuffer;

/**
 * The Internet checksum (RFC 1071) of IPv4 headers, TCP, UDP and ICMP: the ones' complement of the
 * ones' complement sum of 16-bit words. A sum is built with {@link #add} (any number of ranges and
 * pseudo-header words, each range starting on an even offset of the checksummed data) and turned
 * into the field's value with {@link #finish}.
 */
public final class InternetChecksum {

    private InternetChecksum() {
    }

    /**
     * Adds {@code length} bytes of {@code b} from absolute index {@code from} to {@code sum}, four
     * bytes at a time; an odd last byte counts as the high half of a word.
     *
     * @return the new, unfolded sum
     */
    public static long add(long sum, ByteBuffer b, int from, int length) {
        int i = from;
        int end = from + length;
        for (; i + 4 <= end; i += 4) {
            sum += b.getInt(i) & 0xffff_ffffL;
        }
        if (i + 2 <= end) {
            sum += b.getShort(i) & 0xffff;
            i += 2;
        }
        if (i < end) {
            sum += (b.get(i) & 0xff) << 8;
        }
        return sum;
    }

    /** Folds {@code sum} to 16 bits (the sum itself, not yet complemented). */
    public static int fold(long sum) {
        while (sum >>> 16 != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) sum;
    }

    /** The checksum field's value for {@code sum}: the complement of its fold. */
    public static short finish(long sum) {
        return (short) ~fold(sum);
    }

    /** The checksum of {@code length} bytes from {@code from}; 0 over data whose stored checksum is right. */
    public static short of(ByteBuffer b, int from, int length) {
        return finish(add(0, b, from, length));
    }
}
