package dev.roadwarrior.profiles.model;

import java.util.Objects;

/**
 * NAT traversal ({@code network-natt-mode}, {@code network-natt-port}, {@code network-natt-rate}).
 *
 * @param mode when to use NAT-T
 * @param port the UDP port (4500; 10000 for Cisco UDP)
 * @param keepAliveSeconds seconds between NAT keep-alive packets (0 to 65535)
 */
public record NatTraversal(NatTraversalMode mode, int port, int keepAliveSeconds) {

    public NatTraversal {
        Objects.requireNonNull(mode, "mode");
        Ranges.check("NAT-T port", port, Ranges.PORT_MIN, Ranges.PORT_MAX);
        Ranges.check("NAT-T keep-alive", keepAliveSeconds, 0, Ranges.KEEPALIVE_MAX);
    }
}
