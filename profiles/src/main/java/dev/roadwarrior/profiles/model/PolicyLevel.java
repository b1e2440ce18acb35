package dev.roadwarrior.profiles.model;

/** Policy generation level ({@code policy-level}). */
public enum PolicyLevel implements ShrewKeyword {
    AUTO("auto"),
    USE("use"),
    REQUIRE("require"),
    UNIQUE("unique"),
    SHARED("shared");

    private final String keyword;

    PolicyLevel(String keyword) {
        this.keyword = keyword;
    }

    @Override
    public String keyword() {
        return keyword;
    }
}
