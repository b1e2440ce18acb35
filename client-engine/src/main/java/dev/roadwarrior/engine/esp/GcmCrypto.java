package dev.roadwarrior.engine.esp;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM for ESP (RFC 4106): nonce = salt(4) || explicit IV(8), AAD = SPI || sequence number
 * (no extended sequence numbers), ICV appended to the ciphertext.
 */
final class GcmCrypto extends SaCrypto {

    private static final int AAD_LENGTH = 8;

    private final Cipher cipher;
    private final SecretKey key;
    private final byte[] nonce;
    private final int icvLength;

    GcmCrypto(EspTransform transform, byte[] keyAndSalt) {
        int keyLength = transform.keyBits() / 8;
        cipher = cipher(transform.encryption());
        key = new SecretKeySpec(keyAndSalt, 0, keyLength, "AES");
        nonce = Arrays.copyOfRange(keyAndSalt, keyLength, keyLength + 12); // salt, then room for the IV
        icvLength = transform.icvLength();
    }

    @Override
    void seal(byte[] plain, int paddedLength, boolean ivIsSeed, byte[] buf, int off) {
        System.arraycopy(plain, 0, buf, off + AAD_LENGTH, 8); // the counter IV, never a seed
        try {
            init(Cipher.ENCRYPT_MODE, buf, off);
            cipher.doFinal(plain, 8, paddedLength, buf, off + AAD_LENGTH + 8);
        } catch (GeneralSecurityException e) {
            throw unexpected(e);
        }
    }

    @Override
    int open(byte[] in, int off, int len, byte[] out, int outOff) {
        try {
            init(Cipher.DECRYPT_MODE, in, off);
            return cipher.doFinal(in, off + AAD_LENGTH + 8, len - AAD_LENGTH - 8, out, outOff);
        } catch (AEADBadTagException e) {
            return -1;
        } catch (GeneralSecurityException e) {
            throw unexpected(e);
        }
    }

    private void init(int mode, byte[] packet, int off) throws GeneralSecurityException {
        System.arraycopy(packet, off + AAD_LENGTH, nonce, EspEncryption.GCM_SALT_LENGTH, 8);
        cipher.init(mode, key, new GCMParameterSpec(icvLength * 8, nonce));
        cipher.updateAAD(packet, off, AAD_LENGTH);
    }
}
