package dev.roadwarrior.profiles.model;

/**
 * A cipher for phase 1 ({@code phase1-cipher}: {@code aes}) or phase 2 ({@code phase2-transform}:
 * {@code esp-aes}). {@link #AUTO} proposes AES, Blowfish, 3DES, CAST and DES.
 *
 * <p>The AES-GCM transforms ({@code esp-aes-gcm8}, {@code esp-aes-gcm12}, {@code esp-aes-gcm16}:
 * RFC 4106 with an 8, 12 or 16 byte ICV) are Roadwarrior extensions that Shrew Soft never had; they
 * exist only for phase 2.
 */
public enum Cipher {
    AUTO("auto", "auto"),
    AES("aes", "esp-aes"),
    BLOWFISH("blowfish", "esp-blowfish"),
    TRIPLE_DES("3des", "esp-3des"),
    DES("des", "esp-des"),
    CAST("cast", "esp-cast"),
    AES_GCM_8(null, "esp-aes-gcm8"),
    AES_GCM_12(null, "esp-aes-gcm12"),
    AES_GCM_16(null, "esp-aes-gcm16");

    private final String phase1Keyword;
    private final String phase2Keyword;

    Cipher(String phase1Keyword, String phase2Keyword) {
        this.phase1Keyword = phase1Keyword;
        this.phase2Keyword = phase2Keyword;
    }

    /** The spelling in {@code phase1-cipher}; null for the ciphers that exist only in phase 2 (AES-GCM). */
    public String phase1Keyword() {
        return phase1Keyword;
    }

    /** Whether the cipher can protect phase 1 (everything but AES-GCM). */
    public boolean isPhase1Cipher() {
        return phase1Keyword != null;
    }

    /** The ciphers {@code phase1-cipher} accepts. */
    public static Cipher[] phase1Values() {
        return java.util.Arrays.stream(values()).filter(Cipher::isPhase1Cipher).toArray(Cipher[]::new);
    }

    /** Whether this is AES-GCM (an AEAD cipher: its integrity check replaces the HMAC). */
    public boolean isAead() {
        return this == AES_GCM_8 || this == AES_GCM_12 || this == AES_GCM_16;
    }

    /** The spelling in {@code phase2-transform}. */
    public String phase2Keyword() {
        return phase2Keyword;
    }

    /** True for the variable-length ciphers (AES, AES-GCM, Blowfish), whose key length is configured. */
    public boolean hasKeyLength() {
        return this == AES || this == BLOWFISH || isAead();
    }

    /**
     * Whether {@code bits} is a valid key length for this cipher: 0 (auto) always; for AES and
     * AES-GCM 128, 192 or 256; for Blowfish 128 to 256 in steps of 8 (the Shrew GUI's range).
     * Ciphers without a variable key length accept any value, which Shrew ignores.
     */
    public boolean acceptsKeyLength(int bits) {
        if (bits == 0 || !hasKeyLength()) {
            return bits >= 0;
        }
        if (this == AES || isAead()) {
            return bits == 128 || bits == 192 || bits == 256;
        }
        return bits >= 128 && bits <= 256 && bits % 8 == 0;
    }
}
