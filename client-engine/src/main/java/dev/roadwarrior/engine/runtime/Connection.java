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
import dev.roadwarrior.engine.ike.IkeSession;
import dev.roadwarrior.engine.spi.NetworkConfigurator;
import dev.roadwarrior.engine.spi.TunnelConfig;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * One connection's event loop, run by the {@code rw-ike} thread ({@link #run}): resolve, open
 * sockets, drive the IKE session in a selector loop with its timers ({@link ConnectionTimers}),
 * have its outputs carried out ({@link OutputDispatcher}), configure the host when the tunnel comes
 * up, announce what happens ({@link Announcer}), and tear everything down at the end. See {@link dev.roadwarrior.engine.api.VpnEngine}
 * for the order of events.
 *
 * Datagrams are sorted by {@link InboundDatagrams}, MTU decisions made by {@link PathMtuPolicy},
 * what statistics report kept by {@link TunnelStatus}.
 *
 * <p>Threading: {@link #run} and everything it calls are confined to the engine thread; other
 * threads reach it only through {@link LoopInbox} ({@link #requestDisconnect()}, {@link #answer},
 * the TUN reader's failure, EMSGSIZE) and read {@link #state()} and {@link #statistics()}.
 */
final class Connection implements Runnable {

    /** How long a disconnect waits for the session to finish before the host is restored anyway. */
    static final long DISCONNECT_GRACE_MILLIS = ConnectionTimers.DISCONNECT_GRACE_MILLIS;
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
    private final TunnelMtu mtu = new TunnelMtu();
    private final LoopInbox inbox = new LoopInbox();
    private final PathMtuPolicy mtuPolicy;
    private final TunnelStatus status;

    private volatile GatewaySockets sockets;

    // engine thread only
    private IkeSession session;
    private OutputDispatcher outputs;
    private boolean teardownDue;
    private HostTunnel host;
    private InboundDatagrams inbound;

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
        this.mtuPolicy = new PathMtuPolicy(configurator, dataPlane, mtu);
        this.status = new TunnelStatus(dataPlane, clock);
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
        return status.statistics();
    }

    /** Asks the engine thread to disconnect; any thread. */
    void requestDisconnect() {
        inbox.requestDisconnect();
    }

    /** Hands the user's answer to a prompt to the engine thread; any thread. */
    void answer(String promptId, Map<CredentialKind, char[]> values) {
        inbox.answer(promptId, values);
    }

    @Override
    public void run() {
        try {
            announce(ConnectionState.CONNECTING);
            announcer.deliver(new EngineEvent.Progress(ProgressStep.RESOLVING, request.gatewayHost()));
            recoverLeftovers();
            Inet4Address gateway = GatewaySockets.resolve(request.gatewayHost());
            sockets = GatewaySockets.open(gateway, request.ikePort(), request.transport().nattPort(), ikeBind,
                    nattBind);
            inbox.wakeVia(sockets);
            if (inbox.disconnectRequested()) {
                return;
            }
            host = new HostTunnel(configurator, dataPlane, inbox::tunFailed, clock, mtu, inbox::messageTooLong);
            inbound = new InboundDatagrams(this::receiveIke, dataPlane, host, mtu, clock);
            sockets.onMessageTooLong(inbox::messageTooLong);
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
            announcer.setTerminal(new EngineEvent.Failed(e));
        } catch (IOException e) {
            announcer.setTerminal(failed(FailureReason.LOCAL_NETWORK_ERROR, e.toString()));
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "connection aborted by an internal error", e);
            announcer.setTerminal(failed(FailureReason.PROTOCOL_ERROR, "internal error: " + e));
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
            String tunError = inbox.tunFailure();
            if (tunError != null && !ending()) {
                fail(FailureReason.HOST_CONFIGURATION_FAILED, "TUN device failed: " + tunError);
            }
            LoopInbox.Answer answer = inbox.nextAnswer();
            if (answer != null) {
                session.answer(answer.promptId(), answer.values(), now);
                drain(now);
                continue;
            }
            if ((inbox.disconnectRequested() || teardownDue) && !timers.disconnecting()) {
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
            if (inbox.takeMessageTooLong()) {
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
            sockets.poll(timers.waitMillis(now, sessionDeadline), inbound);
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
        refreshFeatures();
        if (announcer.connected() && !ending()) {
            statistics().ifPresent(s -> announcer.deliver(new EngineEvent.Statistics(s)));
        }
    }

    private void refreshFeatures() {
        status.features(session.nattActive(), session.deadPeerDetectionActive(), session.nextRekeyAt());
    }

    /** Lowers the tunnel's effective MTU to what the path towards the gateway now carries. */
    private void learnPathMtu() {
        mtuPolicy.learn(gatewayAddress()).ifPresent(session::pathMtu);
    }

    private Inet4Address gatewayAddress() {
        return (Inet4Address) sockets.gateway().getAddress();
    }

    private void beginDisconnect(long now) {
        timers.beginDisconnect(now);
        announce(ConnectionState.DISCONNECTING);
        session.disconnect(now);
        drain(now);
    }

    /** An IKE message from the gateway: to the session, then its outputs are carried out. */
    private void receiveIke(byte[] message, boolean viaNatt) {
        long now = clock.getAsLong();
        try {
            session.receive(message, viaNatt, now);
        } finally {
            drain(now);
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
            if (s.state() != ConnectionState.CONNECTED || status.up()) {
                announce(s.state()); // CONNECTED is announced after TunnelUp, once the host is configured
            }
        } else if (event instanceof EngineEvent.TunnelUp up) {
            tunnelUp(up, now);
        } else if (event instanceof EngineEvent.Failed || event instanceof EngineEvent.Disconnected) {
            announcer.setTerminal(event);
        } else {
            announcer.deliver(event);
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
        if (!status.up() && !session.nattActive()) {
            fail(FailureReason.NOT_SUPPORTED, "the gateway did not agree to UDP encapsulation");
            return;
        }
        TunnelConfig config = mtuPolicy.withTunMtu(up.config(), gatewayAddress());
        try {
            if (host.configure(config, sockets) && !up.config().splitDnsDomains().isEmpty()
                    && !up.config().dnsServers().isEmpty() && !host.routesDnsByDomain()) {
                announcer.deliver(new EngineEvent.Warning(WarningReason.SPLIT_DNS_NOT_ROUTED,
                        "split-DNS domains " + String.join(", ", up.config().splitDnsDomains())));
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "host configuration failed", e);
            fail(FailureReason.HOST_CONFIGURATION_FAILED, String.valueOf(e.getMessage()));
            return;
        }
        refreshFeatures();
        status.tunnelUp(now, up.algorithms(), up.config().address());
        announcer.deliver(up);
        announce(ConnectionState.CONNECTED);
    }

    /** Records a failure and has the loop disconnect the session. */
    private void fail(FailureReason reason, String detail) {
        announcer.setTerminal(failed(reason, detail));
        teardownDue = true;
    }

    private static EngineEvent.Failed failed(FailureReason reason, String detail) {
        return new EngineEvent.Failed(new ConnectException(reason, detail));
    }

    private boolean ending() {
        return announcer.hasTerminal() || teardownDue || timers.disconnecting();
    }

    /** Announces a state change; once the teardown has begun, the state only goes down. */
    private void announce(ConnectionState next) {
        announcer.announce(next, ending());
    }

    /** Restores the host, closes everything, then delivers the terminal event. */
    private void shutDown() {
        try {
            status.down();
            if (host != null) {
                host.close();
            }
            dataPlane.clear();
            if (sockets != null) {
                sockets.close();
            }
            request.credentials().destroy();
            inbox.wipeAnswers();
        } finally {
            announcer.finish();
            terminated.complete(null);
        }
    }
}
