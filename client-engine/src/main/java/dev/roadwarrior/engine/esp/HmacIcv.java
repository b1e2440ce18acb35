package dev.roadwarrior.engine.esp;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * A truncated HMAC (RFC 2104) used as ESP ICV. Keeps one {@link Mac} and its scratch arrays, so
 * it allocates nothing per packet. Not thread-safe: confined to the thread that owns its SA.
 */
final class HmacIcv {

    private final Mac mac;
    private final int icvLength;
    private final byte[] full;
    private final byte[] expected;
    private final byte[] received;

    HmacIcv(EspIntegrity integrity, byte[] key) {
        try {
            mac = Mac.getInstance(integrity.macAlgorithm());
            mac.init(new SecretKeySpec(key, integrity.macAlgorithm()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK lacks " + integrity.macAlgorithm(), e);
        }
        icvLength = integrity.icvLength();
        full = new byte[mac.getMacLength()];
        expected = new byte[icvLength];
        received = new byte[icvLength];
    }

    int icvLength() {
        return icvLength;
    }

    /** Writes the ICV of {@code data[off, off+len)} to {@code out[outOff, outOff+icvLength)}. */
    void compute(byte[] data, int off, int len, byte[] out, int outOff) {
        mac.update(data, off, len);
        try {
            mac.doFinal(full, 0);
        } catch (ShortBufferException e) {
            throw new IllegalStateException(e); // full holds a whole MAC
        }
        System.arraycopy(full, 0, out, outOff, icvLength);
    }

    /** Whether {@code icv[icvOff, icvOff+icvLength)} is the ICV of the data; constant time. */
    boolean verify(byte[] data, int off, int len, byte[] icv, int icvOff) {
        compute(data, off, len, expected, 0);
        System.arraycopy(icv, icvOff, received, 0, icvLength);
        return MessageDigest.isEqual(expected, received);
    }
}
