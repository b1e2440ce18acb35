package dev.roadwarrior.engine.api;

/** The one state a connection is in, as a user sees it. */
public enum ConnectionState {
    /** No tunnel and nothing going on. */
    DISCONNECTED,
    /** Phase 1 under way: reaching the gateway, negotiating keys. */
    CONNECTING,
    /** The gateway checks who the user is (XAuth), or configuration is exchanged. */
    AUTHENTICATING,
    /** The tunnel carries traffic. */
    CONNECTED,
    /** Tearing down: deleting SAs at the gateway, restoring the host. */
    DISCONNECTING
}
