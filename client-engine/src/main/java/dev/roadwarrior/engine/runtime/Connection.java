package dev.roadwarrior.engine.runtime;

import dev.roadwarrior.engine.api.ConnectException;
import dev.roadwarrior.engine.api.ConnectRequest;
import dev.roadwarrior.engine.api.ConnectionState;
import dev.roadwarrior.engine.api.ConnectionStatistics;
import dev.roadwarrior.engine.api.CredentialKind;
import dev.roadwarrior.engine.api.EngineEvent;
import dev.roadwarrior.engine.api.EngineListener;
import dev.roadwarrior.engine.api.FailureReason;
import dev.roadwarrior.engine.api.ProgressStep;
import dev.roadwarrior.engine.api.WarningReason;
import dev.roadwarrior.engine.esp.EspStatistics;
import dev.roadwarrior.engine.esp.EspTransform;
import dev.roadwarrior.engine.esp.PathMtu;
import dev.roadwarrior.engine.esp.UdpEncapsulation;
import dev.roadwarrior.engine.ike.IkeSession;
import dev.roadwarrior.engine.spi.NetworkConfigurator;
import dev.roadwarrior.engine.spi.TunnelConfig;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.LongSupplier;

/**
 * One connection's event loop, run by the {@code rw-ike} thread ({@link #run}): resolve, open
 * sockets, drive the IKE session in a selector loop with its timers ({@link ConnectionTimers}),
 * have its outputs carried out ({@link OutputDispatcher}), configure the host when the tunnel comes
 * up, announce what happens ({@link Announcer}), and tear everything down at the end. See {@link dev.roadwarrior.engine.api.VpnEngine}
 * for the order of events.
 *
 * <p>Threading: {@link #run} and everything it calls are confined to the engine thread, except
 * the volatile fields read by {@link #state()}, {@link #statistics()} and written by
 * {@link #requestDisconnect()} and the TUN reader's failure callback, and the queue of answers
 * filled by {@link #answer}.
 */
final class Connection implements Runnable {

    /** How long a disconnect waits for the session to finish before the host is restored anyway. */
    static final long DISCONNECT_GRACE_MILLIS = ConnectionTimers.DISCONNECT_GRACE_MILLIS;
    /** The path MTU assumed when the host cannot tell: Ethernet's. */
    static final int DEFAULT_PATH_MTU = 1_500;
    /** The path MTU assumed after EMSGSIZE when the host cannot tell the learned one: IPv6's minimum, common for tunnelled uplinks. */
    static final int FALLBACK_PATH_MTU = 1_280;
    private static final System.Logger LOG = System.getLogger(Connection.class.getName());

    private final ConnectRequest request;
    private final IkeSessionFactory sessionFactory;
    private final NetworkConfigurator configurator;
    private final LongSupplier clock;
    private final InetSocketAddress ikeBind;
    private final InetSocketAddress nattBind;
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();
    private final InstantSource wall;
    private final DataPlane dataPlane;
    private final ConnectionTimers timers = new ConnectionTimers();
    private final Announcer announcer;
    private final NetworkWatch networkWatch = new NetworkWatch();
    private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final TunnelMtu mtu = new TunnelMtu();

    private volatile Tunnel tunnel;
    private volatile boolean disconnectRequested;
    private volatile String tunFailure;
    private volatile GatewaySockets sockets;
    private volatile Features features = new Features(false, false, Long.MAX_VALUE);
    private volatile boolean messageTooLong;

    // engine thread only
    private IkeSession session;
    private OutputDispatcher outputs;
    private boolean teardownDue;
    private HostTunnel host;
    /** The TUN device's MTU, fixed at the first tunnel up so that a rekey never reconfigures the host for it. */
    private int tunMtu;

    /** The user's answer to a prompt, on its way to the engine thread. */
    private record Answer(String promptId, Map<CredentialKind, char[]> values) {
    }

    /** What statistics need of an established tunnel. */
    private record Tunnel(long upSinceMillis, String algorithms, Inet4Address virtualAddress) {
    }

    /** What the session negotiated, copied from the engine thread for {@link #statistics()}. */
    private record Features(boolean natTraversal, boolean deadPeerDetection, long nextRekeyAt) {
    }

    Connection(ConnectRequest request, EngineListener listener, IkeSessionFactory sessionFactory,
            NetworkConfigurator configurator, LongSupplier clock, InstantSource wall, InetSocketAddress ikeBind,
            InetSocketAddress nattBind) {
        this.request = request;
        this.announcer = new Announcer(listener);
        this.sessionFactory = sessionFactory;
        this.configurator = configurator;
        this.clock = clock;
        this.wall = wall;
        this.dataPlane = new DataPlane(wall);
        this.ikeBind = ikeBind;
        this.nattBind = nattBind;
    }

