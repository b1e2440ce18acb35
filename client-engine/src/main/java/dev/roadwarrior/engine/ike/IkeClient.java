package dev.roadwarrior.engine.ike;

import dev.roadwarrior.engine.api.FailureReason;
import dev.roadwarrior.engine.api.ConnectException;
import dev.roadwarrior.engine.api.ConnectRequest;
import dev.roadwarrior.engine.api.ConnectionState;
import dev.roadwarrior.engine.api.CredentialKind;
import dev.roadwarrior.engine.api.EngineEvent;
import dev.roadwarrior.engine.crypto.IkeCrypto;
import dev.roadwarrior.engine.spi.TunnelConfig;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The IKEv1 client for one connection, from connect to disconnect: it runs an
 * {@link IkeSaSession} per ISAKMP SA ({@link SessionSet}) and keeps the tunnel up across their
 * ends. It is the one place that announces the connection's state (through its
 * {@link ClientOutput}): sessions report {@link SessionEvent}s, which it applies after each call
 * into them ({@link #settle}).
 *
 * <ul>
 *   <li>Phase 1 rekey: before the phase 1 lifetime ends the current session queues a rekey,
 *       which its task manager starts when the SA's state allows; a second session then
 *       negotiates a new ISAKMP SA (with XAuth and Mode Config again, asking for the same virtual
 *       address) and its own ESP SAs, takes over the old session's SA pairs, and the old ISAKMP
 *       SA is deleted after a grace period.</li>
 *   <li>Reconnect: when the session carrying the tunnel ends after the tunnel has been up (dead
 *       peer, the gateway deleted the IKE SA, no answer, a new local network), the tunnel's SAs
 *       are removed but the host keeps its configuration, so traffic is blocked rather than
 *       leaked, and a fresh session is started from new sockets with {@link ReconnectPolicy}'s
 *       backoff until it works or the user disconnects ({@link ReconnectSchedule}).</li>
 *   <li>It fails only for reasons retrying cannot fix (see {@link ReconnectSchedule#retryable}).</li>
 * </ul>
 * What its sessions are made from, credentials included, is kept by {@link SessionTemplate}.
 */
public final class IkeClient implements IkeSession {

    private static final System.Logger LOG = System.getLogger(IkeClient.class.getName());

    private final ClientOutput output = new ClientOutput();
    private final SessionTemplate template;
    private final ReconnectSchedule schedule;
    private final SessionSet sessions = new SessionSet();
    private boolean awaitingSockets;
    private boolean natt;
    private boolean finished;
    private TunnelConfig tunnel;

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
        this.template = new SessionTemplate(request, crypto, localIke, localNatt, gateway, policy, random, wall,
                output.sink());
        this.schedule = new ReconnectSchedule(reconnect, random);
    }

    @Override
    public void start(long now) {
        sessions.current(startSession(SessionPurpose.CONNECT, now));
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
        if (schedule.retryDue(now)) {
            awaitingSockets = true;
            output.add(new IkeOutput.OpenSockets());
        }
        sessions.retireDue(now);
        if (schedule.rekeyDue(now) && sessions.current() != null && sessions.next() == null && tunnel != null) {
            sessions.current().queueRekey(now); // its task manager starts it: SessionEvent.RekeyStarted
            settle(now);
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
        long deadline = Math.min(schedule.retryAt(), Math.min(sessions.retireAt(), schedule.rekeyAt()));
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
                template.credentials().remember(typed);
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
        template.pathMtu(bytes);
        sessions.live().forEach(s -> s.pathMtu(bytes));
    }

    @Override
    public void networkChanged(boolean localAddressChanged, long now) {
        IkeSaSession current = sessions.current();
        if (finished || awaitingSockets) {
            return;
        }
        if (schedule.retrying()) {
            schedule.retryNow(now); // waiting to try again: the new network may work now
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
        template.sockets(ike, nattSocket);
        natt = false;
        sessions.current(startSession(SessionPurpose.RECONNECT, now));
        settle(now);
    }

    @Override
    public void socketsFailed(String detail, long now) {
        if (finished || !awaitingSockets) {
            return;
        }
        awaitingSockets = false;
        reconnectLater("no route to the gateway (" + detail + ")", false, now);
    }

    @Override
    public void disconnect(long now) {
        if (finished) {
            return;
        }
        output.announce(ConnectionState.DISCONNECTING);
        sessions.closeAll();
        output.emit(new EngineEvent.Disconnected());
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
        return current == null ? Long.MAX_VALUE : Math.min(schedule.rekeyAt(), current.nextChildRekeyAt());
    }

    @Override
    public List<IkeOutput> drainOutputs() {
        return output.drain();
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
        if (event instanceof SessionEvent.Reached && sessions.isCurrent(session)) {
            schedule.reached();
        } else if (event instanceof SessionEvent.Authenticating && session.purpose() != SessionPurpose.REKEY) {
            output.announce(ConnectionState.AUTHENTICATING);
        } else if (event instanceof SessionEvent.RekeyStarted && sessions.isCurrent(session) && sessions.next() == null) {
            sessions.next(startSession(SessionPurpose.REKEY, now));
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
        schedule.tunnelUp(session.authenticatedAt(), session.phase1LifetimeSeconds(), now);
        TunnelConfig before = tunnel;
        tunnel = config;
        output.tunnelUp(config, before, algorithms, session.purpose() == SessionPurpose.REKEY);
    }

    private void starved(IkeSaSession session, long now) {
        if (!sessions.isCurrent(session) || !schedule.starvedRestartAllowed(now)) {
            LOG.log(System.Logger.Level.INFO, "the gateway answers DPD but sends no ESP; not restarting again so soon");
            return;
        }
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
            if (!ReconnectSchedule.retryable(why.reason(), true)) {
                fail(why);
                return;
            }
            LOG.log(System.Logger.Level.WARNING, "phase 1 rekey failed, the old SA carries on: " + why.getMessage());
            schedule.rekeyFailed(now);
        } else if (sessions.isCurrent(session)) {
            sessions.current(null);
            if (sessions.next() != null) {
                // a renewal is under way: it takes over (and the SA pairs, which the gateway may have moved to it)
                sessions.replaceCurrentByNext(session, now);
            } else if (!schedule.worthRetrying(why.reason(), tunnel != null)) {
                fail(why);
            } else {
                reconnectLater(why.detail(), why.reason() == FailureReason.GATEWAY_UNREACHABLE, now);
            }
        }
    }

    /** Ends {@code session} (telling the gateway) and connects again. */
    private void restart(IkeSaSession session, String why, long now) {
        session.close(true);
        if (sessions.isCurrent(session)) {
            sessions.current(null);
        }
        reconnectLater(why, false, now);
    }

    /** Schedules the next attempt with backoff (none after a silent one) and tells the user. */
    private void reconnectLater(String why, boolean afterSilence, long now) {
        output.reconnecting(why, schedule.scheduleRetry(now, afterSilence));
    }

    private void fail(ConnectException why) {
        sessions.closeAll();
        output.emit(new EngineEvent.Failed(why));
        end();
    }

    private void end() {
        output.announce(ConnectionState.DISCONNECTED);
        template.credentials().destroy();
        finished = true;
    }

    /** A new session with its own copy of the credentials, started at once. */
    private IkeSaSession startSession(SessionPurpose purpose, long now) {
        IkeSaSession s = template.session(purpose, Optional.ofNullable(tunnel).map(TunnelConfig::address));
        if (purpose != SessionPurpose.REKEY) {
            output.announce(ConnectionState.CONNECTING);
        }
        s.start(now);
        return s;
    }
}
