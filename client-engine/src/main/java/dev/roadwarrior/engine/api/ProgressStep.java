package dev.roadwarrior.engine.api;

/** The steps of a connect, in the order they usually happen. */
public enum ProgressStep {
    /** Resolving the gateway's host name. */
    RESOLVING,
    /** Phase 1 request sent; waiting for the gateway. */
    CONTACTING_GATEWAY,
    /** The gateway answered phase 1. */
    GATEWAY_REACHED,
    /** A NAT was detected; IKE and ESP move to UDP encapsulation. */
    NAT_DETECTED,
    /** Phase 1 done: the gateway is authenticated. */
    PHASE1_ESTABLISHED,
    /** The gateway asks for the user's credentials (XAuth). */
    AUTHENTICATING_USER,
    /** XAuth succeeded. */
    USER_AUTHENTICATED,
    /** The gateway assigned the virtual address and settings (Mode Config). */
    CONFIGURATION_RECEIVED,
    /** Phase 2 (IPsec SAs) negotiated. */
    PHASE2_ESTABLISHED,
    /** The host is configured; traffic flows. */
    TUNNEL_UP,
    /** The IPsec SAs were renewed (by us before their lifetime ends, or by the gateway); traffic goes on. */
    PHASE2_REKEYED,
    /** The IKE SA was renewed (a new phase 1 before the old one's lifetime ends); traffic goes on. */
    PHASE1_REKEYED,
    /**
     * The connection broke (the gateway stopped answering or deleted it, the network changed) and
     * is being set up again; the host keeps the tunnel's configuration, so nothing leaks meanwhile.
     */
    RECONNECTING
}
