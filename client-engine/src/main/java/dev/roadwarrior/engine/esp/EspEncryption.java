package dev.roadwarrior.engine.esp;

import java.util.Optional;

/**
 * ESP encryption algorithms, each with its IPsec DOI transform ID (RFC 2407 §4.4.4, IANA "IPsec
 * ESP Transform Identifiers"), so a Quick Mode proposal maps onto this enum directly.
 *
 * <p>All CBC ciphers carry an explicit IV of one block (RFC 2451, RFC 3602). AES-GCM follows
 * RFC 4106: an 8-byte explicit IV, a 4-byte salt at the end of the key, and an ICV of 8, 12 or
 * 16 bytes; it brings its own integrity, so it is combined with {@link EspIntegrity#NONE}.
 */
public enum EspEncryption {
    /** ESP_DES (2), RFC 2405. Broken; kept only to talk to very old gateways. */
    DES_CBC(2, "DES", "DES/CBC/NoPadding", 8, 0, 64, 64, 64, false),
    /** ESP_3DES (3), RFC 2451. */
    TRIPLE_DES_CBC(3, "DESede", "DESede/CBC/NoPadding", 8, 0, 192, 192, 192, false),
    /** ESP_CAST (6), CAST-128, RFC 2451: keys of 40 to 128 bits, default 128. */
    CAST_CBC(6, "CAST5", "CAST5/CBC/NoPadding", 8, 0, 40, 128, 128, true),
    /** ESP_BLOWFISH (7), RFC 2451: keys of 40 to 448 bits, default 128. */
    BLOWFISH_CBC(7, "Blowfish", "Blowfish/CBC/NoPadding", 8, 0, 40, 448, 128, false),
    /** ESP_AES (12), AES-CBC, RFC 3602: 128, 192 or 256 bits. */
    AES_CBC(12, "AES", "AES/CBC/NoPadding", 16, 0, 128, 256, 128, false),
    /**
     * ESP_AES_GCM_8 (18), RFC 4106 with an 8-byte ICV. The JDK's GCM refuses 64-bit tags, so this
     * one runs on Bouncy Castle's pure-Java GCM, without the AES and GHASH intrinsics: several
     * times the CPU per packet of the 12- and 16-byte ICVs.
     */
    AES_GCM_8(18, "AES", "AES/GCM/NoPadding", 8, 8, 128, 256, 128, true),
    /** ESP_AES_GCM_12 (19), RFC 4106 with a 12-byte ICV. */
    AES_GCM_12(19, "AES", "AES/GCM/NoPadding", 8, 12, 128, 256, 128, false),
    /** ESP_AES_GCM_16 (20), RFC 4106 with a 16-byte ICV. */
    AES_GCM_16(20, "AES", "AES/GCM/NoPadding", 8, 16, 128, 256, 128, false);

    /** Length of the RFC 4106 salt appended to an AES-GCM key. */
    static final int GCM_SALT_LENGTH = 4;

    private final int transformId;
    private final String keyAlgorithm;
    private final String transformation;
    private final int ivLength;
    private final int icvLength;
    private final int minKeyBits;
    private final int maxKeyBits;
    private final int defaultKeyBits;
    private final boolean needsBouncyCastle;

    EspEncryption(int transformId, String keyAlgorithm, String transformation, int ivLength, int icvLength,
            int minKeyBits, int maxKeyBits, int defaultKeyBits, boolean needsBouncyCastle) {
        this.transformId = transformId;
        this.keyAlgorithm = keyAlgorithm;
        this.transformation = transformation;
        this.ivLength = ivLength;
        this.icvLength = icvLength;
        this.minKeyBits = minKeyBits;
        this.maxKeyBits = maxKeyBits;
        this.defaultKeyBits = defaultKeyBits;
        this.needsBouncyCastle = needsBouncyCastle;
    }

    /** The IPsec DOI ESP transform ID, as carried in a Quick Mode transform payload. */
    public int transformId() {
        return transformId;
    }

    /** The encryption algorithm for a DOI transform ID, or empty when we do not implement it. */
    public static Optional<EspEncryption> fromTransformId(int transformId) {
        for (EspEncryption e : values()) {
            if (e.transformId == transformId) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** Whether this is an AEAD cipher (AES-GCM) that needs no separate integrity algorithm. */
    public boolean isAead() {
        return icvLength > 0;
    }

    /** Length of the explicit IV carried in each packet. */
    public int ivLength() {
        return ivLength;
    }

    /** The ICV length of an AEAD cipher; 0 for the CBC ciphers. */
    public int icvLength() {
        return icvLength;
    }

    /** The cipher block size the payload is padded to: the IV length for CBC, 1 for GCM. */
    public int blockSize() {
        return isAead() ? 1 : ivLength;
    }

    /** Length of the salt that follows the cipher key in the key material (4 for GCM, else 0). */
    public int saltLength() {
        return isAead() ? GCM_SALT_LENGTH : 0;
    }

    /** The key length used when a proposal carries no key length attribute. */
    public int defaultKeyBits() {
        return defaultKeyBits;
    }

    /** Whether a key of this many bits is allowed (whole bytes; AES only 128, 192 or 256). */
    public boolean supportsKeyBits(int bits) {
        if (bits < minKeyBits || bits > maxKeyBits || bits % 8 != 0) {
            return false;
        }
        return !keyAlgorithm.equals("AES") || bits % 64 == 0;
    }

    String keyAlgorithm() {
        return keyAlgorithm;
    }

    String transformation() {
        return transformation;
    }

    /**
     * Whether the JDK lacks this cipher (CAST-128) or this ICV length (the JDK's GCM accepts only
     * tags of 96 to 128 bits), so that the Bouncy Castle provider is used instead.
     */
    boolean needsBouncyCastle() {
        return needsBouncyCastle;
    }
}
