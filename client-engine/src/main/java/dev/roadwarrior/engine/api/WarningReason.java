package dev.roadwarrior.engine.api;

/**
 * Something the connection cannot do as the gateway or profile asks, although the tunnel works.
 * The words live on the user-interface side, like those of {@link FailureReason}.
 */
public enum WarningReason {
    /**
     * The gateway named split-DNS domains, but the host's DNS mechanism cannot route names by
     * domain (only systemd-resolved can): every name now goes to the tunnel's DNS servers.
     */
    SPLIT_DNS_NOT_ROUTED
}
