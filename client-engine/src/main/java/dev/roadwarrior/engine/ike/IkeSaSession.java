package dev.roadwarrior.engine.ike;

import dev.roadwarrior.engine.api.ConnectException;
import dev.roadwarrior.engine.api.ConnectRequest;
import dev.roadwarrior.engine.api.CredentialKind;
import dev.roadwarrior.engine.api.FailureReason;
import dev.roadwarrior.engine.api.ProgressStep;
import dev.roadwarrior.engine.crypto.IkeCrypto;
import dev.roadwarrior.engine.ike.codec.IkeMessage;
import dev.roadwarrior.engine.ike.phase1.AggressiveModeTask;
import dev.roadwarrior.engine.ike.phase1.MainModeTask;
import dev.roadwarrior.engine.ike.phase1.Phase1Authenticator;
import dev.roadwarrior.engine.ike.phase1.Phase1Task;
import dev.roadwarrior.engine.ike.task.QuickModeResponderTask;
import dev.roadwarrior.engine.ike.task.Task;
import dev.roadwarrior.engine.spi.TunnelConfig;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * One ISAKMP SA from its phase 1 to its end, with the ESP SAs negotiated under it. It owns the
 * SA's {@link IkeSaState} and moves it on as tasks finish: phase 1, XAuth when the gateway drives
 * it, Mode Config, the first Quick Mode; then {@link TunnelUpkeep} keeps the SA pairs renewed,
 * answers the gateway's Quick Modes and watches the gateway with dead peer detection, and
 * {@link Informational} handles notifies and deletes. Which exchange starts when is the
 * {@link TaskManager}'s choice, from the state (a phase 1 rekey included: {@link #queueRekey});
 * which task answers an exchange the gateway starts is the {@link ResponderTable}'s.
 *
 * <p>Everything it has to tell its {@link IkeClient} is queued as {@link SessionEvent}s
 * ({@link #drainEvents}); the client decides what an end means (reconnect, or fail).
 *
 * <p>Threading: confined to the engine thread.
 */
final class IkeSaSession {

    private final IkeSa sa;
    private final SessionPurpose purpose;
    private final InstantSource wall;
    private final TaskManager tasks;
    private final Informational informational;
    private final TunnelUpkeep tunnel;
    private final SaSetup setup;
    private final ResponderTable responders;
    private final List<TaskEvent> taskEvents = new ArrayList<>();
    private final List<Informational.Received> received = new ArrayList<>();
    private final List<SessionEvent> events = new ArrayList<>();
    /** Set when the SA failed: it takes no more input until the client closes it. */
    private boolean ending;

    /**
     * @param request the request with this session's own copy of the credentials, which the
     *     session wipes when it ends
     * @param wall the calendar clock certificates are checked against
     * @param preferredAddress the virtual address to ask Mode Config for (the one in use)
     */
    IkeSaSession(ConnectRequest request, IkeCrypto crypto, InetSocketAddress localIke, InetSocketAddress localNatt,
            InetSocketAddress gateway, RetransmitPolicy policy, RandomGenerator random, InstantSource wall,
            SessionPurpose purpose, Optional<Inet4Address> preferredAddress, Consumer<IkeOutput> out) {
        this.sa = new IkeSa(request, crypto, localIke, localNatt, gateway, purpose != SessionPurpose.REKEY);
        this.purpose = purpose;
        this.wall = wall;
        this.tasks = new TaskManager(sa, this::route, taskEvents::add, out, policy, random);
        this.informational = new Informational(sa, tasks);
        this.tunnel = new TunnelUpkeep(sa, tasks, informational, random, out);
        this.setup = new SaSetup(sa, tasks, informational, tunnel, purpose, preferredAddress, out, events::add,
                this::failed);
        this.responders = new ResponderTable(sa, informational, tunnel, setup, received::add);
    }

    SessionPurpose purpose() {
        return purpose;
    }

    IkeSaState state() {
        return sa.state();
    }

    /** See {@link IkeSession#pathMtu}. */
    void pathMtu(int bytes) {
        sa.pathMtu(bytes);
    }

    long initiatorCookie() {
        return sa.initiatorCookie();
    }

    /** Whether dead peer detection was negotiated and runs. */
    boolean deadPeerDetectionActive() {
        return tunnel.deadPeerDetectionActive();
    }

    /** When this session's IPsec SA pair is due for renewal; {@code Long.MAX_VALUE}: none. */
    long nextChildRekeyAt() {
        return tunnel.nextChildRekeyAt();
    }

    boolean nattActive() {
        return sa.nattActive();
    }

    /** Whether the session takes no more input: ending (see {@link SessionEvent.Ended}) or closed. */
    boolean finished() {
        return ending || sa.state() == IkeSaState.DESTROYED;
    }

    /** When phase 1 (and XAuth) succeeded, or -1. */
    long authenticatedAt() {
        return setup.authenticatedAt();
    }

    /** The phase 1 lifetime: the shorter of ours and the gateway's (0: none). */
    long phase1LifetimeSeconds() {
        return Lifetimes.shorter(sa.request().phase1().lifetimeSeconds(),
                sa.phase1() == null ? 0 : sa.phase1().lifetimeSeconds());
    }

    /** What happened since the last call, in order; the client applies it. */
    List<SessionEvent> drainEvents() {
        List<SessionEvent> drained = List.copyOf(events);
        events.clear();
        return drained;
    }

    /** Queues phase 1 (and a Mode Config request for later); the task manager starts phase 1 at once. */
    void start(long now) {
        Phase1Authenticator authenticator;
        try {
            authenticator = Phase1Authenticator.of(sa.request(), wall);
        } catch (ConnectException e) {
            failed(e);
            return;
        }
        setup.progress(ProgressStep.CONTACTING_GATEWAY, sa.gateway().toString());
        tasks.queue(sa.request().phase1().exchange() == ConnectRequest.ExchangeMode.MAIN
                ? new MainModeTask(sa, authenticator) : new AggressiveModeTask(sa, authenticator), now);
        sa.state(IkeSaState.PHASE1);
        setup.queueModeConfig(now); // sent once the SA reaches MODE_CONFIG
        apply(now);
    }

    void receive(byte[] datagram, long now) {
        if (!finished()) {
            tasks.receive(datagram, now);
            apply(now);
        }
    }

    void tick(long now) {
        if (finished() || setup.overdue(now)) {
            return;
        }
        tasks.tick(now);
        apply(now);
        if (finished()) {
            return;
        }
        DeadPeerDetection.Action dpd = tunnel.tick(now);
        if (dpd == DeadPeerDetection.Action.DEAD) {
            failed(new ConnectException(FailureReason.PEER_DEAD, "no answer to " + DeadPeerDetection.TRIES
                    + " R-U-THERE (dead peer detection)"));
        } else if (dpd == DeadPeerDetection.Action.STARVED) {
            events.add(new SessionEvent.Starved());
        }
    }

    long nextDeadline() {
        if (finished()) {
            return Long.MAX_VALUE;
        }
        return Math.min(Math.min(setup.nextDeadline(), tasks.nextDeadline()), tunnel.nextDeadline());
    }

    /** What the data plane saw; may start a renewal (bytes) or feed dead peer detection. */
    void traffic(EspActivity activity) {
        if (!finished()) {
            tunnel.traffic(activity);
        }
    }

    /** Checks at once whether the gateway is still there (after the machine resumed). */
    void probe(long now) {
        if (!finished()) {
            tunnel.probe(now);
        }
    }

    /** Takes the user's answer to a prompt; false when this session has no such prompt. */
    boolean answer(String promptId, Map<CredentialKind, char[]> values, long now) {
        if (finished() || !setup.answer(promptId, values, now)) {
            return false;
        }
        apply(now);
        return true;
    }

    /**
     * Queues a phase 1 rekey of this SA; its task manager starts it when the state allows
     * ({@link SessionEvent.RekeyStarted}), and the client then negotiates the new SA.
     */
    void queueRekey(long now) {
        if (!finished()) {
            tasks.queueRekey(now);
            apply(now);
        }
    }

    /** The phase 1 rekey failed: this SA carries on as before. */
    void rekeyFailed() {
        if (sa.state() == IkeSaState.REKEYING) {
            sa.state(IkeSaState.ESTABLISHED);
        }
    }

    /** Takes over the SA pairs of the SA this one replaces (see {@link ChildSas#adopt}); the old one is DELETING. */
    void adopt(IkeSaSession old, long now) {
        tunnel.adopt(old.tunnel, now);
        if (old.sa.state() != IkeSaState.DESTROYED) {
            old.sa.state(IkeSaState.DELETING);
        }
    }

    /**
     * Ends the session: deletes its SA pairs and the ISAKMP SA at the gateway when
     * {@code tellGateway}, removes the pairs from the data plane, wipes the keys.
     */
    void close(boolean tellGateway) {
        if (sa.state() == IkeSaState.DESTROYED) {
            return;
        }
        tasks.clear();
        tunnel.clear(tellGateway && sa.hasKeys());
        if (tellGateway && sa.hasKeys()) {
            informational.deleteIkeSa();
        }
        sa.destroy();
        sa.request().credentials().destroy();
        events.clear();
    }

    /** The responder table's answer; the table is made after the task manager, which needs this. */
    private Optional<Task> route(IkeMessage message) {
        return responders.route(message);
    }

    /** Applies what the task manager and the gateway's informational messages reported, in order. */
    private void apply(long now) {
        while (!ending && (!taskEvents.isEmpty() || !received.isEmpty())) {
            if (!received.isEmpty()) {
                tunnel.informational(received.remove(0), ready(), now).ifPresent(this::failed);
                continue;
            }
            TaskEvent e = taskEvents.remove(0);
            if (e instanceof TaskEvent.Completed c) {
                completed(c.task(), now);
            } else if (e instanceof TaskEvent.Answered a) {
                answered(a.task(), now);
            } else if (e instanceof TaskEvent.Waiting w) {
                setup.waiting(w.task(), now);
            } else if (e instanceof TaskEvent.Abandoned a && a.task() instanceof QuickModeResponderTask qm) {
                tunnel.abandoned(qm);
            } else if (e instanceof TaskEvent.Heard) {
                tunnel.heard(now);
            } else if (e instanceof TaskEvent.RekeyStarted) {
                sa.state(IkeSaState.REKEYING);
                events.add(new SessionEvent.RekeyStarted());
            } else if (e instanceof TaskEvent.Malformed m) {
                informational.answerError(m.notifyType(), now);
            } else if (e instanceof TaskEvent.Failed f) {
                failed(f.error());
            }
        }
        taskEvents.clear();
        received.clear();
    }

    /** A task finished: the SA moves on to the next state, whose exchange the task manager starts. */
    private void completed(Task task, long now) {
        switch (task.type()) {
            case PHASE1:
                setup.phase1Done((Phase1Task) task, now);
                break;
            case XAUTH:
                setup.xauthDone(now);
                break;
            case MODE_CONFIG:
                setup.modeConfigDone(now);
                break;
            case QUICK_MODE:
                tunnel.quickModeDone(sa.state() == IkeSaState.QUICK_MODE, purpose == SessionPurpose.REKEY, now)
                        .ifPresent(this::established);
                break;
            default:
                tunnel.confirmed((QuickModeResponderTask) task, now);
        }
    }

    /** A responder task answered and stays: an XAuth round, or a gateway's Quick Mode awaiting its last message. */
    private void answered(Task task, long now) {
        if (task instanceof QuickModeResponderTask qm) {
            tunnel.responded(qm, now);
        } else {
            setup.roundAnswered(task, now);
        }
    }

    /** The tunnel's first SA pair is up (with {@code transform}): the host needs its configuration. */
    private void established(String transform) {
        sa.state(IkeSaState.ESTABLISHED);
        setup.progress(ProgressStep.PHASE2_ESTABLISHED, "ESP " + transform);
        TunnelConfig settings = TunnelSettings.of(sa.request().config(), tunnel.virtualIp(), setup.config(),
                (Inet4Address) sa.gateway().getAddress());
        events.add(new SessionEvent.TunnelReady(settings, "IKE " + sa.phase1() + ", ESP " + transform
                + (sa.nattActive() ? " in UDP" : "")));
    }

    /** Whether the tunnel's first SA pair was set up under this SA. */
    private boolean ready() {
        IkeSaState s = sa.state();
        return s == IkeSaState.ESTABLISHED || s == IkeSaState.REKEYING || s == IkeSaState.DELETING;
    }

    /**
     * Ends the session: it takes no more input, and the client hears of it ({@link
     * SessionEvent.Ended}), may take over its SA pairs, then closes it, deleting what is left at
     * the gateway unless the gateway is gone or did so.
     */
    private void failed(ConnectException error) {
        if (finished()) {
            return;
        }
        ending = true;
        tasks.clear();
        sa.state(IkeSaState.DELETING);
        FailureReason r = error.reason();
        events.add(new SessionEvent.Ended(error, r != FailureReason.GATEWAY_UNREACHABLE && r != FailureReason.PEER_DEAD
                && r != FailureReason.DELETED_BY_GATEWAY));
    }
}
