package dev.roadwarrior.engine.crypto;

/**
 * An IKEv1 phase-1 hash algorithm, the value of the Hash Algorithm attribute (RFC 2409
 * Appendix A, attribute class 2; SHA-2 values from RFC 4868 §4). Without a PRF attribute the
 * IKEv1 prf is the HMAC of this hash. An open set: unknown values are kept as they are.
 *
 * @param value the attribute value, 0 to 65535
 */
public record HashAlgorithm(int value) {

    public static final HashAlgorithm MD5 = new HashAlgorithm(1);
    public static final HashAlgorithm SHA1 = new HashAlgorithm(2);
    public static final HashAlgorithm TIGER = new HashAlgorithm(3);
    public static final HashAlgorithm SHA2_256 = new HashAlgorithm(4);
    public static final HashAlgorithm SHA2_384 = new HashAlgorithm(5);
    public static final HashAlgorithm SHA2_512 = new HashAlgorithm(6);

    public HashAlgorithm {
        if (value < 0 || value > 0xffff) {
            throw new IllegalArgumentException("attribute value out of range: " + value);
        }
    }

    /** The algorithm for an attribute value, known or not. */
    public static HashAlgorithm of(int value) {
        return new HashAlgorithm(value);
    }

    /** Whether RFC 2409 or RFC 4868 names this value. */
    public boolean isKnown() {
        return nameOf(value) != null;
    }

    @Override
    public String toString() {
        String name = nameOf(value);
        return name != null ? name : "HASH_UNKNOWN(" + value + ")";
    }

    private static String nameOf(int value) {
        return switch (value) {
            case 1 -> "MD5";
            case 2 -> "SHA1";
            case 3 -> "Tiger";
            case 4 -> "SHA2-256";
            case 5 -> "SHA2-384";
            case 6 -> "SHA2-512";
            default -> null;
        };
    }
}
