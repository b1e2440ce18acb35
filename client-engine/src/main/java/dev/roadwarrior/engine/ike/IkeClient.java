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
 * {@link IkeSaSession} per ISAKMP SA and keeps the tunnel up across their ends.
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
 * The credentials are copied at construction and kept in memory for the life of the connection
 * (each session gets and wipes its own copy); the copy is wiped when the connection ends.
 */
public final class IkeClient implements IkeSession, IkeSaSession.Owner {

    /** Attempts of a first connect that reached the gateway but then broke off (e.g. lost packets). */
    static final int FIRST_CONNECT_ATTEMPTS = 3;
    /** At most one restart because the gateway's ESP stays away while it answers DPD, per this period. */
    static final long STARVED_RESTART_MILLIS = 600_000;
    /** How long the old ISAKMP SA lives after a phase 1 rekey: until the pairs it handed over are gone. */
    static final long RETIRE_MILLIS = ChildSas.ACTIVATE_DELAY_MILLIS + ChildSas.GRACE_MILLIS + 1_000;
    private static final System.Logger LOG = System.getLogger(IkeClient.class.getName());

    private ConnectRequest request;
    private final IkeCrypto crypto;
    private final InetSocketAddress gateway;
    private final RetransmitPolicy policy;
    private final ReconnectPolicy reconnect;
    private final RandomGenerator random;
    private final InstantSource wall;
    private final List<IkeOutput> outputs = new ArrayList<>();
    private InetSocketAddress localIke;
    private InetSocketAddress localNatt;
    /** The session that carries (or is bringing up) the tunnel. */
    private IkeSaSession current;
    /** A phase 1 rekey under way. */
    private IkeSaSession next;
    /** A replaced session, deleted at {@link #retireAt}. */
    private IkeSaSession retiring;
    private long retireAt = Long.MAX_VALUE;
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
    private long now;
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
        this.request = request.withCredentials(request.credentials().copy());
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
    public void start(long nowMillis) {
        now = nowMillis;
        current = session(Purpose.CONNECT);
        current.start(nowMillis);
    }

    @Override
    public void receive(byte[] datagram, boolean viaNatt, long nowMillis) {
        now = nowMillis;
        if (finished || datagram.length < 8) {
            return;
        }
        long cookie = ByteBuffer.wrap(datagram, 0, 8).getLong();
        for (IkeSaSession s : sessions()) {
            if (s.initiatorCookie() == cookie) {
                s.receive(datagram, nowMillis);
                natt |= s == current && s.nattActive();
                return;
            }
        }
    }

    @Override
    public void tick(long nowMillis) {
        now = nowMillis;
        if (finished) {
            return;
        }
        if (nowMillis >= retryAt) {
            retryAt = Long.MAX_VALUE;
            awaitingSockets = true;
            outputs.add(new IkeOutput.OpenSockets());
        }
        if (nowMillis >= retireAt) {
            retireAt = Long.MAX_VALUE;
            retiring.close(true);
            retiring = null;
        }
        if (nowMillis >= rekeyAt) {
            rekeyAt = Long.MAX_VALUE;
            if (current != null && next == null && tunnel != null) {
                next = session(Purpose.REKEY);
                next.start(nowMillis);
            }
        }
        for (IkeSaSession s : sessions()) {
            if (!finished && s.nextDeadline() <= nowMillis) {
                s.tick(nowMillis);
            }
        }
    }

    @Override
    public long nextDeadline() {
        if (finished) {
            return Long.MAX_VALUE;
        }
        long deadline = Math.min(retryAt, Math.min(retireAt, rekeyAt));
        for (IkeSaSession s : sessions()) {
            deadline = Math.min(deadline, s.nextDeadline());
        }
        return deadline;
    }

