package dev.roadwarrior.profiles.model;

/** Phase 1 authentication ({@code auth-method}), the six methods of the Shrew Soft client. */
public enum AuthMethod implements ShrewKeyword {
    /** Gateway signs with RSA, client authenticates with XAuth only. */
    HYBRID_RSA_XAUTH("hybrid-rsa-xauth", false, true, true, false),
    /** As hybrid RSA, plus the Cisco group password (IPSEC_OPTS_CISCO_GRP). */
    HYBRID_GRP_XAUTH("hybrid-grp-xauth", true, true, true, false),
    /** RSA signatures both ways, then XAuth. */
    MUTUAL_RSA_XAUTH("mutual-rsa-xauth", false, true, true, true),
    /** Pre-shared key (group password), then XAuth. */
    MUTUAL_PSK_XAUTH("mutual-psk-xauth", true, true, false, false),
    /** RSA signatures both ways. */
    MUTUAL_RSA("mutual-rsa", false, false, true, true),
    /** Pre-shared key only. */
    MUTUAL_PSK("mutual-psk", true, false, false, false);

    private final String keyword;
    private final boolean groupPassword;
    private final boolean xauth;
    private final boolean serverCertificate;
    private final boolean clientCertificate;

    AuthMethod(String keyword, boolean groupPassword, boolean xauth, boolean serverCertificate,
            boolean clientCertificate) {
        this.keyword = keyword;
        this.groupPassword = groupPassword;
        this.xauth = xauth;
        this.serverCertificate = serverCertificate;
        this.clientCertificate = clientCertificate;
    }

    @Override
    public String keyword() {
        return keyword;
    }

    /** True when the method needs the group password ({@code auth-mutual-psk}). */
    public boolean usesGroupPassword() {
        return groupPassword;
    }

    /** True when the gateway asks for a user name and password (XAuth). */
    public boolean usesXauth() {
        return xauth;
    }

    /** True when the gateway's certificate is checked against a CA ({@code auth-server-cert-*}). */
    public boolean needsServerCertificate() {
        return serverCertificate;
    }

    /** True when the client signs with its own certificate and key ({@code auth-client-*}). */
    public boolean needsClientCertificate() {
        return clientCertificate;
    }
}
