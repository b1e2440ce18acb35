package dev.roadwarrior.engine.esp;

import java.util.Optional;

/**
 * ESP integrity algorithms, each with its IKEv1 "Authentication Algorithm" SA attribute value
 * (RFC 2407 §4.5, RFC 4868 §2.1), so a Quick Mode proposal maps onto this enum directly. The ICV
 * is the HMAC output truncated to {@link #icvLength()} bytes.
 */
public enum EspIntegrity {
    /** No separate integrity: either AES-GCM, or (insecure, interoperability only) encryption alone. */
    NONE(0, "", 0, 0),
    /** HMAC-MD5-96, RFC 2403 (attribute value 1). */
    HMAC_MD5_96(1, "HmacMD5", 16, 12),
    /** HMAC-SHA1-96, RFC 2404 (attribute value 2). */
    HMAC_SHA1_96(2, "HmacSHA1", 20, 12),
    /** HMAC-SHA-256-128, RFC 4868 (attribute value 5). */
    HMAC_SHA2_256_128(5, "HmacSHA256", 32, 16),
    /** HMAC-SHA-384-192, RFC 4868 (attribute value 6). */
    HMAC_SHA2_384_192(6, "HmacSHA384", 48, 24),
    /** HMAC-SHA-512-256, RFC 4868 (attribute value 7). */
    HMAC_SHA2_512_256(7, "HmacSHA512", 64, 32);

    private final int authAlgorithm;
    private final String macAlgorithm;
    private final int keyLength;
    private final int icvLength;

    EspIntegrity(int authAlgorithm, String macAlgorithm, int keyLength, int icvLength) {
        this.authAlgorithm = authAlgorithm;
        this.macAlgorithm = macAlgorithm;
        this.keyLength = keyLength;
        this.icvLength = icvLength;
    }

    /** The IKEv1 Authentication Algorithm attribute value; 0 for {@link #NONE} (attribute absent). */
    public int authAlgorithm() {
        return authAlgorithm;
    }

    /** The algorithm for an attribute value (0 meaning absent), or empty when we do not implement it. */
    public static Optional<EspIntegrity> fromAuthAlgorithm(int authAlgorithm) {
        for (EspIntegrity i : values()) {
            if (i.authAlgorithm == authAlgorithm) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** Length of the HMAC key taken from the key material (the hash output length). */
    public int keyLength() {
        return keyLength;
    }

    /** Length of the truncated ICV in each packet. */
    public int icvLength() {
        return icvLength;
    }

    String macAlgorithm() {
        return macAlgorithm;
    }
}
