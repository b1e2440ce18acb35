package dev.roadwarrior.engine.crypto;

import java.util.OptionalInt;

/**
 * An IKEv1 phase-1 encryption algorithm, the value of the Encryption Algorithm attribute
 * (RFC 2409 Appendix A, attribute class 1). An open set: values this client does not know are
 * kept as they are, so a proposal can be decoded, logged and rejected rather than lost.
 *
 * @param value the attribute value, 0 to 65535
 */
public record EncryptionAlgorithm(int value) {

    public static final EncryptionAlgorithm DES_CBC = new EncryptionAlgorithm(1);
    public static final EncryptionAlgorithm IDEA_CBC = new EncryptionAlgorithm(2);
    public static final EncryptionAlgorithm BLOWFISH_CBC = new EncryptionAlgorithm(3);
    public static final EncryptionAlgorithm RC5_R16_B64_CBC = new EncryptionAlgorithm(4);
    public static final EncryptionAlgorithm TRIPLE_DES_CBC = new EncryptionAlgorithm(5);
    public static final EncryptionAlgorithm CAST_CBC = new EncryptionAlgorithm(6);
    public static final EncryptionAlgorithm AES_CBC = new EncryptionAlgorithm(7);

    public EncryptionAlgorithm {
        if (value < 0 || value > 0xffff) {
            throw new IllegalArgumentException("attribute value out of range: " + value);
        }
    }

    /** The algorithm for an attribute value, known or not. */
    public static EncryptionAlgorithm of(int value) {
        return new EncryptionAlgorithm(value);
    }

    /** Whether RFC 2409 (or RFC 3602 for AES) names this value. */
    public boolean isKnown() {
        return nameOf(value) != null;
    }

    /**
     * The key length to use when a proposal carries no Key Length attribute: the fixed length of
     * DES (64 bits with parity) and 3DES (192), the RFC 2409 default of 128 for Blowfish and CAST.
     * Empty for AES, whose proposals must state the length, and for algorithms not listed.
     */
    public OptionalInt defaultKeyLengthBits() {
        return switch (value) {
            case 1 -> OptionalInt.of(64);
            case 5 -> OptionalInt.of(192);
            case 3, 6 -> OptionalInt.of(128);
            default -> OptionalInt.empty();
        };
    }

    @Override
    public String toString() {
        String name = nameOf(value);
        return name != null ? name : "ENCR_UNKNOWN(" + value + ")";
    }

    private static String nameOf(int value) {
        return switch (value) {
            case 1 -> "DES-CBC";
            case 2 -> "IDEA-CBC";
            case 3 -> "Blowfish-CBC";
            case 4 -> "RC5-R16-B64-CBC";
            case 5 -> "3DES-CBC";
            case 6 -> "CAST-CBC";
            case 7 -> "AES-CBC";
            default -> null;
        };
    }
}
