package dev.roadwarrior.profiles.model;

import java.util.Objects;

/**
 * The VPN gateway ({@code network-host}, {@code network-ike-port}).
 *
 * <p>The host is not checked here: an imported template may carry a placeholder such as
 * {@code {{ VPN_IP }}}, which is stored with a warning and refused by
 * {@code ProfileValidator.validateForConnect}.
 *
 * @param host a host name or dotted IPv4 address, not blank
 * @param ikePort the IKE UDP port, usually 500
 */
public record Gateway(String host, int ikePort) {

    public Gateway {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host is blank");
        }
        Ranges.check("IKE port", ikePort, Ranges.PORT_MIN, Ranges.PORT_MAX);
    }
}
