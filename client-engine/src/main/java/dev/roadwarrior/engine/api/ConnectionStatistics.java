package dev.roadwarrior.engine.api;

import java.net.Inet4Address;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of an established tunnel's counters and negotiated features. Byte counts are inner
 * (plaintext IPv4) bytes.
 *
 * @param bytesIn bytes delivered from the gateway to the host
 * @param packetsIn packets delivered from the gateway to the host
 * @param bytesOut bytes sent from the host to the gateway
 * @param packetsOut packets sent from the host to the gateway
 * @param packetsDropped ESP packets dropped in either direction (bad ICV, replay, unknown SPI ...)
 * @param uptime how long the tunnel has been up (since the first {@code TunnelUp} of the connection)
 * @param algorithms the negotiated algorithms in words, as in {@link EngineEvent.TunnelUp#algorithms()}
 * @param virtualAddress the virtual IP of the host inside the tunnel
 * @param natTraversal whether IKE and ESP travel UDP-encapsulated on the NAT-T port
 * @param deadPeerDetection whether dead peer detection was negotiated and runs
 * @param nextRekey how long until the next scheduled renewal of an SA (phase 1 or phase 2); empty
 *     when none is scheduled (no lifetimes)
 */
public record ConnectionStatistics(
        long bytesIn,
        long packetsIn,
        long bytesOut,
        long packetsOut,
        long packetsDropped,
        Duration uptime,
        String algorithms,
        Inet4Address virtualAddress,
        boolean natTraversal,
        boolean deadPeerDetection,
        Optional<Duration> nextRekey) {

    public ConnectionStatistics {
        Objects.requireNonNull(uptime, "uptime");
        Objects.requireNonNull(virtualAddress, "virtualAddress");
        algorithms = Objects.requireNonNullElse(algorithms, "");
        nextRekey = Objects.requireNonNullElse(nextRekey, Optional.empty());
    }
}
