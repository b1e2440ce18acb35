package dev.roadwarrior.engine.esp;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A CBC cipher with an optional truncated HMAC, encrypt-then-MAC as in RFC 4303.
 *
 * <p>Each direction keeps one cipher initialised once and runs it as one long CBC chain, so no
 * packet pays for {@link Cipher#init}: decryption first feeds the packet's IV through the chain
 * (which makes the IV the chaining value), then its ciphertext. Encryption with a seed
 * ({@code ivIsSeed}) sends as IV the encryption of the random seed chained to the last block:
 * unpredictable, as RFC 3602 §3 asks, and the packet's ciphertext follows it in the same call.
 * With an exact IV (known-answer tests) the cipher is initialised with that IV instead.
 */
final class CbcHmacCrypto extends SaCrypto {

    private final EspEncryption encryption;
    private final SecretKey key;
    private final int ivLength;
    private final HmacIcv icv; // null for EspIntegrity.NONE
    private final byte[] discarded;
    private Cipher encryptor;
    private Cipher decryptor;

    CbcHmacCrypto(EspTransform transform, byte[] encryptionKey, byte[] integrityKey) {
        encryption = transform.encryption();
        key = new SecretKeySpec(encryptionKey, encryption.keyAlgorithm());
        ivLength = transform.ivLength();
        discarded = new byte[ivLength];
        icv = transform.integrity() == EspIntegrity.NONE ? null : new HmacIcv(transform.integrity(), integrityKey);
    }

    @Override
    void seal(byte[] plain, int paddedLength, boolean ivIsSeed, byte[] buf, int off) {
        int ivOff = off + 8;
        try {
            Cipher c = chained(Cipher.ENCRYPT_MODE);
            if (ivIsSeed) {
                c.update(plain, 0, ivLength + paddedLength, buf, ivOff);
            } else {
                c.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(plain, 0, ivLength));
                c.update(plain, ivLength, paddedLength, buf, ivOff + ivLength);
                System.arraycopy(plain, 0, buf, ivOff, ivLength);
            }
        } catch (GeneralSecurityException e) {
            throw unexpected(e);
        }
        if (icv != null) {
            icv.compute(buf, off, 8 + ivLength + paddedLength, buf, ivOff + ivLength + paddedLength);
        }
    }

    @Override
    int open(byte[] in, int off, int len, byte[] out, int outOff) {
        int icvLength = icv == null ? 0 : icv.icvLength();
        int cipherLen = len - 8 - ivLength - icvLength;
        if (icv != null && !icv.verify(in, off, len - icvLength, in, off + len - icvLength)) {
            return -1;
        }
        try {
            Cipher c = chained(Cipher.DECRYPT_MODE);
            c.update(in, off + 8, ivLength, discarded, 0); // the IV becomes the chaining value
            return c.update(in, off + 8 + ivLength, cipherLen, out, outOff);
        } catch (GeneralSecurityException e) {
            throw unexpected(e);
        }
    }

    /** The direction's running cipher, initialised on first use (an SA is used in one direction only). */
    private Cipher chained(int mode) throws GeneralSecurityException {
        Cipher c = mode == Cipher.ENCRYPT_MODE ? encryptor : decryptor;
        if (c == null) {
            c = cipher(encryption);
            c.init(mode, key, new IvParameterSpec(new byte[ivLength]));
            if (mode == Cipher.ENCRYPT_MODE) {
                encryptor = c;
            } else {
                decryptor = c;
            }
        }
        return c;
    }
}
