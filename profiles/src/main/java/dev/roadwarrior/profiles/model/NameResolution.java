package dev.roadwarrior.profiles.model;

import java.util.Objects;

/**
 * Name resolution while connected: the Shrew "Name Resolution" tab.
 *
 * @param dns DNS servers and default domain
 * @param splitDns split-DNS domains
 * @param wins WINS servers
 */
public record NameResolution(DnsSettings dns, SplitDnsSettings splitDns, WinsSettings wins) {

    public NameResolution {
        Objects.requireNonNull(dns, "dns");
        Objects.requireNonNull(splitDns, "splitDns");
        Objects.requireNonNull(wins, "wins");
    }
}
