package dev.roadwarrior.engine.runtime;

import dev.roadwarrior.engine.spi.NetworkConfigurator;
import dev.roadwarrior.engine.spi.TunDevice;
import dev.roadwarrior.engine.spi.TunnelConfig;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The host side of a connection: the TUN device, the settings applied to the host and the TUN
 * reader thread. The configuration stays while the IKE side reconnects (so that traffic goes into
 * the tunnel and is dropped there, never out in the clear); it is applied again only when a new
 * SA brings other settings.
 *
 * <p>Threading: confined to the engine thread.
 */
final class HostTunnel {

    private static final String TUN_PREFIX = "rw";
    private static final System.Logger LOG = System.getLogger(HostTunnel.class.getName());

    private final NetworkConfigurator configurator;
    private final DataPlane dataPlane;
    private final Consumer<IOException> onTunFailure;
    private final LongSupplier clock;
    private final TunnelMtu mtu;
    private final Runnable onMessageTooLong;
    private boolean touched;
    private TunDevice tun;
    private TunnelConfig applied;
    private TunReader reader;

    HostTunnel(NetworkConfigurator configurator, DataPlane dataPlane, Consumer<IOException> onTunFailure,
            LongSupplier clock, TunnelMtu mtu, Runnable onMessageTooLong) {
        this.mtu = mtu;
        this.onMessageTooLong = onMessageTooLong;
        this.configurator = configurator;
        this.dataPlane = dataPlane;
        this.onTunFailure = onTunFailure;
        this.clock = clock;
    }

    /** Whether the host is configured and the TUN reader runs. */
    boolean configured() {
        return tun != null;
    }

    /**
     * Configures the host for {@code config} and starts the TUN reader sending on {@code sockets};
     * nothing happens when the host already has exactly these settings, and other settings are
     * first reverted (for a moment traffic then takes the host's own routes).
     *
     * @return whether the host was (re)configured
     * @throws IOException or a runtime exception when the host cannot be configured; the steps
     *     already done are undone by the configurator
     */
    boolean configure(TunnelConfig config, GatewaySockets sockets) throws IOException {
        if (tun != null && config.equals(applied)) {
            return false;
        }
        if (tun != null) {
            LOG.log(Level.INFO, "the tunnel settings changed; configuring the host again");
            close();
        }
        touched = true;
        tun = configurator.openTun(TUN_PREFIX, config.mtu());
        configurator.apply(tun, config);
        applied = config;
        mtu.reset(config.mtu());
        reader = TunReader.start(tun, dataPlane.sas(), dataPlane.esp(), sockets, onTunFailure, clock, mtu,
                onMessageTooLong);
        return true;
    }

    /** Whether the last configuration sends only names under split-DNS domains to the tunnel's DNS servers. */
    boolean routesDnsByDomain() {
        return configurator.routesDnsByDomain();
    }

    /**
     * Writes an inner packet from the gateway, which the device may hold back to join the next ones
     * of its TCP stream until {@link #flush}; dropped when no device is open.
     */
    void writeBatched(ByteBuffer packet) throws IOException {
        if (tun != null) {
            tun.writeBatched(packet);
        }
    }

    /** Writes what {@link #writeBatched} held back. */
    void flush() throws IOException {
        if (tun != null) {
            tun.flush();
        }
    }

    /** When the TUN reader last sent ESP, or {@link Long#MIN_VALUE}. */
    long lastSentMillis() {
        return reader == null ? Long.MIN_VALUE : reader.lastSentMillis();
    }

    /** Stops the TUN reader, restores the host and closes the TUN device; idempotent. */
    void close() {
        if (reader != null) {
            reader.stop();
        }
        if (touched) {
            try {
                configurator.revert();
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "restoring the host failed", e);
            }
            touched = false;
        }
        if (tun != null) {
            try {
                tun.close();
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "closing the TUN device failed: {0}", e.toString());
            }
        }
        if (reader != null) {
            reader.join(2_000);
        }
        tun = null;
        reader = null;
        applied = null;
    }
}
