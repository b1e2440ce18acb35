package dev.roadwarrior.engine.ike.codec.payload;

import dev.roadwarrior.engine.ike.codec.IkeProtocolException;
import java.nio.ByteBuffer;

/**
 * Length-bounded reads from a {@link ByteBuffer}: every read first checks the remaining bytes and
 * fails with PAYLOAD_MALFORMED instead of underflowing, so decoders never see a runtime exception.
 * Network byte order; results are unsigned.
 */
final class Wire {

    private Wire() {
    }

    static IkeProtocolException malformed(String detail) {
        return new IkeProtocolException(NotifyType.PAYLOAD_MALFORMED, detail);
    }

    static void need(ByteBuffer in, int n, String what) throws IkeProtocolException {
        if (n < 0 || in.remaining() < n) {
            throw malformed(what + ": needs " + n + " bytes, " + in.remaining() + " left");
        }
    }

    static int u8(ByteBuffer in, String what) throws IkeProtocolException {
        need(in, 1, what);
        return in.get() & 0xff;
    }

    static int u16(ByteBuffer in, String what) throws IkeProtocolException {
        need(in, 2, what);
        return in.getShort() & 0xffff;
    }

    /** A 32-bit field, returned as the int with the same bits. */
    static int u32(ByteBuffer in, String what) throws IkeProtocolException {
        need(in, 4, what);
        return in.getInt();
    }

    static byte[] bytes(ByteBuffer in, int n, String what) throws IkeProtocolException {
        need(in, n, what);
        byte[] b = new byte[n];
        in.get(b);
        return b;
    }

    /** All remaining bytes. */
    static byte[] rest(ByteBuffer in) {
        byte[] b = new byte[in.remaining()];
        in.get(b);
        return b;
    }

    /** The next {@code n} bytes as an independent buffer; the source moves past them. */
    static ByteBuffer slice(ByteBuffer in, int n, String what) throws IkeProtocolException {
        need(in, n, what);
        ByteBuffer s = in.slice();
        s.limit(n);
        in.position(in.position() + n);
        return s;
    }

    /** Fails when bytes are left after a structure of fixed layout. */
    static void end(ByteBuffer in, String what) throws IkeProtocolException {
        if (in.hasRemaining()) {
            throw malformed(what + ": " + in.remaining() + " unexpected trailing bytes");
        }
    }

    /**
     * Whether the bytes left are padding a peer put inside its last payload: 1 to 3 zero bytes,
     * too few for any field. libreswan pads every IKEv1 message to a multiple of 4 bytes this way
     * (its default {@code ikepad=yes}) and counts them in the payload's length.
     */
    static boolean isPadding(ByteBuffer in) {
        int n = in.remaining();
        if (n < 1 || n > 3) {
            return false;
        }
        for (int i = in.position(); i < in.limit(); i++) {
            if (in.get(i) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Like {@link #end}, but 1 to 3 zero bytes of padding ({@link #isPadding}) are skipped. */
    static void endOrPadding(ByteBuffer in, String what) throws IkeProtocolException {
        if (isPadding(in)) {
            in.position(in.limit());
        }
        end(in, what);
    }

    static String hex(byte[] b) {
        return java.util.HexFormat.of().formatHex(b);
    }
}
