package dev.roadwarrior.engine.ike;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.roadwarrior.net.Ipv4Network;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The networks a gateway sends become routes once each: repeats and networks inside others go. */
class TunnelSettingsTest {

    private static List<Ipv4Network> nets(String... cidrs) {
        return Stream.of(cidrs).map(Ipv4Network::parse).toList();
    }

    @Test
    void repeatedAndContainedNetworksAreDropped() {
        assertEquals(nets("10.1.0.0/16", "192.168.5.0/24"), TunnelSettings.normalised(
                nets("10.1.0.0/16", "10.1.0.0/16", "10.1.2.0/24", "192.168.5.0/24", "192.168.5.7/32")));
        assertEquals(nets("10.1.0.0/16", "172.16.0.0/12"), TunnelSettings.normalised(
                nets("172.16.9.0/24", "10.1.0.0/16", "172.16.0.0/12", "172.17.0.0/16")),
                "a wider network arriving later replaces the ones inside it");
        assertEquals(nets("10.1.0.0/24", "10.1.1.0/24"), TunnelSettings.normalised(nets("10.1.0.0/24", "10.1.1.0/24")),
                "neighbours stay");
        assertEquals(List.of(), TunnelSettings.normalised(List.of()));
    }
}
