package dev.roadwarrior.engine.esp;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** A CBC cipher with an optional truncated HMAC, encrypt-then-MAC as in RFC 4303. */
final class CbcHmacCrypto extends SaCrypto {

    private final Cipher cipher;
    private final SecretKey key;
    private final int ivLength;
    private final HmacIcv icv; // null for EspIntegrity.NONE

    CbcHmacCrypto(EspTransform transform, byte[] encryptionKey, byte[] integrityKey) {
        cipher = cipher(transform.encryption());
        key = new SecretKeySpec(encryptionKey, transform.encryption().keyAlgorithm());
        ivLength = transform.ivLength();
        icv = transform.integrity() == EspIntegrity.NONE ? null : new HmacIcv(transform.integrity(), integrityKey);
    }

    @Override
    void seal(byte[] buf, int off, int plainLen) {
        int plainOff = off + 8 + ivLength;
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(buf, off + 8, ivLength));
            cipher.doFinal(buf, plainOff, plainLen, buf, plainOff);
        } catch (GeneralSecurityException e) {
            throw unexpected(e);
        }
        if (icv != null) {
            icv.compute(buf, off, 8 + ivLength + plainLen, buf, plainOff + plainLen);
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
            cipher.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(in, off + 8, ivLength));
            return cipher.doFinal(in, off + 8 + ivLength, cipherLen, out, outOff);
        } catch (GeneralSecurityException e) {
            throw unexpected(e);
        }
    }
}