    @Override
    public void answer(String promptId, Map<CredentialKind, char[]> values, long nowMillis) {
        now = nowMillis;
        char[] user = values.containsKey(CredentialKind.USER_NAME) ? values.get(CredentialKind.USER_NAME).clone() : null;
        char[] password = values.containsKey(CredentialKind.PASSWORD) ? values.get(CredentialKind.PASSWORD).clone()
                : null;
        try {
            for (IkeSaSession s : sessions()) {
                if (!finished && s.answer(promptId, values, nowMillis)) {
                    remember(user, password);
                    return;
                }
            }
            values.values().forEach(v -> Arrays.fill(v, '\0'));
        } finally {
            for (char[] c : new char[][] {user, password}) {
                if (c != null) {
                    Arrays.fill(c, '\0');
                }
            }
        }
    }

    /**
     * Keeps a user name or password the user typed at a prompt with the connection's credentials,
     * so that a reconnect or phase 1 rekey does not ask again (one-time codes are not kept).
     */
    private void remember(char[] user, char[] password) {
        if (user == null && password == null || finished) {
            return;
        }
        ConnectRequest.Credentials old = request.credentials();
        request = request.withCredentials(new ConnectRequest.Credentials(old.preSharedKey().clone(),
                user != null ? Optional.of(new String(user)) : old.xauthUser(),
                password != null ? Optional.of(password.clone()) : old.xauthPassword().map(char[]::clone),
                old.caCertificate(), old.clientCertificate(), old.clientKey().clone(),
                old.keyPassphrase().map(char[]::clone)));
        old.destroy();
    }

    @Override
    public void traffic(EspActivity activity, long nowMillis) {
        now = nowMillis;
        if (!finished && current != null) {
            current.traffic(activity, nowMillis);
        }
    }

    @Override
    public void pathMtu(int bytes) {
        pathMtu = bytes;
        sessions().forEach(s -> s.pathMtu(bytes));
    }

    @Override
    public void networkChanged(boolean localAddressChanged, long nowMillis) {
        now = nowMillis;
        if (finished || awaitingSockets) {
            return;
        }
        if (retryAt != Long.MAX_VALUE) {
            retryAt = nowMillis; // waiting to try again: the new network may work now
        } else if (current != null && localAddressChanged && tunnel != null) {
            restart(current, "the local network changed");
        } else if (current != null) {
            current.probe(nowMillis);
        }
    }

    @Override
    public void socketsOpened(InetSocketAddress ike, InetSocketAddress nattSocket, long nowMillis) {
        now = nowMillis;
        if (finished || !awaitingSockets) {
            return;
        }
        awaitingSockets = false;
        localIke = ike;
        localNatt = nattSocket;
        natt = false;
        current = session(Purpose.RECONNECT);
        current.start(nowMillis);
    }

    @Override
    public void socketsFailed(String detail, long nowMillis) {
        now = nowMillis;
        if (finished || !awaitingSockets) {
            return;
        }
        awaitingSockets = false;
        reconnectLater("no route to the gateway (" + detail + ")");
    }

    @Override
    public void disconnect(long nowMillis) {
        now = nowMillis;
        if (finished) {
            return;
        }
        emit(new EngineEvent.StateChanged(ConnectionState.DISCONNECTING));
        closeAll();
        emit(new EngineEvent.Disconnected());
        end();
    }

    @Override
    public boolean isFinished() {
        return finished;
    }

    @Override
    public boolean nattActive() {
        return natt || current != null && current.nattActive();
    }

    @Override
    public boolean deadPeerDetectionActive() {
        return current != null && current.deadPeerDetectionActive();
    }

    @Override
    public long nextRekeyAt() {
        return current == null ? Long.MAX_VALUE : Math.min(rekeyAt, current.nextChildRekeyAt());
    }

    @Override
    public List<IkeOutput> drainOutputs() {
        List<IkeOutput> out = List.copyOf(outputs);
        outputs.clear();
        return out;
    }

    @Override
    public void reached(IkeSaSession session) {
        reached |= session == current;
    }

