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
import dev.roadwarrior.engine.esp.Direction;
import dev.roadwarrior.engine.esp.EspProcessor;
import dev.roadwarrior.engine.esp.EspResult;
import dev.roadwarrior.engine.esp.EspSa;
import dev.roadwarrior.engine.esp.EspStatistics;
import dev.roadwarrior.engine.esp.SaTable;
import dev.roadwarrior.engine.esp.UdpEncapsulation;
import dev.roadwarrior.engine.ike.ChildSaKeys;
import dev.roadwarrior.engine.ike.IkeOutput;
import dev.roadwarrior.engine.ike.IkeSession;
import dev.roadwarrior.engine.spi.NetworkConfigurator;
import dev.roadwarrior.engine.spi.TunDevice;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
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
    private static final String TUN_PREFIX = "rw";
    private static final int MAX_DATAGRAM = 65_535;
    private static final System.Logger LOG = System.getLogger(Connection.class.getName());

    private final ConnectRequest request;
    private final EngineListener listener;
    private final IkeSessionFactory sessionFactory;
    private final NetworkConfigurator configurator;
    private final LongSupplier clock;
    private final InetSocketAddress ikeBind;
    private final InetSocketAddress nattBind;
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();
    private final SaTable sas = new SaTable();
    private final EspProcessor esp = new EspProcessor();
    private final ByteBuffer inbound = ByteBuffer.allocate(MAX_DATAGRAM);
    private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();

    private volatile ConnectionState state = ConnectionState.CONNECTING;
    private volatile Tunnel tunnel;
    private volatile boolean disconnectRequested;
    private volatile String tunFailure;
    private volatile GatewaySockets sockets;

    // engine thread only
    private IkeSession session;
    private ConnectionState announced = ConnectionState.DISCONNECTED;
    private EngineEvent terminal;
    private boolean teardownDue;
    private long disconnectDeadline = Long.MAX_VALUE;
    private long nextKeepalive = Long.MAX_VALUE;
    private boolean hostTouched;
    private TunDevice tun;
    private TunReader tunReader;

    /** The user's answer to a prompt, on its way to the engine thread. */
    private record Answer(String promptId, Map<CredentialKind, char[]> values) {
    }

    /** What statistics need of an established tunnel. */
    private record Tunnel(long upSinceMillis, String algorithms, Inet4Address virtualAddress) {
    }

    Connection(ConnectRequest request, EngineListener listener, IkeSessionFactory sessionFactory,
            NetworkConfigurator configurator, LongSupplier clock, InetSocketAddress ikeBind,
            InetSocketAddress nattBind) {
        this.request = request;
        this.listener = listener;
        this.sessionFactory = sessionFactory;
        this.configurator = configurator;
        this.clock = clock;
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
        EspStatistics s = esp.statistics();
        return Optional.of(new ConnectionStatistics(s.bytesIn(), s.packetsIn(), s.bytesOut(), s.packetsOut(),
                s.totalDropped(), Duration.ofMillis(Math.max(0, clock.getAsLong() - t.upSinceMillis())),
                t.algorithms(), t.virtualAddress()));
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
            session = sessionFactory.create(request, sockets.localIke(), sockets.localNatt(), sockets.gateway());
            long now = clock.getAsLong();
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
            long wake = Math.min(Math.min(sessionDeadline, nextKeepalive), disconnectDeadline);
            sockets.poll(wake == Long.MAX_VALUE ? 0 : Math.max(1, wake - now), this::onDatagram);
        }
    }

    private void beginDisconnect(long now) {
        disconnectDeadline = now + DISCONNECT_GRACE_MILLIS;
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
        if (tun == null) {
            return; // ESP before the host is configured has nowhere to go
        }
        inbound.clear();
        if (esp.decapsulate(sas, packet, inbound) instanceof EspResult.Processed p) {
            try {
                tun.write(p.packet());
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
                    sockets.sendIke(s.datagram(), s.natt());
                } else if (output instanceof IkeOutput.InstallChildSa i) {
                    install(i.keys());
                } else if (output instanceof IkeOutput.RemoveChildSa r) {
                    sas.removeInbound(r.inboundSpi());
                    sas.removeOutbound(r.outboundSpi());
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

    /** Installs an SA pair (make-before-break) and wipes the keymat the session handed over. */
    private void install(ChildSaKeys keys) {
        try {
            Instant now = Instant.now();
            sas.install(EspSa.create(Direction.INBOUND, keys.inboundSpi(), keys.transform(), keys.inboundKeymat(), now),
                    EspSa.create(Direction.OUTBOUND, keys.outboundSpi(), keys.transform(), keys.outboundKeymat(), now));
            LOG.log(Level.INFO, "installed {0}", keys);
        } catch (IllegalArgumentException e) {
            fail(FailureReason.PROTOCOL_ERROR, "cannot install " + keys + ": " + e.getMessage());
        } finally {
            Arrays.fill(keys.inboundKeymat(), (byte) 0);
            Arrays.fill(keys.outboundKeymat(), (byte) 0);
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

    /** Configures the host, starts the TUN reader, and only then reports the tunnel up. */
    private void tunnelUp(EngineEvent.TunnelUp up, long now) {
        if (ending()) {
            return;
        }
        if (tun == null) {
            if (!session.nattActive()) {
                fail(FailureReason.NOT_SUPPORTED, "the gateway did not agree to UDP encapsulation");
                return;
            }
            hostTouched = true;
            try {
                tun = configurator.openTun(TUN_PREFIX, up.config().mtu());
                configurator.apply(tun, up.config());
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "host configuration failed", e);
                fail(FailureReason.HOST_CONFIGURATION_FAILED, String.valueOf(e.getMessage()));
                return;
            }
            tunReader = TunReader.start(tun, sas, esp, sockets, this::tunFailed);
            if (!up.config().splitDnsDomains().isEmpty() && !up.config().dnsServers().isEmpty()
                    && !configurator.routesDnsByDomain()) {
                deliver(new EngineEvent.Warning(WarningReason.SPLIT_DNS_NOT_ROUTED,
                        "split-DNS domains " + String.join(", ", up.config().splitDnsDomains())));
            }
        }
        tunnel = new Tunnel(tunnel == null ? now : tunnel.upSinceMillis(), up.algorithms(), up.config().address());
        deliver(up);
        announce(ConnectionState.CONNECTED);
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
            if (tunReader != null) {
                tunReader.stop();
            }
            if (hostTouched) {
                try {
                    configurator.revert();
                } catch (RuntimeException e) {
                    LOG.log(Level.ERROR, "restoring the host failed", e);
                }
            }
            if (tun != null) {
                try {
                    tun.close();
                } catch (IOException e) {
                    LOG.log(Level.DEBUG, "closing the TUN device failed: {0}", e.toString());
                }
            }
            if (tunReader != null) {
                tunReader.join(2_000);
            }
            sas.clear();
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
