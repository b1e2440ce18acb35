package dev.roadwarrior.profiles.model;

/**
 * The type of an IKE identity ({@code ident-client-type}, {@code ident-server-type}). {@link #NONE}
 * is only valid for the local side and {@link #ANY} (accept whatever the gateway sends) only for
 * the remote side.
 */
public enum IdentityType implements ShrewKeyword {
    /** Local side only: send no identity data. */
    NONE("none"),
    /** Remote side only: do not check the gateway's identity. */
    ANY("any"),
    ASN1DN("asn1dn"),
    FQDN("fqdn"),
    UFQDN("ufqdn"),
    ADDRESS("address"),
    KEYID("keyid");

    private final String keyword;

    IdentityType(String keyword) {
        this.keyword = keyword;
    }

    @Override
    public String keyword() {
        return keyword;
    }
}
