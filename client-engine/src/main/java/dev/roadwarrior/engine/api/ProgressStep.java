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
    TUNNEL_UP
}
