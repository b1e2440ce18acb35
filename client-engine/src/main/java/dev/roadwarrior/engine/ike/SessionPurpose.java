package dev.roadwarrior.engine.ike;

/**
 * Why an {@link IkeSaSession}'s ISAKMP SA is set up; it decides what the user is told, what
 * phase 1 announces and whether the SA takes over another one's SA pairs.
 */
enum SessionPurpose {
    /** The connection's first SA. */
    CONNECT,
    /** A new SA after the connection broke: INITIAL-CONTACT clears what the gateway still holds. */
    RECONNECT,
    /** The renewal of a working SA (phase 1 rekey): quiet, and the old SA lives on meanwhile. */
    REKEY
}
