package dev.roadwarrior.profiles.secrets;

/** The secrets a profile can have. Each is stored apart from the profile, under its {@link #id()}. */
public enum SecretKind {
    /** The group password / pre-shared key ({@code auth-mutual-psk}); bytes, not always text. */
    GROUP_PASSWORD("group-password"),
    /** The passphrase of the client's private key file. */
    CLIENT_KEY_PASSPHRASE("client-key-passphrase"),
    /** The passphrase of the client's certificate file (a PKCS#12 file holds the key too). */
    CLIENT_CERTIFICATE_PASSPHRASE("client-certificate-passphrase"),
    /** A saved XAuth password. */
    XAUTH_PASSWORD("xauth-password");

    private final String id;

    SecretKind(String id) {
        this.id = id;
    }

    /** The stable name used in the keyring attributes and the secrets file. */
    public String id() {
        return id;
    }
}
