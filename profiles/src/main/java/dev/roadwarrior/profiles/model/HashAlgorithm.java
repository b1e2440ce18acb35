package dev.roadwarrior.profiles.model;

/**
 * Phase 1 hash ({@code phase1-hash}) or phase 2 HMAC ({@code phase2-hmac}); both use the same
 * spellings. {@link #AUTO} proposes MD5 and SHA-1 in phase 1, MD5 to SHA2-512 in phase 2.
 */
public enum HashAlgorithm implements ShrewKeyword {
    AUTO("auto"),
    MD5("md5"),
    SHA1("sha1"),
    SHA2_256("sha2-256"),
    SHA2_384("sha2-384"),
    SHA2_512("sha2-512");

    private final String keyword;

    HashAlgorithm(String keyword) {
        this.keyword = keyword;
    }

    @Override
    public String keyword() {
        return keyword;
    }
}
