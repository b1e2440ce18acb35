package dev.roadwarrior.engine.ike;

import dev.roadwarrior.engine.api.ConnectException;
import dev.roadwarrior.engine.api.ConnectRequest;
import dev.roadwarrior.engine.api.ConnectionState;
import dev.roadwarrior.engine.api.CredentialKind;
import dev.roadwarrior.engine.api.EngineEvent;
import dev.roadwarrior.engine.api.FailureReason;
import dev.roadwarrior.engine.api.ProgressStep;
import dev.roadwarrior.engine.crypto.IkeCrypto;
import dev.roadwarrior.engine.ike.IkeSaSession.Purpose;
import dev.roadwarrior.engine.spi.TunnelConfig;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The IKEv1 client for one connection, from connect to disconnect: it runs an
 * {@link IkeSaSession} per ISAKMP SA ({@link SessionSet}) and keeps the tunnel up across their
 * ends. It is the one place that announces the connection's state: sessions report
 * {@link SessionEvent}s, which it applies after each call into them ({@link #settle}).
 *
 * <ul>
 *   <li>Phase 1 rekey: before the phase 1 lifetime ends a second session negotiates a new ISAKMP
 *       SA (with XAuth and Mode Config again, asking for the same virtual address) and its own
 *       ESP SAs; it then takes over the old session's SA pairs, and the old ISAKMP SA is deleted
 *       after a grace period.</li>
 *   <li>Reconnect: when the session carrying the tunnel ends after the tunnel has been up (dead
 *       peer, the gateway deleted the IKE SA, no answer, a new local network), the tunnel's SAs
 *       are removed but the host keeps its configuration, so traffic is blocked rather than
 *       leaked, and a fresh session is started from new sockets with {@link ReconnectPolicy}'s
 *       backoff until it works or the user disconnects. A first connect that reached the gateway
 *       but broke off is retried {@link #FIRST_CONNECT_ATTEMPTS} times in all.</li>
 *   <li>It fails only for reasons retrying cannot fix (see {@link #retryable}).</li>
 * </ul>
 * The credentials are kept by {@link KeptCredentials} for the life of the connection.
 */
public final class IkeClient implements IkeSession {

    /** Attempts of a first connect that reached the gateway but then broke off (e.g. lost packets). */
    static final int FIRST_CONNECT_ATTEMPTS = 3;
    /** At most one restart because the gateway's ESP stays away while it answers DPD, per this period. */
    static final long STARVED_RESTART_MILLIS = 600_000;
    private static final System.Logger LOG = System.getLogger(IkeClient.class.getName());

    private final KeptCredentials credentials;
    private final IkeCrypto crypto;
    private final InetSocketAddress gateway;
    private final RetransmitPolicy policy;
    private final ReconnectPolicy reconnect;
    private final RandomGenerator random;
    private final InstantSource wall;
    private final List<IkeOutput> outputs = new ArrayList<>();
    private final SessionSet sessions = new SessionSet();
    private InetSocketAddress localIke;
    private InetSocketAddress localNatt;
    private long rekeyAt = Long.MAX_VALUE;
    private long retryAt = Long.MAX_VALUE;
    private int attempts;
    private int rekeyAttempts;
    private boolean awaitingSockets;
    private boolean reached;
    private boolean natt;
    private boolean finished;
    private TunnelConfig tunnel;
    private long lastStarvedRestart = Long.MIN_VALUE;
    private int pathMtu = Integer.MAX_VALUE;

    public IkeClient(ConnectRequest request, IkeCrypto crypto, InetSocketAddress localIke, InetSocketAddress localNatt,
            InetSocketAddress gateway, RetransmitPolicy policy, RandomGenerator random, InstantSource wall) {
        this(request, crypto, localIke, localNatt, gateway, policy, ReconnectPolicy.DEFAULT, random, wall);
    }

    /**
     * @param request the connection request; its credentials are copied (the caller may wipe its own)
     * @param wall the calendar clock certificates are checked against (see {@link dev.roadwarrior.engine.time.EngineClock})
     */
    public IkeClient(ConnectRequest request, IkeCrypto crypto, InetSocketAddress localIke, InetSocketAddress localNatt,
            InetSocketAddress gateway, RetransmitPolicy policy, ReconnectPolicy reconnect, RandomGenerator random,
            InstantSource wall) {
        this.credentials = new KeptCredentials(request);
        this.crypto = crypto;
        this.localIke = localIke;
        this.localNatt = localNatt;
        this.gateway = gateway;
        this.policy = policy;
        this.reconnect = reconnect;
        this.random = random;
        this.wall = wall;
    }

    @Override
    public void start(long now) {
        sessions.current(startSession(Purpose.CONNECT, now));
        settle(now);
    }

    @Override
    public void receive(byte[] datagram, boolean viaNatt, long now) {
        if (finished || datagram.length < 8) {
            return;
        }
        long cookie = ByteBuffer.wrap(datagram, 0, 8).getLong();
        for (IkeSaSession s : sessions.live()) {
            if (s.initiatorCookie() == cookie) {
                s.receive(datagram, now);
                settle(now);
                natt |= sessions.isCurrent(s) && s.nattActive();
                return;
            }
        }
    }

    @Override
    public void tick(long now) {
        if (finished) {
            return;
        }
        if (now >= retryAt) {
            retryAt = Long.MAX_VALUE;
            awaitingSockets = true;
            outputs.add(new IkeOutput.OpenSockets());
        }
        sessions.retireDue(now);
        if (now >= rekeyAt) {
            rekeyAt = Long.MAX_VALUE;
            if (sessions.current() != null && sessions.next() == null && tunnel != null) {
                sessions.next(startSession(Purpose.REKEY, now));
                settle(now);
            }
        }
        for (IkeSaSession s : sessions.live()) {
            if (!finished && !s.finished() && s.nextDeadline() <= now) {
                s.tick(now);
                settle(now);
            }
        }
    }

    @Override
    public long nextDeadline() {
        if (finished) {
            return Long.MAX_VALUE;
        }
        long deadline = Math.min(retryAt, Math.min(sessions.retireAt(), rekeyAt));
        for (IkeSaSession s : sessions.live()) {
            deadline = Math.min(deadline, s.nextDeadline());
        }
        return deadline;
    }

    @Override
    public void answer(String promptId, Map<CredentialKind, char[]> values, long now) {
        char[][] typed = KeptCredentials.typed(values);
        for (IkeSaSession s : sessions.live()) {
            if (!finished && s.answer(promptId, values, now)) {
                settle(now);
                credentials.remember(typed);
                return;
            }
        }
        values.values().forEach(v -> Arrays.fill(v, '\0'));
        KeptCredentials.wipe(typed);
    }

    @Override
    public void traffic(EspActivity activity, long now) {
        IkeSaSession current = sessions.current();
        if (!finished && current != null) {
            current.traffic(activity);
            settle(now);
        }
    }

    @Override
    public void pathMtu(int bytes) {
        pathMtu = bytes;
        sessions.live().forEach(s -> s.pathMtu(bytes));
    }

    @Override
    public void networkChanged(boolean localAddressChanged, long now) {
        IkeSaSession current = sessions.current();
        if (finished || awaitingSockets) {
            return;
        }
        if (retryAt != Long.MAX_VALUE) {
            retryAt = now; // waiting to try again: the new network may work now
        } else if (current != null && localAddressChanged && tunnel != null) {
            restart(current, "the local network changed", now);
        } else if (current != null) {
            current.probe(now);
        }
    }

    @Override
    public void socketsOpened(InetSocketAddress ike, InetSocketAddress nattSocket, long now) {
        if (finished || !awaitingSockets) {
            return;
        }
        awaitingSockets = false;
        localIke = ike;
        localNatt = nattSocket;
        natt = false;
        sessions.current(startSession(Purpose.RECONNECT, now));
        settle(now);
    }

    @Override
    public void socketsFailed(String detail, long now) {
        if (finished || !awaitingSockets) {
            return;
        }
        awaitingSockets = false;
        reconnectLater("no route to the gateway (" + detail + ")", now);
    }

    @Override
    public void disconnect(long now) {
        if (finished) {
            return;
        }
        announce(ConnectionState.DISCONNECTING);
        sessions.closeAll();
        emit(new EngineEvent.Disconnected());
        end();
    }

    @Override
    public boolean isFinished() {
        return finished;
    }

    @Override
    public boolean nattActive() {
        IkeSaSession current = sessions.current();
        return natt || current != null && current.nattActive();
    }

    @Override
    public boolean deadPeerDetectionActive() {
        IkeSaSession current = sessions.current();
        return current != null && current.deadPeerDetectionActive();
    }

    @Override
    public long nextRekeyAt() {
        IkeSaSession current = sessions.current();
        return current == null ? Long.MAX_VALUE : Math.min(rekeyAt, current.nextChildRekeyAt());
    }

    @Override
    public List<IkeOutput> drainOutputs() {
        List<IkeOutput> out = List.copyOf(outputs);
        outputs.clear();
        return out;
    }

    /**
     * Applies what the sessions reported, until none has anything left to report: nothing here
     * runs while a session is in the middle of a call.
     */
    private void settle(long now) {
        boolean any = true;
        while (any) {
            any = false;
            for (IkeSaSession s : sessions.all()) {
                for (SessionEvent e : s.drainEvents()) {
                    any = true;
                    apply(s, e, now);
                }
            }
        }
    }

    private void apply(IkeSaSession session, SessionEvent event, long now) {
        if (event instanceof SessionEvent.Reached) {
            reached |= sessions.isCurrent(session);
        } else if (event instanceof SessionEvent.Authenticating && session.purpose() != Purpose.REKEY) {
            announce(ConnectionState.AUTHENTICATING);
        } else if (event instanceof SessionEvent.TunnelReady up) {
            tunnelReady(session, up.config(), up.algorithms(), now);
        } else if (event instanceof SessionEvent.Starved) {
            starved(session, now);
        } else if (event instanceof SessionEvent.Ended end) {
            ended(session, end.why(), now);
            session.close(end.tellGateway());
        }
    }

    private void tunnelReady(IkeSaSession session, TunnelConfig config, String algorithms, long now) {
        if (sessions.isNext(session)) {
            sessions.promoteNext(now);
        }
        if (!sessions.isCurrent(session)) {
            return;
        }
        attempts = 0;
        rekeyAttempts = 0;
        long life = session.phase1LifetimeSeconds();
        rekeyAt = life <= 0 ? Long.MAX_VALUE
                : Math.max(now + 1_000, session.authenticatedAt() + Lifetimes.rekeyAfterMillis(life, random));
        TunnelConfig before = tunnel;
        tunnel = config;
        if (session.purpose() != Purpose.REKEY) {
            emit(new EngineEvent.TunnelUp(config, algorithms));
            announce(ConnectionState.CONNECTED);
            return;
        }
        emit(new EngineEvent.Progress(ProgressStep.PHASE1_REKEYED, algorithms));
        if (!config.equals(before)) {
            emit(new EngineEvent.TunnelUp(config, algorithms));
        }
    }

    private void starved(IkeSaSession session, long now) {
        if (!sessions.isCurrent(session) || now - lastStarvedRestart < STARVED_RESTART_MILLIS) {
            LOG.log(System.Logger.Level.INFO, "the gateway answers DPD but sends no ESP; not restarting again so soon");
            return;
        }
        lastStarvedRestart = now;
        restart(session, "the gateway answers but its ESP no longer arrives (a NAT on the way may have moved)", now);
    }

    private void ended(IkeSaSession session, ConnectException why, long now) {
        if (finished) {
            return;
        }
        if (sessions.isRetiring(session)) {
            sessions.remove(session);
        } else if (sessions.isNext(session)) {
            sessions.remove(session);
            if (!retryable(why.reason(), true)) {
                fail(why);
                return;
            }
            LOG.log(System.Logger.Level.WARNING, "phase 1 rekey failed, the old SA carries on: " + why.getMessage());
            rekeyAt = now + Math.max(1_000, reconnect.delayMillis(++rekeyAttempts, random));
        } else if (sessions.isCurrent(session)) {
            sessions.current(null);
            if (sessions.next() != null) {
                // a renewal is under way: it takes over (and the SA pairs, which the gateway may have moved to it)
                sessions.replaceCurrentByNext(session, now);
            } else if (!retryable(why.reason(), tunnel != null)
                    || tunnel == null && !(reached && attempts + 1 < FIRST_CONNECT_ATTEMPTS)) {
                fail(why);
            } else {
                reconnectLater(why.detail(), now);
            }
        }
    }

    /**
     * Whether an end with this reason is worth another attempt (else the connection fails). A
     * gateway that does not start XAuth is most likely configured for another method, unless the
     * connection has worked before ({@code worked}): then it may be restarting.
     */
    static boolean retryable(FailureReason reason, boolean worked) {
        switch (reason) {
            case XAUTH_NOT_STARTED:
                return worked;
            case GATEWAY_UNREACHABLE:
            case PEER_DEAD:
            case DELETED_BY_GATEWAY:
            case PROTOCOL_ERROR:
            case LOCAL_NETWORK_ERROR:
                return true;
            default:
                return false;
        }
    }

    /** Ends {@code session} (telling the gateway) and connects again. */
    private void restart(IkeSaSession session, String why, long now) {
        session.close(true);
        if (sessions.isCurrent(session)) {
            sessions.current(null);
        }
        reconnectLater(why, now);
    }

    /** Schedules the next attempt with backoff and tells the user. */
    private void reconnectLater(String why, long now) {
        long delay = reconnect.delayMillis(attempts++, random);
        retryAt = now + delay;
        rekeyAt = Long.MAX_VALUE;
        emit(new EngineEvent.Progress(ProgressStep.RECONNECTING, why + (delay == 0 ? ""
                : String.format(Locale.ROOT, "; next attempt in %.1f s", delay / 1000.0))));
        announce(ConnectionState.CONNECTING);
    }

    private void fail(ConnectException why) {
        sessions.closeAll();
        emit(new EngineEvent.Failed(why));
        end();
    }

    private void end() {
        announce(ConnectionState.DISCONNECTED);
        credentials.destroy();
        finished = true;
    }

    /** A new session with its own copy of the credentials, started at once. */
    private IkeSaSession startSession(Purpose purpose, long now) {
        IkeSaSession s = new IkeSaSession(credentials.forSession(), crypto, localIke, localNatt, gateway, policy, random,
                wall, purpose, Optional.ofNullable(tunnel).map(TunnelConfig::address), outputs::add);
        s.pathMtu(pathMtu);
        if (purpose != Purpose.REKEY) {
            announce(ConnectionState.CONNECTING);
        }
        s.start(now);
        return s;
    }

    private void announce(ConnectionState state) {
        emit(new EngineEvent.StateChanged(state));
    }

    private void emit(EngineEvent event) {
        outputs.add(new IkeOutput.Emit(Objects.requireNonNull(event)));
    }
}
