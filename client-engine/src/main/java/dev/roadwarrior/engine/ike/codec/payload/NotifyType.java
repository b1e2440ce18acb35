package dev.roadwarrior.engine.ike.codec.payload;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * Notify message type (RFC 2408 §3.14.1, RFC 2407 §4.6.3, RFC 3706, Cisco Unity). An open enum:
 * any value 0-65535 is a valid instance and unknown types are kept; the constants name the known
 * ones. Values below 16384 are errors, the rest status messages.
 *
 * @param code the wire value, 0 to 65535
 */
public record NotifyType(int code) implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Map<Integer, String> NAMES = new HashMap<>();

    public static final NotifyType INVALID_PAYLOAD_TYPE = known(1, "INVALID_PAYLOAD_TYPE");
    public static final NotifyType DOI_NOT_SUPPORTED = known(2, "DOI_NOT_SUPPORTED");
    public static final NotifyType SITUATION_NOT_SUPPORTED = known(3, "SITUATION_NOT_SUPPORTED");
    public static final NotifyType INVALID_COOKIE = known(4, "INVALID_COOKIE");
    public static final NotifyType INVALID_MAJOR_VERSION = known(5, "INVALID_MAJOR_VERSION");
    public static final NotifyType INVALID_MINOR_VERSION = known(6, "INVALID_MINOR_VERSION");
    public static final NotifyType INVALID_EXCHANGE_TYPE = known(7, "INVALID_EXCHANGE_TYPE");
    public static final NotifyType INVALID_FLAGS = known(8, "INVALID_FLAGS");
    public static final NotifyType INVALID_MESSAGE_ID = known(9, "INVALID_MESSAGE_ID");
    public static final NotifyType INVALID_PROTOCOL_ID = known(10, "INVALID_PROTOCOL_ID");
    public static final NotifyType INVALID_SPI = known(11, "INVALID_SPI");
    public static final NotifyType INVALID_TRANSFORM_ID = known(12, "INVALID_TRANSFORM_ID");
    public static final NotifyType ATTRIBUTES_NOT_SUPPORTED = known(13, "ATTRIBUTES_NOT_SUPPORTED");
    public static final NotifyType NO_PROPOSAL_CHOSEN = known(14, "NO_PROPOSAL_CHOSEN");
    public static final NotifyType BAD_PROPOSAL_SYNTAX = known(15, "BAD_PROPOSAL_SYNTAX");
    public static final NotifyType PAYLOAD_MALFORMED = known(16, "PAYLOAD_MALFORMED");
    public static final NotifyType INVALID_KEY_INFORMATION = known(17, "INVALID_KEY_INFORMATION");
    public static final NotifyType INVALID_ID_INFORMATION = known(18, "INVALID_ID_INFORMATION");
    public static final NotifyType INVALID_CERT_ENCODING = known(19, "INVALID_CERT_ENCODING");
    public static final NotifyType INVALID_CERTIFICATE = known(20, "INVALID_CERTIFICATE");
    public static final NotifyType CERT_TYPE_UNSUPPORTED = known(21, "CERT_TYPE_UNSUPPORTED");
    public static final NotifyType INVALID_CERT_AUTHORITY = known(22, "INVALID_CERT_AUTHORITY");
    public static final NotifyType INVALID_HASH_INFORMATION = known(23, "INVALID_HASH_INFORMATION");
    public static final NotifyType AUTHENTICATION_FAILED = known(24, "AUTHENTICATION_FAILED");
    public static final NotifyType INVALID_SIGNATURE = known(25, "INVALID_SIGNATURE");
    public static final NotifyType ADDRESS_NOTIFICATION = known(26, "ADDRESS_NOTIFICATION");
    public static final NotifyType NOTIFY_SA_LIFETIME = known(27, "NOTIFY_SA_LIFETIME");
    public static final NotifyType CERTIFICATE_UNAVAILABLE = known(28, "CERTIFICATE_UNAVAILABLE");
    public static final NotifyType UNSUPPORTED_EXCHANGE_TYPE = known(29, "UNSUPPORTED_EXCHANGE_TYPE");
    public static final NotifyType UNEQUAL_PAYLOAD_LENGTHS = known(30, "UNEQUAL_PAYLOAD_LENGTHS");

    public static final NotifyType CONNECTED = known(16384, "CONNECTED");
    /** RFC 2407 §4.6.3.1: the responder's lifetime for the SA. */
    public static final NotifyType RESPONDER_LIFETIME = known(24576, "RESPONDER_LIFETIME");
    public static final NotifyType REPLAY_STATUS = known(24577, "REPLAY_STATUS");
    public static final NotifyType INITIAL_CONTACT = known(24578, "INITIAL_CONTACT");
    /** RFC 3706 Dead Peer Detection request. */
    public static final NotifyType R_U_THERE = known(36136, "R_U_THERE");
    /** RFC 3706 Dead Peer Detection reply. */
    public static final NotifyType R_U_THERE_ACK = known(36137, "R_U_THERE_ACK");
    /** Cisco Unity: sent during XAuth while the user is still typing. */
    public static final NotifyType UNITY_HEARTBEAT = known(40500, "UNITY_HEARTBEAT");
    /** Cisco Unity: redirect to another gateway of a load-balancing cluster. */
    public static final NotifyType UNITY_LOAD_BALANCE = known(40501, "UNITY_LOAD_BALANCE");
    /** Cisco Unity: hash of the group pre-shared key. */
    public static final NotifyType UNITY_GROUP_HASH = known(40503, "UNITY_GROUP_HASH");

    public NotifyType {
        if (code < 0 || code > 0xffff) {
            throw new IllegalArgumentException("notify type out of range: " + code);
        }
    }

    private static NotifyType known(int code, String name) {
        NAMES.put(code, name);
        return new NotifyType(code);
    }

    /** True for error types (below 16384), false for status types. */
    public boolean isError() {
        return code < 16384;
    }

    @Override
    public String toString() {
        String name = NAMES.get(code);
        return name != null ? name : "NOTIFY_" + code;
    }
}
