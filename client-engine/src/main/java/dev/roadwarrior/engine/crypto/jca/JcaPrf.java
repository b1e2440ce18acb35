package dev.roadwarrior.engine.crypto.jca;

import dev.roadwarrior.engine.crypto.HashAlgorithm;
import dev.roadwarrior.engine.crypto.Prf;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A {@link Prf} on the JDK's HMAC {@link Mac}s. */
final class JcaPrf implements Prf {

    /**
     * HMAC pads the key with zeros to the block size, so the empty key and a single zero byte give
     * the same result; {@link SecretKeySpec} refuses empty keys, so the latter stands in.
     */
    private static final byte[] EMPTY_KEY_EQUIVALENT = new byte[1];

    private final JcaHash hash;
    private final String jcaName;

    JcaPrf(JcaHash hash) {
        this.hash = hash;
        this.jcaName = hash.macName();
    }

    @Override
    public HashAlgorithm algorithm() {
        return hash.algorithm();
    }

    @Override
    public int outputLength() {
        return hash.outputLength();
    }

    @Override
    public byte[] compute(byte[] key, byte[]... data) {
        try {
            Mac mac = Mac.getInstance(jcaName);
            mac.init(new SecretKeySpec(key.length == 0 ? EMPTY_KEY_EQUIVALENT : key, jcaName));
            for (byte[] d : data) {
                mac.update(d);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(jcaName + " unavailable", e); // every JDK has these
        }
    }
}