    @Override
    public void tunnelReady(IkeSaSession session, TunnelConfig config, String algorithms) {
        if (session == next) {
            IkeSaSession old = current;
            current = next;
            next = null;
            if (old != null) {
                current.adopt(old, now);
                if (retiring != null) {
                    retiring.close(true);
                }
                retiring = old;
                retireAt = now + RETIRE_MILLIS;
            }
        }
        if (session != current) {
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
            emit(new EngineEvent.StateChanged(ConnectionState.CONNECTED));
            return;
        }
        emit(new EngineEvent.Progress(ProgressStep.PHASE1_REKEYED, algorithms));
        if (!config.equals(before)) {
            emit(new EngineEvent.TunnelUp(config, algorithms));
        }
    }

    @Override
    public void starved(IkeSaSession session) {
        if (session != current || now - lastStarvedRestart < STARVED_RESTART_MILLIS) {
            LOG.log(System.Logger.Level.INFO, "the gateway answers DPD but sends no ESP; not restarting again so soon");
            return;
        }
        lastStarvedRestart = now;
        restart(session, "the gateway answers but its ESP no longer arrives (a NAT on the way may have moved)");
    }

    @Override
    public void ended(IkeSaSession session, ConnectException why) {
        if (finished) {
            return;
        }
        if (session == retiring) {
            retiring = null;
            retireAt = Long.MAX_VALUE;
        } else if (session == next) {
            next = null;
            if (!retryable(why.reason(), true)) {
                fail(why);
                return;
            }
            LOG.log(System.Logger.Level.WARNING, "phase 1 rekey failed, the old SA carries on: " + why.getMessage());
            rekeyAt = now + Math.max(1_000, reconnect.delayMillis(++rekeyAttempts, random));
        } else if (session == current) {
            current = null;
            if (next != null) {
                // a renewal is under way: it takes over (and the SA pairs, which the gateway may have moved to it)
                if (next.authenticatedAt() >= 0) {
                    next.adopt(session, now);
                }
                current = next;
                next = null;
            } else if (!retryable(why.reason(), tunnel != null)
                    || tunnel == null && !(reached && attempts + 1 < FIRST_CONNECT_ATTEMPTS)) {
                fail(why);
            } else {
                reconnectLater(why.detail());
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
    private void restart(IkeSaSession session, String why) {
        session.close(true);
        if (session == current) {
            current = null;
        }
        reconnectLater(why);
    }

    /** Schedules the next attempt with backoff and tells the user. */
    private void reconnectLater(String why) {
        long delay = reconnect.delayMillis(attempts++, random);
        retryAt = now + delay;
        rekeyAt = Long.MAX_VALUE;
        emit(new EngineEvent.Progress(ProgressStep.RECONNECTING, why + (delay == 0 ? ""
                : String.format(Locale.ROOT, "; next attempt in %.1f s", delay / 1000.0))));
        emit(new EngineEvent.StateChanged(ConnectionState.CONNECTING));
    }

    private void fail(ConnectException why) {
        closeAll();
        emit(new EngineEvent.Failed(why));
        end();
    }

    private void closeAll() {
        for (IkeSaSession s : sessions()) {
            s.close(true);
        }
        current = null;
        next = null;
        retiring = null;
    }

    private void end() {
        emit(new EngineEvent.StateChanged(ConnectionState.DISCONNECTED));
        request.credentials().destroy();
        finished = true;
    }

    private IkeSaSession session(Purpose purpose) {
        IkeSaSession s = new IkeSaSession(request.withCredentials(request.credentials().copy()), crypto, localIke,
                localNatt, gateway, policy, random, wall, purpose, Optional.ofNullable(tunnel).map(TunnelConfig::address), this,
                outputs::add);
        s.pathMtu(pathMtu);
        return s;
    }

    /** The live sessions, newest first. */
    private List<IkeSaSession> sessions() {
        List<IkeSaSession> all = new ArrayList<>(3);
        for (IkeSaSession s : new IkeSaSession[] {next, current, retiring}) {
            if (s != null && !s.finished()) {
                all.add(s);
            }
        }
        return all;
    }

    private void emit(EngineEvent event) {
        outputs.add(new IkeOutput.Emit(Objects.requireNonNull(event)));
    }
}
