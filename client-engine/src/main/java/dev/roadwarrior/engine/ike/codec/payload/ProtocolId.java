package dev.roadwarrior.engine.ike.codec.payload;

/**
 * Protocol identifiers of the IPsec DOI (RFC 2407 §4.4.1), as used in proposals, notifies and
 * deletes.
 */
public final class ProtocolId {

    /** The ISAKMP SA itself (phase 1). */
    public static final int ISAKMP = 1;
    public static final int AH = 2;
    public static final int ESP = 3;
    public static final int IPCOMP = 4;

    private ProtocolId() {
    }
}
