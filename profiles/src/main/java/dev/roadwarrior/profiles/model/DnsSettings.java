package dev.roadwarrior.profiles.model;

import java.net.Inet4Address;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * DNS while connected ({@code client-dns-used}, {@code client-dns-auto}, {@code client-dns-addr},
 * {@code client-dns-suffix-auto}, {@code client-dns-suffix}).
 *
 * @param used false leaves the host's DNS untouched
 * @param auto true asks the gateway for DNS servers; false uses {@code servers}
 * @param servers static DNS servers
 * @param suffixAuto true asks the gateway for the default domain; false uses {@code suffix}
 * @param suffix a static default domain
 */
public record DnsSettings(boolean used, boolean auto, List<Inet4Address> servers, boolean suffixAuto,
        Optional<String> suffix) {

    public DnsSettings {
        servers = List.copyOf(Objects.requireNonNullElse(servers, List.of()));
        suffix = Objects.requireNonNullElse(suffix, Optional.empty());
    }
}
