package dev.roadwarrior.connect;

import dev.roadwarrior.engine.spi.TunnelConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * A protection against traffic passing beside the tunnel, as the status, the CLI and the app
 * show it. What the host adapters do for a tunnel follows from its settings: a full tunnel makes
 * global IPv6 unreachable (the tunnel carries IPv4 only), and DNS servers from the gateway take
 * all names (no split-DNS domains) or the gateway's domains.
 */
public enum Protection {
    /** Global IPv6 is unreachable while the full tunnel is up. */
    IPV6_BLOCKED("IPv6 blocked"),
    /** Every name is resolved by the tunnel's DNS servers. */
    DNS_THROUGH_TUNNEL("DNS through the tunnel"),
    /** Names under the gateway's split-DNS domains are resolved by the tunnel's DNS servers. */
    SPLIT_DNS_THROUGH_TUNNEL("DNS for the gateway's domains through the tunnel"),
    /** Nothing but the traffic to the gateway leaves the host while the tunnel is not up. */
    KILL_SWITCH("kill switch on");

    private final String text;

    Protection(String text) {
        this.text = text;
    }

    /** The words shown to the user. */
    public String text() {
        return text;
    }

    /** The protections of a tunnel with {@code config}, plus the kill switch when {@code killSwitch}. */
    public static List<Protection> of(TunnelConfig config, boolean killSwitch) {
        return of(config.fullTunnel(), !config.dnsServers().isEmpty(), !config.splitDnsDomains().isEmpty(), killSwitch);
    }

    /**
     * The protections of a tunnel that carries all traffic ({@code fullTunnel}), has DNS servers
     * ({@code dns}) and split-DNS domains ({@code splitDns}), plus the kill switch when {@code killSwitch}.
     */
    public static List<Protection> of(boolean fullTunnel, boolean dns, boolean splitDns, boolean killSwitch) {
        List<Protection> all = new ArrayList<>();
        if (fullTunnel) {
            all.add(IPV6_BLOCKED);
        }
        if (dns) {
            all.add(splitDns ? SPLIT_DNS_THROUGH_TUNNEL : DNS_THROUGH_TUNNEL);
        }
        if (killSwitch) {
            all.add(KILL_SWITCH);
        }
        return all;
    }
}