    ConnectionState state() {
        return announcer.state();
    }

    CompletableFuture<Void> terminated() {
        return terminated;
    }

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

    /** Asks the engine thread to disconnect; any thread. */
    void requestDisconnect() {
        disconnectRequested = true;
        GatewaySockets s = sockets;
        if (s != null) {
            s.wakeup();
        }
    }

    /** Hands the user's answer to a prompt to the engine thread; any thread. */
    void answer(String promptId, Map<CredentialKind, char[]> values) {
        answers.add(new Answer(promptId, values));
        GatewaySockets s = sockets;
        if (s != null) {
            s.wakeup();
        }
    }

    @Override
    public void run() {
        try {
            announce(ConnectionState.CONNECTING);
            deliver(new EngineEvent.Progress(ProgressStep.RESOLVING, request.gatewayHost()));
            recoverLeftovers();
            Inet4Address gateway = GatewaySockets.resolve(request.gatewayHost());
            sockets = GatewaySockets.open(gateway, request.ikePort(), request.transport().nattPort(), ikeBind,
                    nattBind);
            if (disconnectRequested) {
                return;
            }
            host = new HostTunnel(configurator, dataPlane, this::tunFailed, clock, mtu, this::messageTooLong);
            sockets.onMessageTooLong(this::messageTooLong);
            outputs = new OutputDispatcher(sockets, dataPlane, new OutputDispatcher.Effects() {
                @Override
                public void onSessionEvent(EngineEvent event, long now) {
                    Connection.this.onSessionEvent(event, now);
                }

                @Override
                public void installFailed(String detail) {
                    fail(FailureReason.PROTOCOL_ERROR, detail);
                }
            });
            session = sessionFactory.create(request, sockets.localIke(), sockets.localNatt(), sockets.gateway());
            long now = clock.getAsLong();
            timers.start(now);
            session.start(now);
            drain(now);
            loop();
        } catch (ConnectException e) {
            setTerminal(new EngineEvent.Failed(e));
        } catch (IOException e) {
            setTerminal(failed(FailureReason.LOCAL_NETWORK_ERROR, e.toString()));
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "connection aborted by an internal error", e);
            setTerminal(failed(FailureReason.PROTOCOL_ERROR, "internal error: " + e));
        } finally {
            shutDown();
        }
    }

    private void recoverLeftovers() throws ConnectException {
        try {
            configurator.recoverLeftovers();
        } catch (RuntimeException e) {
            throw new ConnectException(FailureReason.HOST_CONFIGURATION_FAILED,
                    "leftovers of an earlier connection could not be removed: " + e.getMessage(), e);
        }
    }

    private void loop() throws IOException {
        while (!session.isFinished()) {
            long now = clock.getAsLong();
            String tunError = tunFailure;
            if (tunError != null && !ending()) {
                fail(FailureReason.HOST_CONFIGURATION_FAILED, "TUN device failed: " + tunError);
            }
            Answer answer = answers.poll();
            if (answer != null) {
                session.answer(answer.promptId(), answer.values(), now);
                drain(now);
                continue;
            }
            if ((disconnectRequested || teardownDue) && !timers.disconnecting()) {
                beginDisconnect(now);
                continue;
            }
            if (timers.disconnectExpired(now)) {
                LOG.log(Level.WARNING, "the IKE session did not finish within {0} ms of the disconnect",
                        DISCONNECT_GRACE_MILLIS);
                return;
            }
            if (outputs.takeReopen()) {
                reopenSockets(now);
                continue;
            }
            if (messageTooLong) {
                messageTooLong = false;
                learnPathMtu();
                continue;
            }
            if (timers.trafficDue(now)) {
                if (dataPlane.active()) {
                    session.traffic(dataPlane.activity(host.lastSentMillis()), now);
                    drain(now);
                }
                reportStatistics();
                continue;
            }
            if (timers.networkCheckDue(now)) {
                checkNetwork(now);
                continue;
            }
            long sessionDeadline = session.nextDeadline();
            if (sessionDeadline <= now) {
                session.tick(now);
                drain(now);
                continue;
            }
            if (timers.keepaliveDue(now, request.transport().keepaliveSeconds())) {
                sendKeepalive();
                continue;
            }
            sockets.poll(timers.waitMillis(now, sessionDeadline), this::onDatagram);
        }
    }

    /** Opens new sockets as the session asked ({@link dev.roadwarrior.engine.ike.IkeOutput.OpenSockets}) and tells it how that went. */
    private void reopenSockets(long now) {
        try {
            sockets.reopen();
            session.socketsOpened(sockets.localIke(), sockets.localNatt(), now);
        } catch (IOException e) {
            LOG.log(Level.INFO, "new sockets towards the gateway could not be opened: {0}", e.toString());
            session.socketsFailed(e.getMessage() == null ? e.toString() : e.getMessage(), now);
        }
        drain(now);
    }

    /** Tells the session when the path to the gateway changed (see {@link NetworkWatch}). */
    private void checkNetwork(long now) {
        NetworkWatch.Change change = networkWatch.check(sockets, now, wall.millis());
        if (change != NetworkWatch.Change.NONE) {
            LOG.log(Level.INFO, "network change: {0}", change);
            session.networkChanged(change == NetworkWatch.Change.LOCAL_ADDRESS, now);
            drain(now);
        }
    }

    /** Sends the counters while the tunnel is up (once a second, from the loop). */
    private void reportStatistics() {
        features = new Features(session.nattActive(), session.deadPeerDetectionActive(), session.nextRekeyAt());
        if (announcer.connected() && !ending()) {
            statistics().ifPresent(s -> deliver(new EngineEvent.Statistics(s)));
        }
    }

    /** EMSGSIZE on a socket (any thread): the engine thread learns the new path MTU. */
    private void messageTooLong() {
        messageTooLong = true;
        GatewaySockets s = sockets;
        if (s != null) {
            s.wakeup();
        }
    }

    /**
     * Lowers the tunnel's effective MTU to what the path towards the gateway now carries: larger
     * inner packets with DF set get ICMP "fragmentation needed", TCP SYNs a smaller MSS.
     */
    private void learnPathMtu() {
        Optional<EspTransform> transform = dataPlane.sas().outbound().map(sa -> sa.transform());
        if (transform.isEmpty()) {
            return;
        }
        int path = configurator.pathMtu((Inet4Address) sockets.gateway().getAddress()).orElse(FALLBACK_PATH_MTU);
        int inner = PathMtu.innerMtu(transform.get(), Math.min(path, DEFAULT_PATH_MTU));
        session.pathMtu(path);
        if (mtu.lower(inner)) {
            LOG.log(Level.INFO, "the path to the gateway carries " + path + " bytes: inner packets up to " + inner
                    + " bytes, TCP MSS " + PathMtu.mss(inner));
        }
    }

    private void beginDisconnect(long now) {
        timers.beginDisconnect(now);
        announce(ConnectionState.DISCONNECTING);
        session.disconnect(now);
        drain(now);
    }

    private void onDatagram(ByteBuffer datagram, boolean viaNatt) {
        try {
            if (!viaNatt) {
                receiveIke(datagram, false);
                return;
            }
            switch (UdpEncapsulation.classify(datagram)) {
                case IKE -> receiveIke(UdpEncapsulation.stripNonEspMarker(datagram), true);
                case ESP -> deliverEsp(datagram);
                case KEEPALIVE -> { }
                case INVALID -> LOG.log(Level.DEBUG, "dropped an invalid datagram of {0} bytes on the NAT-T port",
                        datagram.remaining());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "dropped a datagram whose handling failed", e);
        }
    }

    private void receiveIke(ByteBuffer message, boolean viaNatt) {
        byte[] bytes = new byte[message.remaining()];
        message.get(bytes);
        long now = clock.getAsLong();
        try {
            session.receive(bytes, viaNatt, now);
        } finally {
            drain(now);
        }
    }

    private void deliverEsp(ByteBuffer packet) {
        if (!host.configured()) {
            return; // ESP before the host is configured has nowhere to go
        }
        ByteBuffer inner = dataPlane.decapsulate(packet, clock.getAsLong());
        if (inner != null) {
            PathMtu.clampMss(inner, PathMtu.mss(mtu.inner())); // a SYN-ACK: our side sends no more than fits
            try {
                host.write(inner);
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "inbound packet not written to the TUN device: {0}", e.toString());
            }
        }
    }

    private void sendKeepalive() {
        try {
            sockets.sendKeepalive();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "NAT keepalive not sent: {0}", e.toString());
        }
    }

    /** Carries out the session's outputs, in order ({@link OutputDispatcher}). */
    private void drain(long now) {
        outputs.dispatch(session.drainOutputs(), now);
        if (session.nattActive()) {
            timers.armKeepalive(now, request.transport().keepaliveSeconds());
        }
    }

    private void onSessionEvent(EngineEvent event, long now) {
        if (event instanceof EngineEvent.StateChanged s) {
            if (s.state() != ConnectionState.CONNECTED || tunnel != null) {
                announce(s.state()); // CONNECTED is announced after TunnelUp, once the host is configured
            }
        } else if (event instanceof EngineEvent.TunnelUp up) {
            tunnelUp(up, now);
        } else if (event instanceof EngineEvent.Failed || event instanceof EngineEvent.Disconnected) {
            setTerminal(event);
        } else {
            deliver(event);
        }
    }

    /**
     * Configures the host (the first time, or again when the settings changed), starts the TUN
     * reader, and only then reports the tunnel up.
     */
    private void tunnelUp(EngineEvent.TunnelUp up, long now) {
        if (ending()) {
            return;
        }
        if (tunnel == null && !session.nattActive()) {
            fail(FailureReason.NOT_SUPPORTED, "the gateway did not agree to UDP encapsulation");
            return;
        }
        TunnelConfig config = withTunMtu(up.config());
        try {
            if (host.configure(config, sockets) && !up.config().splitDnsDomains().isEmpty()
                    && !up.config().dnsServers().isEmpty() && !host.routesDnsByDomain()) {
                deliver(new EngineEvent.Warning(WarningReason.SPLIT_DNS_NOT_ROUTED,
                        "split-DNS domains " + String.join(", ", up.config().splitDnsDomains())));
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "host configuration failed", e);
            fail(FailureReason.HOST_CONFIGURATION_FAILED, String.valueOf(e.getMessage()));
            return;
        }
        features = new Features(session.nattActive(), session.deadPeerDetectionActive(), session.nextRekeyAt());
        tunnel = new Tunnel(tunnel == null ? now : tunnel.upSinceMillis(), up.algorithms(), up.config().address());
        deliver(up);
        announce(ConnectionState.CONNECTED);
    }

    /**
     * The settings with the TUN device's MTU: the profile's MTU, but no more than an inner packet
     * whose ESP packet (with the negotiated transform, in UDP) fits the path towards the gateway.
     */
    private TunnelConfig withTunMtu(TunnelConfig c) {
        Optional<EspTransform> transform = dataPlane.sas().outbound().map(sa -> sa.transform());
        if (tunMtu == 0 && transform.isPresent()) {
            int path = configurator.pathMtu((Inet4Address) sockets.gateway().getAddress()).orElse(DEFAULT_PATH_MTU);
            tunMtu = Math.min(c.mtu(), PathMtu.innerMtu(transform.get(), Math.min(path, DEFAULT_PATH_MTU)));
            LOG.log(Level.INFO, "TUN MTU " + tunMtu + " (profile " + c.mtu() + ", path " + path + ", ESP "
                    + transform.get() + ")");
        }
        return tunMtu == 0 ? c : new TunnelConfig(c.address(), c.prefixLength(), tunMtu, c.gateway(), c.includeNetworks(),
                c.excludeNetworks(), c.dnsServers(), c.searchDomains(), c.splitDnsDomains());
    }

    private void tunFailed(IOException e) {
        tunFailure = e.toString();
        sockets.wakeup();
    }

    /** Records a failure and has the loop disconnect the session. */
    private void fail(FailureReason reason, String detail) {
        setTerminal(failed(reason, detail));
        teardownDue = true;
    }

    private static EngineEvent.Failed failed(FailureReason reason, String detail) {
        return new EngineEvent.Failed(new ConnectException(reason, detail));
    }

    /** The first terminal event wins; it is delivered last, by {@link #shutDown}. */
    private void setTerminal(EngineEvent event) {
        announcer.setTerminal(event);
    }

    private boolean ending() {
        return announcer.hasTerminal() || teardownDue || timers.disconnecting();
    }

    /** Announces a state change; once the teardown has begun, the state only goes down. */
    private void announce(ConnectionState next) {
        announcer.announce(next, ending());
    }

    private void deliver(EngineEvent event) {
        announcer.deliver(event);
    }

    /** Restores the host, closes everything, then delivers the terminal event. */
    private void shutDown() {
        try {
            tunnel = null;
            if (host != null) {
                host.close();
            }
            dataPlane.clear();
            if (sockets != null) {
                sockets.close();
            }
            request.credentials().destroy();
            for (Answer a = answers.poll(); a != null; a = answers.poll()) {
                a.values().values().forEach(v -> Arrays.fill(v, '\0'));
            }
        } finally {
            announcer.finish();
            terminated.complete(null);
        }
    }
}
