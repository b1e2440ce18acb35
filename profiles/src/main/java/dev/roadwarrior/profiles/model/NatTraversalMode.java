package dev.roadwarrior.profiles.model;

/**
 * NAT traversal ({@code network-natt-mode}). Shrew spells the off value {@code disable}, not
 * {@code disabled}; the importer also accepts the old alias {@code force} for {@link #FORCE_RFC}.
 */
public enum NatTraversalMode implements ShrewKeyword {
    DISABLE("disable"),
    /** Used when a NAT is detected; also asks for Cisco UDP encapsulation through Mode Config. */
    ENABLE("enable"),
    FORCE_DRAFT("force-draft"),
    FORCE_RFC("force-rfc"),
    /** Cisco UDP encapsulation, default port 10000. */
    FORCE_CISCO_UDP("force-cisco-udp");

    private final String keyword;

    NatTraversalMode(String keyword) {
        this.keyword = keyword;
    }

    @Override
    public String keyword() {
        return keyword;
    }
}
