package dev.roadwarrior.profiles;

/**
 * Why a profile could not be read, stored or used, or what an import had to adjust. Every
 * {@link ProfileException} and {@link ProfileWarning} carries one; {@link ProfileMessages} turns it
 * into words (one entry per constant in {@code messages.properties}).
 *
 * <p>Each constant documents the arguments its message uses ({@code {0}}, {@code {1}}, ...).
 */
public enum Reason {

    // --- reading a file ------------------------------------------------------------------------

    /** The file cannot be read. {0}: the system's explanation. */
    FILE_UNREADABLE(true),
    /** The file is larger than any profile could be. {0}: the limit in bytes. */
    FILE_TOO_LARGE(true),
    /** Binary data, or text without a single setting line. {0}: the expected format (.vpn/.pcf). */
    NOT_A_PROFILE(true),
    /** A line that is not {@code type:key:value}. {0}: the line's text (shortened). */
    MALFORMED_LINE(true),
    /** A known key on a line of the wrong type, e.g. {@code s:network-ike-port}. {0}: expected type letter, {1}: found. */
    WRONG_TYPE(true),
    /** A number that does not parse. {0}: the value. */
    BAD_NUMBER(true),
    /** A number outside its range. {0}: the value, {1}: the lowest, {2}: the highest allowed. */
    OUT_OF_RANGE(true),
    /** A value a known key does not take (e.g. {@code auth-method:foo}). {0}: the value, {1}: the allowed values. */
    UNKNOWN_VALUE(true),
    /** {@code n:version} above what we know. {0}: the version, {1}: the highest supported. */
    UNSUPPORTED_VERSION(true),
    /** A key without which the profile makes no sense (e.g. {@code network-host}). */
    MISSING_REQUIRED_KEY(true),
    /** A gateway that is neither a host name nor an IPv4 address. {0}: the value. */
    INVALID_HOST(true),
    /** Not a dotted IPv4 address. {0}: the value. */
    INVALID_ADDRESS(true),
    /** Not a contiguous dotted netmask. {0}: the value. */
    INVALID_NETMASK(true),
    /** A policy list item that is not {@code address / netmask}. {0}: the item. */
    INVALID_POLICY_ENTRY(true),
    /** A Cisco .pcf {@code AuthType} other than 1, 3 or 5. {0}: the value. */
    UNSUPPORTED_AUTH_TYPE(true),
    /** A Cisco {@code enc_GroupPwd}/{@code enc_UserPassword} that is not valid hex or fails its SHA-1 check. {0}: detail. */
    CORRUPT_ENCRYPTED_PASSWORD(true),

    // --- adjustments reported as warnings on import --------------------------------------------

    /**
     * A template placeholder such as {@code {{ VPN_IP }}}, {@code <host>} or {@code YOUR_HOST}. A
     * warning on import (the profile is stored), an error for {@link ProfileValidator#validateForConnect}.
     * {0}: the value.
     */
    TEMPLATE_PLACEHOLDER(true),
    /** A {@code b:} value that is not base64, kept as its text (as Shrew does). {0}: the quoted value, or "(not shown)" for a password. */
    NOT_BASE64(true),
    /** A key Shrew requires was absent; the Shrew GUI default was used. {0}: the value used. */
    DEFAULTED_KEY(true),
    /** A key given twice. {0}: the line whose value is kept. */
    DUPLICATE_KEY(true),
    /** A line with a type letter other than s, n or b, skipped as Shrew 2.2 does. {0}: the letter. */
    IGNORED_LINE(true),
    /** A version 3 certificate path that cannot be read on this machine. {0}: the path. */
    CERTIFICATE_FILE_UNREADABLE(true),
    /** A .pcf whose AuthType needs certificates, which a .pcf cannot carry. {0}: the method. */
    CERTIFICATES_NEEDED(true),

    // --- using a profile ------------------------------------------------------------------------

    /** The authentication method needs a certificate or key the profile lacks. {0}: the method. */
    MISSING_CERTIFICATE(true),
    /** The authentication method needs a group password (pre-shared key) and none is stored. {0}: the method. */
    MISSING_GROUP_PASSWORD(true),

    // --- the store -------------------------------------------------------------------------------

    /** A profile name that cannot be used. {0}: the name. */
    INVALID_NAME(true),
    /** A profile of that name exists already. {0}: the name. */
    NAME_CLASH(true),
    /** No profile of that name. {0}: the name. */
    UNKNOWN_PROFILE(true),
    /** A stored profile file that does not parse or holds invalid values. {0}: detail. */
    STORE_CORRUPT(false),
    /** A stored profile written by a newer version. {0}: its schema version, {1}: the supported one. */
    UNSUPPORTED_SCHEMA(false),
    /** A file or directory cannot be written. {0}: the system's explanation. */
    WRITE_FAILED(false),
    /** The secret store (OS keyring or secrets file) failed. {0}: detail. */
    SECRET_STORE_FAILED(false);

    private final boolean badInput;

    Reason(boolean badInput) {
        this.badInput = badInput;
    }

    /**
     * True when the user can fix this by giving different input (a file, a name, an argument);
     * false for failures of the machine (disk, keyring, a damaged store). The CLI exits 2 or 1.
     */
    public boolean isBadInput() {
        return badInput;
    }
}
