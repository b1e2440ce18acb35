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
import dev.roadwarrior.engine.ike.ChildSaKeys;
import dev.roadwarrior.engine.ike.IkeOutput;
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
 * One connection, run by the {@code rw-ike} thread ({@link #run}): resolve, open sockets, drive
 * the IKE session in a selector loop, carry out its outputs, configure the host when the tunnel
 * comes up, and tear everything down at the end. See {@link dev.roadwarrior.engine.api.VpnEngine}
 * for the order of events.
 *
 * <p>Threading: {@link #run} and everything it calls are confined to the engine thread, except
 * the volatile fields read by {@link #state()}, {@link #statistics()} and written by
 * {@link #requestDisconnect()} and the TUN reader's failure callback, and the queue of answers
 * filled by {@link #answer}.
 */
final class Connection implements Runnable {

    /** How long a disconnect waits for the session to finish before the host is restored anyway. */
    static final long DISCONNECT_GRACE_MILLIS = 5_000;
    /** How often the session hears what the data plane saw, and listeners get the counters ({@code Statistics}). */
    static final long TRAFFIC_REPORT_MILLIS = 1_000;
    /** How often the route to the gateway is looked up (has the local address changed?). */
    static final long NETWORK_CHECK_MILLIS = 2_000;
    /** The path MTU assumed when the host cannot tell: Ethernet's. */
    static final int DEFAULT_PATH_MTU = 1_500;
    /** The path MTU assumed after EMSGSIZE when the host cannot tell the learned one: IPv6's minimum, common for tunnelled uplinks. */
    static final int FALLBACK_PATH_MTU = 1_280;
    private static final System.Logger LOG = System.getLogger(Connection.class.getName());

    private final ConnectRequest request;
    private final EngineListener listener;
    private final IkeSessionFactory sessionFactory;
    private final NetworkConfigurator configurator;
    private final LongSupplier clock;
    private final InetSocketAddress ikeBind;
    private final InetSocketAddress nattBind;
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();
    private final InstantSource wall;
    private final DataPlane dataPlane;
    private final NetworkWatch networkWatch = new NetworkWatch();
    private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final TunnelMtu mtu = new TunnelMtu();

    private volatile ConnectionState state = ConnectionState.CONNECTING;
    private volatile Tunnel tunnel;
    private volatile boolean disconnectRequested;
    private volatile String tunFailure;
    private volatile GatewaySockets sockets;
    private volatile Features features = new Features(false, false, Long.MAX_VALUE);
    private volatile boolean messageTooLong;

    // engine thread only
    private IkeSession session;
    private ConnectionState announced = ConnectionState.DISCONNECTED;
    private EngineEvent terminal;
    private boolean teardownDue;
    private long disconnectDeadline = Long.MAX_VALUE;
    private long nextKeepalive = Long.MAX_VALUE;
    private long nextTraffic;
    private long nextNetworkCheck;
    private boolean reopenDue;
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
        this.listener = listener;
        this.sessionFactory = sessionFactory;
        this.configurator = configurator;
        this.clock = clock;
        this.wall = wall;
        this.dataPlane = new DataPlane(wall);
        this.ikeBind = ikeBind;
        this.nattBind = nattBind;
    }

    ConnectionState state() {
        return state;
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
            session = sessionFactory.create(request, sockets.localIke(), sockets.localNatt(), sockets.gateway());
            long now = clock.getAsLong();
            nextTraffic = now + TRAFFIC_REPORT_MILLIS;
            nextNetworkCheck = now + NETWORK_CHECK_MILLIS;
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
            if ((disconnectRequested || teardownDue) && disconnectDeadline == Long.MAX_VALUE) {
                beginDisconnect(now);
                continue;
            }
            if (now >= disconnectDeadline) {
                LOG.log(Level.WARNING, "the IKE session did not finish within {0} ms of the disconnect",
                        DISCONNECT_GRACE_MILLIS);
                return;
            }
            if (reopenDue) {
                reopenSockets(now);
                continue;
            }
            if (messageTooLong) {
                messageTooLong = false;
                learnPathMtu();
                continue;
            }
            if (now >= nextTraffic) {
                nextTraffic = now + TRAFFIC_REPORT_MILLIS;
                if (dataPlane.active()) {
                    session.traffic(dataPlane.activity(host.lastSentMillis()), now);
                    drain(now);
                }
                reportStatistics();
                continue;
            }
            if (now >= nextNetworkCheck) {
                nextNetworkCheck = now + NETWORK_CHECK_MILLIS;
                checkNetwork(now);
                continue;
            }
            long sessionDeadline = session.nextDeadline();
            if (sessionDeadline <= now) {
                session.tick(now);
                drain(now);
                continue;
            }
            if (nextKeepalive <= now) {
                sendKeepalive();
                nextKeepalive = now + request.transport().keepaliveSeconds() * 1000L;
                continue;
            }
            long wake = Math.min(Math.min(Math.min(sessionDeadline, nextKeepalive), disconnectDeadline),
                    Math.min(nextTraffic, nextNetworkCheck));
            sockets.poll(Math.max(1, wake - now), this::onDatagram);
        }
    }

    /** Opens new sockets as the session asked ({@link IkeOutput.OpenSockets}) and tells it how that went. */
    private void reopenSockets(long now) {
        reopenDue = false;
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
        if (announced == ConnectionState.CONNECTED && !ending()) {
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
        disconnectDeadline = now + DISCONNECT_GRACE_MILLIS;
        announce(ConnectionState.DISCONNECTING);
        session.disconnect(now);
        drain(now);
    }

    private void onDatagram(ByteBuffer datagram, boolean viaNatt) {
        LOG.log(Level.TRACE, "received {0} bytes on the {1} socket", datagram.remaining(), viaNatt ? "NAT-T" : "IKE");
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

    /** Carries out the session's outputs, in order. */
    private void drain(long now) {
        for (IkeOutput output : session.drainOutputs()) {
            try {
                if (output instanceof IkeOutput.Send s) {
                    LOG.log(Level.TRACE, "sending {0} bytes on the {1} socket", s.datagram().length,
                            s.natt() ? "NAT-T" : "IKE");
                    sockets.sendIke(s.datagram(), s.natt());
                } else if (output instanceof IkeOutput.InstallChildSa i) {
                    install(i.keys(), i.activate());
                } else if (output instanceof IkeOutput.ActivateOutbound a) {
                    dataPlane.activate(a.outboundSpi());
                } else if (output instanceof IkeOutput.RemoveChildSa r) {
                    dataPlane.remove(r.inboundSpi(), r.outboundSpi());
                } else if (output instanceof IkeOutput.OpenSockets) {
                    reopenDue = true; // not here: drain may run inside a poll of the sockets
                } else if (output instanceof IkeOutput.Emit e) {
                    onSessionEvent(e.event(), now);
                }
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "IKE datagram not sent: {0}", e.toString());
            }
        }
        int keepaliveSeconds = request.transport().keepaliveSeconds();
        if (nextKeepalive == Long.MAX_VALUE && keepaliveSeconds > 0 && session.nattActive()) {
            nextKeepalive = now + keepaliveSeconds * 1000L;
        }
    }

    /** Installs an SA pair (make-before-break); the data plane wipes the keymat the session handed over. */
    private void install(ChildSaKeys keys, boolean activate) {
        try {
            dataPlane.install(keys, activate);
            LOG.log(Level.INFO, "installed {0}{1}", keys, activate ? "" : " (outbound pending)");
        } catch (IllegalArgumentException e) {
            fail(FailureReason.PROTOCOL_ERROR, "cannot install " + keys + ": " + e.getMessage());
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
        if (terminal == null) {
            terminal = event;
        } else {
            LOG.log(Level.DEBUG, "ignored a second terminal event: {0}", event);
        }
    }

    private boolean ending() {
        return terminal != null || teardownDue || disconnectDeadline != Long.MAX_VALUE;
    }

    /** Announces a state change; once the teardown has begun, the state only goes down. */
    private void announce(ConnectionState next) {
        boolean up = next != ConnectionState.DISCONNECTING && next != ConnectionState.DISCONNECTED;
        if (next == announced || up && ending()) {
            return;
        }
        announced = next;
        state = next;
        deliver(new EngineEvent.StateChanged(next));
    }

    private void deliver(EngineEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "an engine listener failed", e);
        }
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
            if (terminal == null) {
                terminal = new EngineEvent.Disconnected();
            }
            announce(ConnectionState.DISCONNECTED);
            deliver(terminal);
            terminated.complete(null);
        }
    }
}
