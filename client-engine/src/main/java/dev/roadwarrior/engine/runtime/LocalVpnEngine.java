package dev.roadwarrior.engine.runtime;

import dev.roadwarrior.engine.api.ConnectRequest;
import dev.roadwarrior.engine.api.ConnectionObserver;
import dev.roadwarrior.engine.api.ConnectionObservers;
import dev.roadwarrior.engine.api.ConnectionState;
import dev.roadwarrior.engine.api.ConnectionStatistics;
import dev.roadwarrior.engine.api.CredentialKind;
import dev.roadwarrior.engine.api.EngineListener;
import dev.roadwarrior.engine.api.VpnEngine;
import dev.roadwarrior.engine.spi.NetworkConfigurator;
import dev.roadwarrior.engine.time.EngineClock;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The {@link VpnEngine} that runs connections in this process; it needs the privileges to create
 * a TUN device and change routes and DNS (through the {@link NetworkConfigurator}).
 *
 * <p>Each {@link #connect} starts a thread named {@code rw-ike} that resolves the gateway, opens
 * two UDP sockets (to the gateway's IKE port and to its NAT-T port, both from ephemeral local
 * ports), creates the {@link dev.roadwarrior.engine.ike.IkeSession} with the factory and drives
 * it; a thread named {@code rw-tun} carries packets from the TUN device into the tunnel once it
 * is up. ESP travels only UDP-encapsulated (see the package documentation). NAT keepalives go
 * out every {@code transport().keepaliveSeconds()} while NAT-T is active. While the connection
 * runs, the session hears every second what ESP did (for dead peer detection and kilobyte
 * lifetimes) and every two seconds whether the route to the gateway now leaves from another
 * local address or the machine slept; when it reconnects it gets new sockets and the host keeps
 * its tunnel configuration (applied again only if the new settings differ). On disconnect the
 * session gets {@link Connection#DISCONNECT_GRACE_MILLIS} to delete its SAs at the gateway; then
 * the host is restored whatever happened. There is no JVM shutdown hook: whoever owns the
 * process calls {@link #disconnect} on termination signals and waits for {@link #terminated()}.
 *
 * <p>Threading: as {@link VpnEngine}; the {@code rw-ike} thread is not a daemon thread, so a
 * running connection keeps the JVM alive.
 */
public final class LocalVpnEngine implements VpnEngine {

    private final IkeSessionFactory sessionFactory;
    private final NetworkConfigurator configurator;
    private final EngineClock clock;
    private final InetSocketAddress ikeBind;
    private final InetSocketAddress nattBind;
    private final ConnectionObservers observers = new ConnectionObservers();
    private volatile Connection current;

    /**
     * An engine on {@code clock} (see {@link EngineClock}; the engine reads no clock of its own),
     * with its own local socket addresses.
     *
     * @param sessionFactory creates the IKE session of each connection
     * @param configurator sets up and restores the host
     * @param clock the monotonic and wall clocks, both read from the engine thread and from
     *     {@link #statistics()}, so thread-safe
     * @param ikeBind the local address of the IKE socket (port 0: ephemeral)
     * @param nattBind the local address of the NAT-T socket (port 0: ephemeral)
     */
    public LocalVpnEngine(IkeSessionFactory sessionFactory, NetworkConfigurator configurator,
            EngineClock clock, InetSocketAddress ikeBind, InetSocketAddress nattBind) {
        this.sessionFactory = Objects.requireNonNull(sessionFactory, "sessionFactory");
        this.configurator = Objects.requireNonNull(configurator, "configurator");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ikeBind = Objects.requireNonNull(ikeBind, "ikeBind");
        this.nattBind = Objects.requireNonNull(nattBind, "nattBind");
    }

    @Override
    public synchronized void connect(ConnectRequest request, EngineListener listener) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(listener, "listener");
        Connection running = current;
        if (running != null && !running.terminated().isDone()) {
            throw new IllegalStateException("a connection is already running");
        }
        Connection connection = new Connection(request, observers.wrap(request.name(), listener), sessionFactory,
                configurator, clock.monotonicMillis(), clock.wall(), ikeBind, nattBind);
        current = connection;
        new Thread(connection, "rw-ike").start();
    }

    @Override
    public void disconnect() {
        Connection c = current;
        if (c != null) {
            c.requestDisconnect();
        }
    }

    @Override
    public void answer(String promptId, Map<CredentialKind, char[]> values) {
        Objects.requireNonNull(promptId, "promptId");
        Map<CredentialKind, char[]> copy = Map.copyOf(values);
        Connection c = current;
        if (c != null && !c.terminated().isDone()) {
            c.answer(promptId, copy);
        } else {
            copy.values().forEach(v -> Arrays.fill(v, '\0'));
        }
    }

    @Override
    public Attachment attach(ConnectionObserver observer) {
        return observers.attach(Objects.requireNonNull(observer, "observer"));
    }

    @Override
    public ConnectionState state() {
        Connection c = current;
        return c == null || c.terminated().isDone() ? ConnectionState.DISCONNECTED : c.state();
    }

    @Override
    public Optional<ConnectionStatistics> statistics() {
        Connection c = current;
        return c == null ? Optional.empty() : c.statistics();
    }

    @Override
    public CompletableFuture<Void> terminated() {
        Connection c = current;
        return c == null ? CompletableFuture.completedFuture(null) : c.terminated().copy(); // callers cannot complete ours
    }
}
