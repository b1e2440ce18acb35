package dev.roadwarrior.profiles.model;

/**
 * IP payload compression ({@code ipcomp-transform}). The Shrew GUI writes {@code disabled}; the
 * connect code understands {@code none}; both mean no compression and are kept apart only so that
 * a file reads back as written.
 */
public enum IpcompTransform implements ShrewKeyword {
    DISABLED("disabled"),
    NONE("none"),
    DEFLATE("deflate"),
    LZS("lzs");

    private final String keyword;

    IpcompTransform(String keyword) {
        this.keyword = keyword;
    }

    @Override
    public String keyword() {
        return keyword;
    }
}
