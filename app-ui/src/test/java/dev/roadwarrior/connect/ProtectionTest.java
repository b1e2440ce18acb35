package dev.roadwarrior.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.roadwarrior.net.Ipv4Network;
import dev.roadwarrior.engine.spi.TunnelConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which protections a tunnel's settings give, in the words the status shows. */
class ProtectionTest {

    private static TunnelConfig config(List<String> include, List<String> dns, List<String> splitDns) {
        return new TunnelConfig(Ipv4Network.parseAddress("10.88.0.1"), 24, 1400, Ipv4Network.parseAddress("203.0.113.2"),
                include.stream().map(Ipv4Network::parse).toList(), List.of(),
                dns.stream().map(Ipv4Network::parseAddress).toList(), List.of(), splitDns);
    }

    @Test
    void aFullTunnelBlocksIpv6AndTakesAllNames() {
        assertEquals(List.of(Protection.IPV6_BLOCKED, Protection.DNS_THROUGH_TUNNEL, Protection.KILL_SWITCH),
                Protection.of(config(List.of(), List.of("10.77.0.53"), List.of()), true));
        assertEquals("IPv6 blocked, DNS through the tunnel, kill switch on", String.join(", ",
                Protection.of(config(List.of(), List.of("10.77.0.53"), List.of()), true).stream()
                        .map(Protection::text).toList()));
    }

    @Test
    void aSplitTunnelLeavesIpv6AloneAndSendsOnlyTheGatewaysDomains() {
        assertEquals(List.of(Protection.SPLIT_DNS_THROUGH_TUNNEL),
                Protection.of(config(List.of("10.77.0.0/24"), List.of("10.77.0.53"), List.of("corp.example")), false));
        assertEquals(List.of(), Protection.of(config(List.of("10.77.0.0/24"), List.of(), List.of()), false));
    }
}
