package dev.roadwarrior.profiles.model;

/** The phase 1 exchange ({@code phase1-exchange}). */
public enum ExchangeMode implements ShrewKeyword {
    MAIN("main"),
    AGGRESSIVE("aggressive");

    private final String keyword;

    ExchangeMode(String keyword) {
        this.keyword = keyword;
    }

    @Override
    public String keyword() {
        return keyword;
    }
}
