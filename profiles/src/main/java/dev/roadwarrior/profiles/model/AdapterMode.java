package dev.roadwarrior.profiles.model;

/** Which network adapter carries the tunnel ({@code client-iface}). */
public enum AdapterMode implements ShrewKeyword {
    /** A virtual adapter with the assigned (or static) address. */
    VIRTUAL("virtual"),
    /** A virtual adapter with a random address inside the static network. */
    RANDOM("random"),
    /** An existing adapter and its current address. */
    DIRECT("direct");

    private final String keyword;

    AdapterMode(String keyword) {
        this.keyword = keyword;
    }

    @Override
    public String keyword() {
        return keyword;
    }
}
