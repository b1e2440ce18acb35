package dev.roadwarrior.profiles.model;

/**
 * A cipher for phase 1 ({@code phase1-cipher}: {@code aes}) or phase 2 ({@code phase2-transform}:
 * {@code esp-aes}). {@link #AUTO} proposes AES, Blowfish, 3DES, CAST and DES.
 */
public enum Cipher {
    AUTO("auto", "auto"),
    AES("aes", "esp-aes"),
    BLOWFISH("blowfish", "esp-blowfish"),
    TRIPLE_DES("3des", "esp-3des"),
    DES("des", "esp-des"),
    CAST("cast", "esp-cast");

    private final String phase1Keyword;
    private final String phase2Keyword;

    Cipher(String phase1Keyword, String phase2Keyword) {
        this.phase1Keyword = phase1Keyword;
        this.phase2Keyword = phase2Keyword;
    }

    /** The spelling in {@code phase1-cipher}. */
    public String phase1Keyword() {
        return phase1Keyword;
    }

    /** The spelling in {@code phase2-transform}. */
    public String phase2Keyword() {
        return phase2Keyword;
    }

    /** True for the variable-length ciphers (AES, Blowfish), whose key length is configured. */
    public boolean hasKeyLength() {
        return this == AES || this == BLOWFISH;
    }

    /**
     * Whether {@code bits} is a valid key length for this cipher: 0 (auto) always; for AES 128, 192
     * or 256; for Blowfish 128 to 256 in steps of 8 (the Shrew GUI's range). Ciphers without a
     * variable key length accept any value, which Shrew ignores.
     */
    public boolean acceptsKeyLength(int bits) {
        if (bits == 0 || !hasKeyLength()) {
            return bits >= 0;
        }
        if (this == AES) {
            return bits == 128 || bits == 192 || bits == 256;
        }
        return bits >= 128 && bits <= 256 && bits % 8 == 0;
    }
}
