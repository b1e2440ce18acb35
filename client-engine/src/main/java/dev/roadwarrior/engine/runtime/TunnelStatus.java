package dev.roadwarrior.engine.runtime;

import dev.roadwarrior.engine.api.ConnectionStatistics;
import dev.roadwarrior.engine.esp.EspStatistics;
import java.net.Inet4Address;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Owns what {@link Connection#statistics()} reports about an established tunnel: when it came up,
 * its algorithms and address, what the session negotiated, and the data plane's counters.
 *
 * <p>Threading: written by the engine thread, read from any thread (volatile snapshots).
 */
final class TunnelStatus {

    /** What statistics need of an established tunnel. */
    private record Tunnel(long upSinceMillis, String algorithms, Inet4Address virtualAddress) {
    }

    /** What the session negotiated, copied from the engine thread. */
    private record Features(boolean natTraversal, boolean deadPeerDetection, long nextRekeyAt) {
    }

    private final DataPlane dataPlane;
    private final LongSupplier clock;
    private volatile Tunnel tunnel;
    private volatile Features features = new Features(false, false, Long.MAX_VALUE);

    TunnelStatus(DataPlane dataPlane, LongSupplier clock) {
        this.dataPlane = dataPlane;
        this.clock = clock;
    }

    /** Whether a tunnel has been up (and not yet torn down). */
    boolean up() {
        return tunnel != null;
    }

    /** The tunnel is up (again, after a rekey or reconnect: its up-since time stays). */
    void tunnelUp(long now, String algorithms, Inet4Address address) {
        Tunnel t = tunnel;
        tunnel = new Tunnel(t == null ? now : t.upSinceMillis(), algorithms, address);
    }

    /** The session's negotiated features, refreshed from the engine thread. */
    void features(boolean natTraversal, boolean deadPeerDetection, long nextRekeyAt) {
        features = new Features(natTraversal, deadPeerDetection, nextRekeyAt);
    }

    /** The tunnel is gone (teardown). */
    void down() {
        tunnel = null;
    }

    /** The statistics of the tunnel; empty while none is up. */
    Optional<ConnectionStatistics> statistics() {
        Tunnel t = tunnel;
        if (t == null) {
            return Optional.empty();
        }
        EspStatistics s = dataPlane.esp().statistics();
        Features f = features;
        long now = clock.getAsLong();
        Optional<Duration> nextRekey = f.nextRekeyAt() == Long.MAX_VALUE ? Optional.empty()
                : Optional.of(Duration.ofMillis(Math.max(0, f.nextRekeyAt() - now)));
        return Optional.of(new ConnectionStatistics(s.bytesIn(), s.packetsIn(), s.bytesOut(), s.packetsOut(),
                s.totalDropped(), Duration.ofMillis(Math.max(0, now - t.upSinceMillis())), t.algorithms(),
                t.virtualAddress(), f.natTraversal(), f.deadPeerDetection(), nextRekey));
    }
}
