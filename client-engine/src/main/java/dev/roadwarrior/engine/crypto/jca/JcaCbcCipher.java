package dev.roadwarrior.engine.crypto.jca;

import dev.roadwarrior.engine.crypto.EncryptionAlgorithm;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** A CBC cipher from the JDK's providers ("AES", "DESede", "DES", "Blowfish"). */
final class JcaCbcCipher extends CbcCipher {

    private final String jcaName;

    JcaCbcCipher(EncryptionAlgorithm algorithm, String jcaName, int blockSize, int keyLength) {
        super(algorithm, blockSize, keyLength);
        this.jcaName = jcaName;
    }

    @Override
    byte[] process(boolean encrypt, byte[] key, byte[] iv, byte[] data) {
        if (data.length == 0) {
            return new byte[0];
        }
        try {
            Cipher cipher = Cipher.getInstance(jcaName + "/CBC/NoPadding");
            cipher.init(encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE,
                    new SecretKeySpec(key, jcaName), new IvParameterSpec(iv));
            return cipher.doFinal(data);
        } catch (GeneralSecurityException e) {
            // lengths are checked; the JDK ships these transformations
            throw new IllegalStateException(jcaName + "/CBC unavailable", e);
        }
    }
}
