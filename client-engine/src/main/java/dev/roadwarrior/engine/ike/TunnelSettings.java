package dev.roadwarrior.engine.ike;

import dev.roadwarrior.engine.api.ConnectRequest.HostConfig;
import dev.roadwarrior.engine.ike.task.ModeConfigResult;
import dev.roadwarrior.net.Ipv4Network;
import dev.roadwarrior.engine.spi.TunnelConfig;
import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the host must set up, from the profile's host settings and what Mode Config brought: the
 * gateway's values where the profile asks for them, the profile's own otherwise.
 */
final class TunnelSettings {

    private TunnelSettings() {
    }

    /**
     * @param address the virtual address (from Mode Config, or the profile's static one)
     * @param config what Mode Config brought; empty when it is off
     * @param gateway the gateway's public address
     */
    static TunnelConfig of(HostConfig host, Inet4Address address, Optional<ModeConfigResult> config,
            Inet4Address gateway) {
        int prefix = config.isEmpty() ? host.staticPrefixLength()
                : config.get().netmask().map(m -> Ipv4Network.ofMask(address, m).prefixLength()).orElse(32);
        List<Ipv4Network> include = host.requestSplitNetworks() && config.isPresent() ? config.get().splitInclude()
                : host.includeNetworks();
        List<Ipv4Network> exclude = new ArrayList<>(host.excludeNetworks());
        List<Inet4Address> dns = host.staticDns();
        List<String> domains = host.staticDomain().map(List::of).orElse(List.of());
        List<String> splitDns = new ArrayList<>(host.splitDnsDomains());
        if (config.isPresent()) {
            ModeConfigResult c = config.get();
            exclude.addAll(c.splitExclude());
            if (host.requestDns() && !c.dns().isEmpty()) {
                dns = c.dns();
            }
            if (host.requestDomain() && c.defaultDomain().isPresent()) {
                domains = List.of(c.defaultDomain().get());
            }
            splitDns.addAll(c.splitDnsDomains());
        }
        return new TunnelConfig(address, prefix, host.mtu(), gateway, normalised(include), normalised(exclude), dns,
                domains, splitDns);
    }

    /**
     * The networks without repeats and without those inside another of the list (a wider network
     * coming after the ones it covers is kept in its own place).
     * Gateways send both (strongSwan repeats a network when a pool's split_include and its Unity
     * plugin both apply; Cisco split-tunnel lists may overlap), and the host can route each
     * destination only once.
     */
    static List<Ipv4Network> normalised(List<Ipv4Network> networks) {
        List<Ipv4Network> kept = new ArrayList<>();
        for (Ipv4Network n : networks) {
            if (kept.stream().noneMatch(k -> k.contains(n))) {
                kept.removeIf(n::contains);
                kept.add(n);
            }
        }
        return kept;
    }
}
