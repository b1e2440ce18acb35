package dev.roadwarrior.engine.esp;

/**
 * The ESP trailer (RFC 4303 §2.4-2.6): padding bytes 1, 2, 3, …, pad length, next header, so
 * that the payload ends on the cipher's alignment.
 */
final class EspPadding {

    /** Next header of a tunnel-mode IPv4 packet. */
    static final int IPV4 = 4;
    /** Next header "no next header": a dummy packet to be discarded (RFC 4303 §2.6). */
    static final int NO_NEXT_HEADER = 59;

    private EspPadding() {}

    /** The padded payload length for {@code dataLength} bytes of data: data, padding and trailer. */
    static int paddedLength(int dataLength, int alignment) {
        int withTrailer = dataLength + 2;
        return (withTrailer + alignment - 1) / alignment * alignment;
    }

    /**
     * Writes padding and trailer after {@code dataLength} data bytes starting at {@code off}.
     *
     * @return the padded length, {@link #paddedLength}
     */
    static int write(byte[] buf, int off, int dataLength, int alignment, int nextHeader) {
        int padded = paddedLength(dataLength, alignment);
        int padLength = padded - dataLength - 2;
        int p = off + dataLength;
        for (int i = 1; i <= padLength; i++) {
            buf[p++] = (byte) i;
        }
        buf[p++] = (byte) padLength;
        buf[p] = (byte) nextHeader;
        return padded;
    }

    /**
     * Checks the trailer of a decrypted payload {@code buf[off, off+length)}.
     *
     * @return the length of the data before the padding, or -1 when the pad length exceeds the
     *     payload or the padding bytes are not 1, 2, 3, …
     */
    static int dataLength(byte[] buf, int off, int length) {
        if (length < 2) {
            return -1;
        }
        int padLength = buf[off + length - 2] & 0xff;
        int dataLength = length - 2 - padLength;
        if (dataLength < 0) {
            return -1;
        }
        int bad = 0;
        for (int i = 1; i <= padLength; i++) {
            bad |= (buf[off + dataLength + i - 1] & 0xff) ^ i;
        }
        return bad == 0 ? dataLength : -1;
    }

    /** The next header byte of a payload {@code buf[off, off+length)}, {@code length >= 2}. */
    static int nextHeader(byte[] buf, int off, int length) {
        return buf[off + length - 1] & 0xff;
    }
}
