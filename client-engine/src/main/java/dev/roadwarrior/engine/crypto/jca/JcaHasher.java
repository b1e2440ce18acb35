package dev.roadwarrior.engine.crypto.jca;

import dev.roadwarrior.engine.crypto.HashAlgorithm;
import dev.roadwarrior.engine.crypto.Hasher;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** A {@link Hasher} on {@link MessageDigest}. */
final class JcaHasher implements Hasher {

    private final HashAlgorithm algorithm;
    private final String jcaName;
    private final int outputLength;

    JcaHasher(HashAlgorithm algorithm, String jcaName, int outputLength) {
        this.algorithm = algorithm;
        this.jcaName = jcaName;
        this.outputLength = outputLength;
    }

    @Override
    public HashAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public int outputLength() {
        return outputLength;
    }

    @Override
    public byte[] digest(byte[]... data) {
        try {
            MessageDigest md = MessageDigest.getInstance(jcaName);
            for (byte[] d : data) {
                md.update(d);
            }
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(jcaName + " unavailable", e); // every JDK has these
        }
    }
}
