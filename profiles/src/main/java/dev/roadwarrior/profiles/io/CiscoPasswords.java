package dev.roadwarrior.profiles.io;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Decrypts the {@code enc_GroupPwd} / {@code enc_UserPassword} fields of Cisco VPN Client
 * {@code .pcf} files (SHREW-VPN-FORMAT §4).
 *
 * <p>The hex text decodes to {@code h1} (20 bytes), {@code h2} (20 bytes) and the ciphertext.
 * {@code SHA1(ciphertext)} must equal {@code h2}. The 3DES key is the first 24 bytes of
 * {@code SHA1(h1')||SHA1(h1'')}, where {@code h1'} is {@code h1} with its last byte plus 1 and
 * {@code h1''} with its last byte plus 3; the CBC IV is the first 8 bytes of {@code h1}. The last
 * plaintext byte gives the padding length.
 */
final class CiscoPasswords {

    private static final int HEADER = 40;

    /** Why a value cannot be decrypted; the text goes into the user message. */
    static final class CorruptException extends Exception {
        private static final long serialVersionUID = 1L;

        CorruptException(String detail) {
            super(detail, null, false, false);
        }
    }

    private CiscoPasswords() {
    }

    /** The plaintext bytes of an {@code enc_*} value. */
    static byte[] decrypt(String hex) throws CorruptException {
        byte[] blob;
        try {
            blob = HexFormat.of().parseHex(hex.strip());
        } catch (IllegalArgumentException e) {
            throw new CorruptException("not hexadecimal");
        }
        int cipherLength = blob.length - HEADER;
        if (cipherLength < 8 || cipherLength % 8 != 0) {
            throw new CorruptException("wrong length");
        }
        byte[] h1 = Arrays.copyOfRange(blob, 0, 20);
        byte[] h2 = Arrays.copyOfRange(blob, 20, HEADER);
        byte[] ciphertext = Arrays.copyOfRange(blob, HEADER, blob.length);
        MessageDigest sha1 = sha1();
        if (!MessageDigest.isEqual(sha1.digest(ciphertext), h2)) {
            throw new CorruptException("checksum mismatch");
        }
        byte[] key = new byte[40];
        byte[] h = h1.clone();
        h[19] += 1;
        System.arraycopy(sha1.digest(h), 0, key, 0, 20);
        h[19] += 2;
        System.arraycopy(sha1.digest(h), 0, key, 20, 20);
        byte[] plain;
        try {
            Cipher des = Cipher.getInstance("DESede/CBC/NoPadding");
            des.init(Cipher.DECRYPT_MODE, new SecretKeySpec(Arrays.copyOf(key, 24), "DESede"),
                    new IvParameterSpec(Arrays.copyOf(blob, 8)));
            plain = des.doFinal(ciphertext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("3DES is not available", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
        int pad = plain[plain.length - 1] & 0xff;
        if (pad < 1 || pad > 8) {
            throw new CorruptException("bad padding");
        }
        byte[] out = Arrays.copyOf(plain, plain.length - pad);
        Arrays.fill(plain, (byte) 0);
        return out;
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-1 is not available", e);
        }
    }
}
