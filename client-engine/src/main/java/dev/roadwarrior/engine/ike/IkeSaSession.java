package dev.roadwarrior.engine.ike;

import dev.roadwarrior.engine.api.ConnectException;
import dev.roadwarrior.engine.api.ConnectRequest;
import dev.roadwarrior.engine.api.ConnectRequest.HostConfig;
import dev.roadwarrior.engine.api.CredentialKind;
import dev.roadwarrior.engine.api.EngineEvent;
import dev.roadwarrior.engine.api.FailureReason;
import dev.roadwarrior.engine.api.ProgressStep;
import dev.roadwarrior.engine.crypto.IkeCrypto;
import dev.roadwarrior.engine.ike.codec.ExchangeType;
import dev.roadwarrior.engine.ike.codec.IkeMessage;
import dev.roadwarrior.engine.ike.codec.payload.AttributePayload;
import dev.roadwarrior.engine.ike.phase1.AggressiveModeTask;
import dev.roadwarrior.engine.ike.phase1.MainModeTask;
import dev.roadwarrior.engine.ike.phase1.Phase1Authenticator;
import dev.roadwarrior.engine.ike.phase1.Phase1Task;
import dev.roadwarrior.engine.ike.task.ModeConfigResult;
import dev.roadwarrior.engine.ike.task.ModeConfigTask;
import dev.roadwarrior.engine.ike.task.QuickModeResponderTask;
import dev.roadwarrior.engine.ike.task.QuickModeTask;
import dev.roadwarrior.engine.ike.task.Task;
import dev.roadwarrior.engine.ike.task.XauthTask;
import dev.roadwarrior.engine.spi.Ipv4Network;
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
 * it, Mode Config, the first Quick Mode; then it keeps the SA pairs renewed ({@link ChildSas}),
 * answers the gateway's Quick Modes, deletes and R-U-THEREs ({@link Informational}), and watches
 * the gateway with dead peer detection. Which exchange starts when is the {@link TaskManager}'s
 * choice, from the state; which task answers an exchange the gateway starts is {@link #route}'s.
 *
 * <p>Everything it has to tell its {@link IkeClient} is queued as {@link SessionEvent}s
 * ({@link #drainEvents}); the client decides what an end means (reconnect, or fail).
 *
 * <p>Threading: confined to the engine thread.
 */
final class IkeSaSession {

    /** How long to wait for a gateway to start XAuth or push its configuration. */
    static final long GATEWAY_TURN_MILLIS = 30_000;
    /**
     * How long to wait for a gateway to start XAuth after phase 1, resending our last phase 1
     * message meanwhile: below strongSwan's 30 s limit for half-open SAs.
     */
    static final long XAUTH_START_MILLIS = 22_000;
    /** How long to wait for the user to answer a prompt. */
    static final long PROMPT_MILLIS = EngineEvent.CredentialsRequired.TIMEOUT_SECONDS * 1000L;

    /** Why the SA is set up; it decides what the user is told and what phase 1 announces. */
    enum Purpose {
        /** The connection's first SA. */
        CONNECT,
        /** A new SA after the connection broke: INITIAL-CONTACT clears what the gateway still holds. */
        RECONNECT,
        /** The renewal of a working SA (phase 1 rekey): quiet, and the old SA lives on meanwhile. */
        REKEY
    }

    private final IkeSa sa;
    private final Purpose purpose;
    private final Consumer<IkeOutput> out;
    private final RandomGenerator random;
    private final InstantSource wall;
    private final TaskManager tasks;
    private final Informational informational;
    private final ChildSas children;
    private final Optional<Inet4Address> preferredAddress;
    private final List<TaskEvent> taskEvents = new ArrayList<>();
    private final List<Informational.Received> received = new ArrayList<>();
    private final List<SessionEvent> events = new ArrayList<>();
    private XauthTask xauth;
    private ModeConfigTask modeConfig;
    private ModeConfigResult config;
    private Inet4Address virtualIp;
    private QuickModeTask quickMode;
    private DeadPeerDetection dpd;
    private long authenticatedAt = -1;
    /** When the gateway's (or the user's) turn in the current state runs out. */
    private long turnEndsAt = Long.MAX_VALUE;
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
            Purpose purpose, Optional<Inet4Address> preferredAddress, Consumer<IkeOutput> out) {
        this.sa = new IkeSa(request, crypto, localIke, localNatt, gateway, purpose != Purpose.REKEY);
        this.purpose = purpose;
        this.out = out;
        this.random = random;
        this.wall = wall;
        this.preferredAddress = preferredAddress;
        this.tasks = new TaskManager(sa, this::route, taskEvents::add, out, policy, random);
        this.informational = new Informational(sa, tasks);
        this.children = new ChildSas(out, informational, random, request.phase2().lifetimeSeconds());
    }

    Purpose purpose() {
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
        return dpd != null;
    }

    /** When this session's IPsec SA pair is due for renewal; {@code Long.MAX_VALUE}: none. */
    long nextChildRekeyAt() {
        return children.nextRekeyAt();
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
        return authenticatedAt;
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
        progress(ProgressStep.CONTACTING_GATEWAY, sa.gateway().toString());
        tasks.queue(sa.request().phase1().exchange() == ConnectRequest.ExchangeMode.MAIN
                ? new MainModeTask(sa, authenticator) : new AggressiveModeTask(sa, authenticator), now);
        sa.state(IkeSaState.PHASE1);
        if (sa.request().config().modeConfig() == ConnectRequest.ModeConfigMode.PULL) {
            modeConfig = new ModeConfigTask(sa, preferredAddress);
            tasks.queue(modeConfig, now); // started once the SA reaches MODE_CONFIG
        }
        apply(now);
    }

    void receive(byte[] datagram, long now) {
        if (!finished()) {
            tasks.receive(datagram, now);
            apply(now);
        }
    }

    void tick(long now) {
        if (finished()) {
            return;
        }
        if (now >= turnEndsAt) {
            turnEndsAt = Long.MAX_VALUE;
            failed(SessionFailures.overdue(xauth));
            return;
        }
        tasks.tick(now);
        apply(now);
        if (finished()) {
            return;
        }
        if (children.tick(now) == ChildSas.Due.REKEY) {
            renewChild(now);
        }
        if (dpd != null) {
            dpdTick(now);
        }
    }

    long nextDeadline() {
        if (finished()) {
            return Long.MAX_VALUE;
        }
        long next = Math.min(Math.min(turnEndsAt, tasks.nextDeadline()), children.nextDeadline());
        return dpd == null ? next : Math.min(next, dpd.nextDeadline());
    }

    /** What the data plane saw; may start a renewal (bytes) or feed dead peer detection. */
    void traffic(EspActivity activity) {
        if (finished()) {
            return;
        }
        children.traffic(activity);
        if (dpd != null) {
            dpd.esp(activity.lastInboundMillis(), activity.lastOutboundMillis());
        }
    }

    /** Checks at once whether the gateway is still there (after the machine resumed). */
    void probe(long now) {
        if (dpd != null && !finished()) {
            dpd.probeSoon(now);
        }
    }

    /** Takes the user's answer to a prompt; false when this session has no such prompt. */
    boolean answer(String promptId, Map<CredentialKind, char[]> values, long now) {
        if (finished() || xauth == null || xauth.prompt().filter(p -> p.promptId().equals(promptId)).isEmpty()) {
            return false;
        }
        try {
            Optional<IkeMessage> reply = xauth.answer(promptId, values);
            if (reply.isPresent()) {
                tasks.reply(xauth, reply.get().header().messageId(), reply.get(), now);
            }
        } catch (ConnectException e) {
            failed(e);
        }
        apply(now);
        return true;
    }

    /** The client started a phase 1 rekey of this SA ({@code true}), or it failed and this SA goes on. */
    void rekeying(boolean underWay) {
        if (ready() && sa.state() != IkeSaState.DELETING) {
            sa.state(underWay ? IkeSaState.REKEYING : IkeSaState.ESTABLISHED);
        }
    }

    /** Takes over the SA pairs of the SA this one replaces (see {@link ChildSas#adopt}); the old one is DELETING. */
    void adopt(IkeSaSession old, long now) {
        children.adopt(old.children, now);
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
        children.clear(tellGateway && sa.hasKeys());
        if (tellGateway && sa.hasKeys()) {
            informational.deleteIkeSa();
        }
        sa.destroy();
        sa.request().credentials().destroy();
        events.clear();
    }

    /**
     * The responder table: the task for a message of an exchange the gateway starts (strongSwan's
     * {@code process_request}); informational messages are handled at once and need no task.
     */
    private Optional<Task> route(IkeMessage message) {
        ExchangeType type = message.header().exchangeType();
        if (type.equals(ExchangeType.INFORMATIONAL)) {
            informational.handle(message).ifPresent(received::add);
            return Optional.empty();
        }
        if (type.equals(ExchangeType.QUICK_MODE) && sa.hasKeys() && virtualIp != null) {
            return Optional.of(new QuickModeResponderTask(sa, virtualIp));
        }
        if (!type.equals(ExchangeType.TRANSACTION) || !sa.hasKeys()) {
            return Optional.empty();
        }
        if (xauth != null && xauth.outcome() == XauthTask.Outcome.PENDING) {
            return Optional.of(xauth);
        }
        boolean set = message.first(AttributePayload.class).filter(a -> a.messageType() == AttributePayload.SET)
                .isPresent();
        if (config != null || !set || sa.request().config().modeConfig() == ConnectRequest.ModeConfigMode.DISABLED) {
            return Optional.empty();
        }
        if (modeConfig != null) {
            tasks.cancel(modeConfig); // the gateway pushes although we asked: take what it pushes
        }
        modeConfig = new ModeConfigTask(sa);
        return Optional.of(modeConfig);
    }

    /** Applies what the task manager and the gateway's informational messages reported, in order. */
    private void apply(long now) {
        while (!ending && (!taskEvents.isEmpty() || !received.isEmpty())) {
            if (!received.isEmpty()) {
                informational(received.remove(0), now);
                continue;
            }
            TaskEvent e = taskEvents.remove(0);
            if (e instanceof TaskEvent.Completed c) {
                completed(c.task(), now);
            } else if (e instanceof TaskEvent.Answered a) {
                answered(a.task(), now);
            } else if (e instanceof TaskEvent.Waiting w && w.task() == xauth && xauth.prompt().isPresent()
                    && !xauth.retransmission()) {
                turnEndsAt = now + PROMPT_MILLIS;
                emit(xauth.prompt().get());
            } else if (e instanceof TaskEvent.Abandoned a && a.task() instanceof QuickModeResponderTask qm) {
                children.discard(qm.keys().inboundSpi());
            } else if (e instanceof TaskEvent.Heard && dpd != null) {
                dpd.heard(now);
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
                phase1Done((Phase1Task) task, now);
                break;
            case XAUTH:
                turnEndsAt = Long.MAX_VALUE;
                progress(ProgressStep.USER_AUTHENTICATED, sa.request().credentials().xauthUser().orElse(""));
                authenticated(now);
                break;
            case MODE_CONFIG:
                turnEndsAt = Long.MAX_VALUE;
                config = modeConfig.result().orElseThrow();
                progress(ProgressStep.CONFIGURATION_RECEIVED, "address " + config.address().getHostAddress());
                if (purpose == Purpose.CONNECT) {
                    config.banner().ifPresent(b -> emit(new EngineEvent.Banner(b)));
                    if (sa.request().phase1().auth().usesXauth()) {
                        emit(new EngineEvent.SavePassword(config.savePassword()));
                    }
                }
                virtualIp = config.address();
                sa.state(IkeSaState.QUICK_MODE);
                startQuickMode(now);
                break;
            case QUICK_MODE:
                quickModeDone(now);
                break;
            default:
                QuickModeResponderTask qm = (QuickModeResponderTask) task;
                children.confirm(qm.keys().inboundSpi(), now);
                emit(new EngineEvent.Progress(ProgressStep.PHASE2_REKEYED, "ESP " + qm.keys().transform()
                        + ", started by the gateway"));
        }
    }

    /** A responder task answered and stays: an XAuth round, or a gateway's Quick Mode awaiting its last message. */
    private void answered(Task task, long now) {
        if (task instanceof QuickModeResponderTask qm) {
            children.install(qm.keys(), now, Long.MAX_VALUE);
        } else if (task == xauth) {
            turnEndsAt = now + GATEWAY_TURN_MILLIS;
            if (!xauth.retransmission()) {
                progress(ProgressStep.AUTHENTICATING_USER, xauth.gatewayMessage().orElse(""));
            }
        }
    }

    private void phase1Done(Phase1Task phase1, long now) {
        events.add(new SessionEvent.Reached());
        progress(ProgressStep.GATEWAY_REACHED, sa.gateway().getAddress().getHostAddress());
        if (phase1.natDetected()) {
            progress(ProgressStep.NAT_DETECTED, "IKE and ESP continue on UDP port " + sa.gateway().getPort());
        }
        progress(ProgressStep.PHASE1_ESTABLISHED, phase1.gatewayIdentity() + ", IKE " + sa.phase1());
        if (purpose == Purpose.RECONNECT && sa.request().phase1().exchange() == ConnectRequest.ExchangeMode.AGGRESSIVE) {
            informational.initialContact(); // Aggressive Mode's third message is not where every gateway looks
        }
        if (sa.request().phase1().auth().usesXauth()) {
            sa.state(IkeSaState.XAUTH);
            events.add(new SessionEvent.Authenticating());
            xauth = new XauthTask(sa);
            turnEndsAt = now + XAUTH_START_MILLIS;
            tasks.resendLastUntilHeard(now);
        } else {
            authenticated(now);
        }
    }

    /** Phase 1 (and XAuth) done: Mode Config as the profile says, or the static address. */
    private void authenticated(long now) {
        authenticatedAt = now;
        sa.state(IkeSaState.MODE_CONFIG);
        HostConfig host = sa.request().config();
        switch (host.modeConfig()) {
            case PULL:
                tasks.initiate(now); // the request queued at the start goes out now
                break;
            case PUSH:
                turnEndsAt = now + GATEWAY_TURN_MILLIS;
                break;
            default:
                Inet4Address address = host.staticAddress().orElse(null);
                if (address == null) {
                    failed(new ConnectException(FailureReason.NOT_SUPPORTED, "no virtual address: Mode Config is off and "
                            + "the profile has no static address"));
                    return;
                }
                virtualIp = address;
                sa.state(IkeSaState.QUICK_MODE);
                startQuickMode(now);
        }
    }

    private void quickModeDone(long now) {
        ChildSaKeys keys = quickMode.keys();
        quickMode = null;
        String transform = keys.transform().toString();
        boolean first = sa.state() == IkeSaState.QUICK_MODE;
        // with no pair carrying traffic (the first of the connection, or the gateway deleted the
        // one in use) there is nothing to wait for; the first of a rekey replaces the old SA's pair
        boolean carrying = first ? purpose == Purpose.REKEY : children.up();
        children.install(keys, now, carrying ? now + ChildSas.ACTIVATE_DELAY_MILLIS : now);
        if (!first) {
            emit(new EngineEvent.Progress(ProgressStep.PHASE2_REKEYED, "ESP " + transform));
            return;
        }
        sa.state(IkeSaState.ESTABLISHED);
        progress(ProgressStep.PHASE2_ESTABLISHED, "ESP " + transform);
        if (sa.request().transport().dpd() && sa.peerFeatures().contains(IkeSa.PeerFeature.DPD)) {
            dpd = new DeadPeerDetection(now, random.nextInt() & 0x3fff_ffff);
        }
        TunnelConfig settings = TunnelSettings.of(sa.request().config(), virtualIp, Optional.ofNullable(config),
                (Inet4Address) sa.gateway().getAddress());
        events.add(new SessionEvent.TunnelReady(settings, "IKE " + sa.phase1() + ", ESP " + transform
                + (sa.nattActive() ? " in UDP" : "")));
    }

    /** Negotiates a new SA pair to replace the current one, unless a Quick Mode is already under way. */
    private void renewChild(long now) {
        children.rekeyStarted();
        if (quickMode == null && virtualIp != null) {
            startQuickMode(now);
        }
    }

    private void startQuickMode(long now) {
        ConnectRequest.Phase2 phase2 = sa.request().phase2();
        Optional<Integer> unityPfs = config != null ? config.pfsGroup() : Optional.empty();
        Optional<Integer> pfs = phase2.pfsGroup().or(() -> phase2.gatewayPfs() ? unityPfs : Optional.empty());
        quickMode = new QuickModeTask(sa, virtualIp, new Ipv4Network(Ipv4Network.parseAddress("0.0.0.0"), 0), pfs);
        tasks.queue(quickMode, now);
    }

    private void informational(Informational.Received message, long now) {
        for (int ack : message.dpdAcks()) {
            if (dpd != null) {
                dpd.acked(ack, now);
            }
        }
        if (!message.errors().isEmpty()) {
            if (!ready()) {
                failed(SessionFailures.fromNotify(message.errors().get(0), sa, quickMode));
                return;
            }
            SessionFailures.LOG.log(System.Logger.Level.WARNING, "the gateway reports " + message.errors()
                    + "; the tunnel stays up");
        }
        if (message.deletedIkeSa()) {
            failed(new ConnectException(FailureReason.DELETED_BY_GATEWAY, "the gateway deleted the IKE SA"));
            return;
        }
        for (int spi : message.deletedSpis()) {
            if (children.deletedByGateway(spi)) {
                SessionFailures.LOG.log(System.Logger.Level.INFO, "the gateway deleted the IPsec SA in use; "
                        + "negotiating a new one");
                renewChild(now);
            }
        }
    }

    private void dpdTick(long now) {
        switch (dpd.tick(now)) {
            case SEND:
                informational.areYouThere(dpd.sequence());
                break;
            case DEAD:
                failed(new ConnectException(FailureReason.PEER_DEAD, "no answer to " + DeadPeerDetection.TRIES
                        + " R-U-THERE (dead peer detection)"));
                break;
            case STARVED:
                events.add(new SessionEvent.Starved());
                break;
            default:
                break;
        }
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

    /** Progress of the setup; a rekey goes unreported (the client reports its outcome). */
    private void progress(ProgressStep step, String detail) {
        if (purpose != Purpose.REKEY) {
            emit(new EngineEvent.Progress(step, detail));
        }
    }

    private void emit(EngineEvent event) {
        out.accept(new IkeOutput.Emit(event));
    }
}
