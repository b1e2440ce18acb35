package dev.roadwarrior.profiles.model;

import java.util.List;
import java.util.Objects;

/**
 * Split DNS ({@code client-splitdns-used}, {@code client-splitdns-auto},
 * {@code client-splitdns-list}), written by the Windows Shrew client.
 *
 * @param used true to send only the listed domains' queries to the tunnel's DNS servers
 * @param auto true asks the gateway for the domains (Unity split domain)
 * @param domains static domains
 */
public record SplitDnsSettings(boolean used, boolean auto, List<String> domains) {

    public SplitDnsSettings {
        domains = List.copyOf(Objects.requireNonNullElse(domains, List.of()));
    }
}
