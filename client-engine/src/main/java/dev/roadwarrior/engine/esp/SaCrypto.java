package dev.roadwarrior.engine.esp;

import java.security.GeneralSecurityException;
import java.security.Provider;
import javax.crypto.Cipher;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The cipher and integrity state of one SA direction, kept for the SA's lifetime so that no
 * {@link Cipher} or {@link javax.crypto.Mac} is created per packet. Not thread-safe: an SA is
 * processed by one thread at a time.
 *
 * <p>Both operations work on a whole ESP packet laid out in an array:
 * {@code SPI(4) || sequence(4) || IV || ciphertext || ICV}, and never in place (the JDK copies
 * overlapping input first).
 */
abstract sealed class SaCrypto permits CbcHmacCrypto, GcmCrypto {

    /** Creates the state for a transform from its encryption key (with GCM salt) and integrity key. */
    static SaCrypto create(EspTransform transform, byte[] encryptionKey, byte[] integrityKey) {
        if (transform.isAead()) {
            return new GcmCrypto(transform, encryptionKey);
        }
        return new CbcHmacCrypto(transform, encryptionKey, integrityKey);
    }

    /**
     * Encrypts out of place into the packet at {@code buf[off]}, whose SPI and sequence number
     * are already written: {@code plain} holds the IV (or, with {@code ivIsSeed}, a random seed
     * the CBC ciphers turn into the IV), then {@code paddedLength} bytes of padded plaintext.
     * Writes the IV, the ciphertext and the ICV after the header.
     */
    abstract void seal(byte[] plain, int paddedLength, boolean ivIsSeed, byte[] buf, int off);

    /**
     * Verifies the ICV of the packet {@code in[off, off+len)} and decrypts its ciphertext into
     * {@code out} from {@code outOff}; {@code out} may be {@code in} at the same offset as the
     * ciphertext. The caller has checked that the ciphertext length is valid for the cipher.
     *
     * @return the plaintext length, or -1 when the ICV does not match (nothing decrypted for CBC)
     */
    abstract int open(byte[] in, int off, int len, byte[] out, int outOff);

    static Cipher cipher(EspEncryption encryption) {
        try {
            return encryption.needsBouncyCastle()
                    ? Cipher.getInstance(encryption.transformation(), BouncyCastle.PROVIDER)
                    : Cipher.getInstance(encryption.transformation());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no provider for " + encryption.transformation(), e);
        }
    }

    /** Thrown on cipher errors that the length checks before each call rule out. */
    static IllegalStateException unexpected(GeneralSecurityException e) {
        return new IllegalStateException("cipher failed on checked input", e);
    }

    /** Loaded only when a transform needs it. */
    private static final class BouncyCastle {
        static final Provider PROVIDER = new BouncyCastleProvider();
    }
}
