package dev.roadwarrior.engine.api;

import java.net.Inet4Address;
import java.time.Duration;

/**
 * A snapshot of an established tunnel's counters. Byte counts are inner (plaintext IPv4) bytes.
 *
 * @param bytesIn bytes delivered from the gateway to the host
 * @param packetsIn packets delivered from the gateway to the host
 * @param bytesOut bytes sent from the host to the gateway
 * @param packetsOut packets sent from the host to the gateway
 * @param packetsDropped ESP packets dropped in either direction (bad ICV, replay, unknown SPI ...)
 * @param uptime how long the tunnel has been up
 * @param algorithms the negotiated algorithms in words, as in {@link EngineEvent.TunnelUp#algorithms()}
 * @param virtualAddress the virtual IP of the host inside the tunnel
 */
public record ConnectionStatistics(
        long bytesIn,
        long packetsIn,
        long bytesOut,
        long packetsOut,
        long packetsDropped,
        Duration uptime,
        String algorithms,
        Inet4Address virtualAddress) {
}
