package dev.roadwarrior.ui.connection;

import dev.roadwarrior.engine.api.ConnectionStatistics;
import dev.roadwarrior.net.Ipv4Network;
import dev.roadwarrior.engine.spi.TunnelConfig;
import java.net.Inet4Address;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the status view shows of one connection, immutable: the tunnel's settings (from
 * {@code TunnelUp}) and its counters (from {@code Statistics}). {@link #NONE} before the tunnel
 * is up.
 *
 * @param profile the connection's profile name; empty for {@link #NONE}
 * @param gateway the gateway's address
 * @param virtualAddress the host's address inside the tunnel with its prefix, e.g. "10.3.0.5/24"
 * @param dnsServers the tunnel's DNS servers
 * @param searchDomains the default domain(s)
 * @param splitDnsDomains the domains whose names go to the tunnel's DNS servers only; empty: all names
 * @param includeRoutes networks routed into the tunnel; empty: all traffic
 * @param excludeRoutes networks kept on the local path
 * @param algorithms the negotiated algorithms in words
 * @param natTraversal whether IKE and ESP travel UDP-encapsulated (NAT-T)
 * @param deadPeerDetection whether dead peer detection runs
 * @param connectedSince when the tunnel came up (wall clock)
 * @param nextRekey how long until the next SA renewal, as of the last counters
 * @param statistics the last counters
 */
public record StatusDetails(String profile, Optional<Inet4Address> gateway, String virtualAddress,
        List<Inet4Address> dnsServers, List<String> searchDomains, List<String> splitDnsDomains,
        List<Ipv4Network> includeRoutes, List<Ipv4Network> excludeRoutes, String algorithms, boolean natTraversal,
        boolean deadPeerDetection, Optional<Instant> connectedSince, Optional<Duration> nextRekey,
        Optional<ConnectionStatistics> statistics) {

    /** No tunnel. */
    public static final StatusDetails NONE = new StatusDetails("", Optional.empty(), "", List.of(), List.of(), List.of(),
            List.of(), List.of(), "", false, false, Optional.empty(), Optional.empty(), Optional.empty());

    public StatusDetails {
        Objects.requireNonNull(profile, "profile");
        dnsServers = List.copyOf(dnsServers);
        searchDomains = List.copyOf(searchDomains);
        splitDnsDomains = List.copyOf(splitDnsDomains);
        includeRoutes = List.copyOf(includeRoutes);
        excludeRoutes = List.copyOf(excludeRoutes);
        algorithms = Objects.requireNonNullElse(algorithms, "");
    }

    /** The status of a tunnel that just came up with {@code config}, up since {@code since}. */
    static StatusDetails up(String profile, TunnelConfig config, String algorithms, Instant since) {
        return new StatusDetails(profile, Optional.of(config.gateway()),
                config.address().getHostAddress() + "/" + config.prefixLength(), config.dnsServers(),
                config.searchDomains(), config.splitDnsDomains(), config.includeNetworks(), config.excludeNetworks(),
                algorithms, false, false, Optional.of(since), Optional.empty(), Optional.empty());
    }

    /** This status with the counters {@code s}; {@code since} corrects when the tunnel came up. */
    StatusDetails with(ConnectionStatistics s, Instant since) {
        return new StatusDetails(profile, gateway, virtualAddress.isEmpty() ? s.virtualAddress().getHostAddress()
                : virtualAddress, dnsServers, searchDomains, splitDnsDomains, includeRoutes, excludeRoutes,
                s.algorithms().isEmpty() ? algorithms : s.algorithms(), s.natTraversal(), s.deadPeerDetection(),
                Optional.of(since), s.nextRekey(), Optional.of(s));
    }

    /** Whether every destination goes into the tunnel. */
    public boolean fullTunnel() {
        return includeRoutes.isEmpty();
    }
}
