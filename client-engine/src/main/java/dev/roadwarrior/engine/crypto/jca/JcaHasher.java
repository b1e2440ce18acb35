package dev.roadwarrior.engine.crypto.jca;

import dev.roadwarrior.engine.crypto.HashAlgorithm;
import dev.roadwarrior.engine.crypto.Hasher;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** A {@link Hasher} on {@link MessageDigest}. */
final class JcaHasher implements Hasher {

    private final JcaHash hash;

    JcaHasher(JcaHash hash) {
        this.hash = hash;
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
    public byte[] digest(byte[]... data) {
        try {
            MessageDigest md = MessageDigest.getInstance(hash.digestName());
            for (byte[] d : data) {
                md.update(d);
            }
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(hash.digestName() + " unavailable", e); // every JDK has these
        }
    }
}
