package dev.roadwarrior.profiles.model;

/** How the client obtains its tunnel settings ({@code client-auto-mode}). */
public enum AutoConfigMode implements ShrewKeyword {
    /** No configuration exchange; the profile's static settings apply. */
    DISABLED("disabled"),
    /** IKE Mode Config, the client asks (the usual choice). */
    PULL("pull"),
    /** IKE Mode Config, the gateway pushes. */
    PUSH("push"),
    /** DHCP over IPsec. */
    DHCP("dhcp");

    private final String keyword;

    AutoConfigMode(String keyword) {
        this.keyword = keyword;
    }

    @Override
    public String keyword() {
        return keyword;
    }
}
