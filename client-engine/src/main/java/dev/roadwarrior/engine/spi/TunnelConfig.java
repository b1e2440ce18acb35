package dev.roadwarrior.engine.spi;

import dev.roadwarrior.net.Ipv4Network;
import java.net.Inet4Address;
import java.util.List;

/**
 * What the host must set up for an established tunnel: the result of Mode Config (or of the
 * profile's static settings), handed to a {@link NetworkConfigurator}.
 *
 * @param address the virtual IP given to the TUN device
 * @param prefixLength the virtual IP's prefix length (from the Mode Config netmask)
 * @param mtu the TUN device MTU
 * @param gateway the gateway's public address; with no split-include list it keeps a host route
 *     over the original path so that IKE and ESP do not loop into the tunnel
 * @param includeNetworks networks to route into the tunnel; empty means all traffic
 * @param excludeNetworks networks that stay on the original path (Unity split exclude, local LAN)
 * @param dnsServers DNS servers to use while the tunnel is up; empty leaves DNS untouched
 * @param searchDomains default domain(s) to search
 * @param splitDnsDomains domains whose names go to {@code dnsServers} only (empty: all names do)
 */
public record TunnelConfig(
        Inet4Address address,
        int prefixLength,
        int mtu,
        Inet4Address gateway,
        List<Ipv4Network> includeNetworks,
        List<Ipv4Network> excludeNetworks,
        List<Inet4Address> dnsServers,
        List<String> searchDomains,
        List<String> splitDnsDomains) {

    public TunnelConfig {
        includeNetworks = List.copyOf(includeNetworks);
        excludeNetworks = List.copyOf(excludeNetworks);
        dnsServers = List.copyOf(dnsServers);
        searchDomains = List.copyOf(searchDomains);
        splitDnsDomains = List.copyOf(splitDnsDomains);
    }

    /** True when every destination goes into the tunnel (no split-include list). */
    public boolean fullTunnel() {
        return includeNetworks.isEmpty();
    }
}
