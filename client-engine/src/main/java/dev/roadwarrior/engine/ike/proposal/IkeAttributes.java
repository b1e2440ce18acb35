package dev.roadwarrior.engine.ike.proposal;

import dev.roadwarrior.engine.api.ConnectRequest.AuthMethod;

/** Attribute types and values of IKEv1 SA transforms (RFC 2409 App. A, RFC 2407 §4.5, XAuth/hybrid drafts). */
public final class IkeAttributes {

    // Phase 1 transform attribute types.
    public static final int ENCRYPTION = 1;
    public static final int HASH = 2;
    public static final int AUTH_METHOD = 3;
    public static final int GROUP = 4;
    public static final int LIFE_TYPE = 11;
    public static final int LIFE_DURATION = 12;
    public static final int KEY_LENGTH = 14;

    // Phase 2 (IPsec DOI) transform attribute types.
    public static final int P2_LIFE_TYPE = 1;
    public static final int P2_LIFE_DURATION = 2;
    public static final int P2_GROUP = 3;
    public static final int P2_ENCAPSULATION = 4;
    public static final int P2_AUTH_ALGORITHM = 5;
    public static final int P2_KEY_LENGTH = 6;

    public static final int LIFE_SECONDS = 1;
    public static final int LIFE_KILOBYTES = 2;

    public static final int ENCAPSULATION_TUNNEL = 1;
    public static final int ENCAPSULATION_UDP_TUNNEL_RFC = 3;
    public static final int ENCAPSULATION_UDP_TUNNEL_DRAFT = 61443;

    // Authentication method values.
    public static final int AUTH_PSK = 1;
    public static final int AUTH_RSA = 3;
    public static final int AUTH_HYBRID_INIT_RSA = 64221;
    public static final int AUTH_XAUTH_INIT_PSK = 65001;
    public static final int AUTH_XAUTH_INIT_RSA = 65005;

    private IkeAttributes() {
    }

    /** The authentication method attribute an initiator sends for {@code method}. */
    public static int authMethodValue(AuthMethod method) {
        switch (method) {
            case PSK:
                return AUTH_PSK;
            case PSK_XAUTH:
                return AUTH_XAUTH_INIT_PSK;
            case RSA:
                return AUTH_RSA;
            case RSA_XAUTH:
                return AUTH_XAUTH_INIT_RSA;
            default:
                return AUTH_HYBRID_INIT_RSA;
        }
    }
}
