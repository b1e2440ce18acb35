package dev.roadwarrior.profiles.model;

import java.net.Inet4Address;
import java.util.List;
import java.util.Objects;

/**
 * WINS (NetBIOS name servers: {@code client-wins-used}, {@code client-wins-auto},
 * {@code client-wins-addr}).
 *
 * @param used false leaves WINS untouched
 * @param auto true asks the gateway; false uses {@code servers}
 * @param servers static WINS servers
 */
public record WinsSettings(boolean used, boolean auto, List<Inet4Address> servers) {

    public WinsSettings {
        servers = List.copyOf(Objects.requireNonNullElse(servers, List.of()));
    }
}
