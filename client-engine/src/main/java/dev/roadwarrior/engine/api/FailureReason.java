package dev.roadwarrior.engine.api;

/**
 * Why a connection failed or ended, in terms a user can act on. The words for each reason live
 * in one place on the user-interface side (an {@code ErrorMessages} mapper), never here.
 */
public enum FailureReason {
    /** No answer from the gateway after every retransmission. */
    GATEWAY_UNREACHABLE,
    /** The gateway host name does not resolve. */
    GATEWAY_UNKNOWN_HOST,
    /** The gateway accepted none of the proposals offered. */
    NO_PROPOSAL_CHOSEN,
    /** Phase 1 authentication failed: with a pre-shared key this means the group password is wrong. */
    WRONG_GROUP_PASSWORD,
    /** XAuth failed: the user name or password was refused. */
    WRONG_USER_PASSWORD,
    /** The gateway's certificate does not chain to the profile's CA, is expired or does not match. */
    CERTIFICATE_NOT_TRUSTED,
    /** The gateway refused our identity (group name, ID type, certificate) or sent one we do not accept. */
    IDENTITY_REJECTED,
    /** A certificate or key file of the profile cannot be used: unreadable, wrong passphrase, key and certificate differ. */
    CERTIFICATE_FILE_UNUSABLE,
    /** The gateway's proof of identity (hash or signature) did not verify. */
    GATEWAY_AUTHENTICATION_FAILED,
    /** The gateway sent something that breaks the protocol. */
    PROTOCOL_ERROR,
    /** The gateway deleted the connection. */
    DELETED_BY_GATEWAY,
    /** The gateway stopped answering while connected (dead peer detection). */
    PEER_DEAD,
    /** The user needs to answer a prompt that no one answered. */
    CREDENTIALS_MISSING,
    /** The profile asks for something this client does not support. */
    NOT_SUPPORTED,
    /** The host could not be configured: TUN device, address, routes or DNS. */
    HOST_CONFIGURATION_FAILED,
    /** A local network error: no route, socket failure. */
    LOCAL_NETWORK_ERROR,
    /**
     * The gateway accepted phase 1 but never started XAuth, although the profile's authentication
     * method expects it: most likely the profile and the gateway disagree on the method.
     */
    XAUTH_NOT_STARTED,
    /** The user cancelled. */
    CANCELLED
}
