package dev.roadwarrior.engine.crypto.jca;

import dev.roadwarrior.engine.crypto.HashAlgorithm;
import java.util.Optional;

/**
 * What {@link JcaHasher} and {@link JcaPrf} share: an IKE hash algorithm with its JDK names
 * ({@link java.security.MessageDigest} and HMAC {@link javax.crypto.Mac}) and output length.
 *
 * @param algorithm the IKE hash algorithm
 * @param digestName the JDK's digest name ("SHA-256")
 * @param outputLength the digest's length in bytes
 */
record JcaHash(HashAlgorithm algorithm, String digestName, int outputLength) {

    /** The JDK's names for {@code algorithm}, or empty when the JDK has no such digest. */
    static Optional<JcaHash> of(HashAlgorithm algorithm) {
        return switch (algorithm.value()) {
            case 1 -> Optional.of(new JcaHash(algorithm, "MD5", 16));
            case 2 -> Optional.of(new JcaHash(algorithm, "SHA-1", 20));
            case 4 -> Optional.of(new JcaHash(algorithm, "SHA-256", 32));
            case 5 -> Optional.of(new JcaHash(algorithm, "SHA-384", 48));
            case 6 -> Optional.of(new JcaHash(algorithm, "SHA-512", 64));
            default -> Optional.empty();
        };
    }

    /** The JDK's name of the HMAC on this digest ("HmacSHA256"). */
    String macName() {
        return "Hmac" + digestName.replace("-", "");
    }
}
